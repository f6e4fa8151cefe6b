"use client";
// Keeps a back-office page current without a reload: polls a version token (TanStack Query) and,
// when it moves, renders the page afresh on the server (router.refresh keeps scroll and form state).
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";

const POLL_MS = 2_500;

export function LiveRefresh({ url, version, label }: { url: string; version: string; label: string }) {
  const router = useRouter();
  const { data = version } = useQuery({
    queryKey: ["live-version", url],
    queryFn: async () => {
      const response = await fetch(url, { headers: { accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return ((await response.json()) as { data: { version: string } }).data.version;
    },
    initialData: version,
    initialDataUpdatedAt: 0,
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
  });
  useEffect(() => {
    if (data !== version) router.refresh();
  }, [data, version, router]);
  return (
    <>
      <p className="text-sm text-stone-600" data-testid="live-refresh" data-version={version} data-needs-js>
        {label}
      </p>
      {/* Shown instead without JavaScript (ShowStreamedBackOfficeWithoutJs). */}
      <p className="text-sm text-stone-600" data-testid="live-refresh-off" data-without-js>
        Without JavaScript this page does not update by itself: reload it to see changes.
      </p>
    </>
  );
}
