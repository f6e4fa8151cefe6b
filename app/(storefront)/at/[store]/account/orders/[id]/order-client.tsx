"use client";
// The order page's interactive parts: the live status while a payment is under way, and submit
// buttons that say when they are busy (the forms themselves are plain and work without JavaScript).
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { OrderStatus } from "@/db/schema";
import { LIVE_STATUSES, ORDER_STATUS_LABELS } from "@/lib/orders/labels";

const POLL_MS = 2_000;

async function fetchStatus(orderId: string): Promise<OrderStatus> {
  const response = await fetch(`/api/v1/orders/${orderId}`, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`Order status: HTTP ${response.status}`);
  return ((await response.json()) as { data: { status: OrderStatus } }).data.status;
}

/**
 * The status as the server rendered it, polled from the v1 API while the payment is under way;
 * when it changes, the page is rendered afresh (thank-you heading, buttons, timeline).
 */
export function LiveOrderStatus({ orderId, status }: { orderId: string; status: OrderStatus }) {
  const router = useRouter();
  const { data = status } = useQuery({
    queryKey: ["order-status", orderId],
    queryFn: () => fetchStatus(orderId),
    initialData: status,
    initialDataUpdatedAt: 0,
    refetchInterval: (query) => (LIVE_STATUSES.includes(query.state.data ?? status) ? POLL_MS : false),
  });
  useEffect(() => {
    if (data !== status) router.refresh();
  }, [data, status, router]);
  return (
    <p role="status" aria-live="polite" className="text-stone-700">
      Status: <strong data-testid="live-status">{ORDER_STATUS_LABELS[data]}</strong>
      {LIVE_STATUSES.includes(data) && <span className="text-stone-600"> · this page updates by itself</span>}
    </p>
  );
}

export function SubmitButton({ children, busy, className }: { children: ReactNode; busy: string; className: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={className}>
      {pending ? busy : children}
    </button>
  );
}
