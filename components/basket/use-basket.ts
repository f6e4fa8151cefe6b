"use client";
// The header's view of the basket, and the hooks that keep it fresh after a change.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useSyncExternalStore } from "react";

export const BASKET_QUERY_KEY = ["basket-summary"] as const;

type Summary = { lines: number; subtotal: { amount: number } };

export function useBasketSummary() {
  return useQuery({
    queryKey: BASKET_QUERY_KEY,
    queryFn: async (): Promise<Summary> => {
      const response = await fetch("/api/storefront/basket", { cache: "no-store" });
      if (!response.ok) throw new Error(`basket summary: ${response.status}`);
      return (await response.json()).data;
    },
  });
}

/** Refetches the header's basket whenever `version` changes (an action's result). */
export function useRefreshBasketOn(version: unknown) {
  const client = useQueryClient();
  useEffect(() => {
    if (version) void client.invalidateQueries({ queryKey: BASKET_QUERY_KEY });
  }, [client, version]);
}

const noSubscription = () => () => {};

/** True once React runs in the browser: forms then tell actions they may answer in place. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
