// How orders read to shoppers: status names, timeline entries, cancellation reasons and times
// (shown in Paris time, where the stores are). Pure, so pages, e-mails and tests share it.
import type { Fulfilment, OrderStatus } from "@/db/schema/orders";
import { PAYMENT_MISMATCH_REASON } from "@/lib/payments/payment-checks";
import { NOTHING_PICKED_REASON, PAYMENT_EXPIRED_REASON, PAYMENT_UNAVAILABLE_REASON, SHOPPER_CANCEL_REASON } from "./state-machine";

export const SHOP_TIME_ZONE = "Europe/Paris";

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
  pending_payment: "Awaiting payment",
  authorized: "Payment authorised",
  confirmed: "Confirmed",
  picking: "Being picked",
  picked: "Picked",
  ready_for_collection: "Ready for collection",
  out_for_delivery: "Out for delivery",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** While an order is in one of these, its page follows the status live (payment under way). */
export const LIVE_STATUSES: readonly OrderStatus[] = ["pending_payment", "authorized"];

const TIMELINE_LABELS: Record<OrderStatus, string> = {
  pending_payment: "Order placed",
  authorized: "Payment authorised",
  confirmed: "Order confirmed",
  picking: "Picking started",
  picked: "Picked and checked",
  ready_for_collection: "Ready for collection",
  out_for_delivery: "Out for delivery",
  completed: "Completed",
  cancelled: "Cancelled",
};

/** A status change as a line of the order's timeline. */
export function timelineLabel(toStatus: OrderStatus, fulfilment: Fulfilment): string {
  if (toStatus === "completed") return fulfilment === "delivery" ? "Delivered" : "Collected";
  return TIMELINE_LABELS[toStatus];
}

/** The recorded reasons (db/queries/*, lib/payments/stripe-events.ts) in the shopper's words. */
const CANCEL_REASONS: Record<string, string> = {
  [SHOPPER_CANCEL_REASON]: "You cancelled this order.",
  expired: "The payment was not completed in time.",
  "checkout expired": "The payment was not completed in time.",
  "payment failed": "The payment was declined.",
  "payment cancelled": "The payment was cancelled.",
  [PAYMENT_UNAVAILABLE_REASON]: "Payment was unavailable when the order was placed.",
  [PAYMENT_MISMATCH_REASON]: "The payment received did not match this order, so we could not accept it.",
  [NOTHING_PICKED_REASON]: "None of your items were in stock when we prepared your order, so it is cancelled and nothing is charged.",
  [PAYMENT_EXPIRED_REASON]: "The card authorisation expired before we could prepare your order, so nothing was charged.",
};

export function cancelReasonText(reason: string | null): string {
  if (!reason) return "This order was cancelled.";
  return CANCEL_REASONS[reason] ?? `This order was cancelled (${reason}).`;
}

const dateTime = new Intl.DateTimeFormat("en-GB", {
  timeZone: SHOP_TIME_ZONE,
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});
const date = new Intl.DateTimeFormat("en-GB", { timeZone: SHOP_TIME_ZONE, day: "numeric", month: "short", year: "numeric" });

/** "27 Nov 2026, 16:05" in Paris time. */
export function formatDateTime(at: Date): string {
  return dateTime.format(at);
}

/** "27 Nov 2026" in Paris time. */
export function formatDate(at: Date): string {
  return date.format(at);
}

/** "Sat 28 Nov, 10:00–12:00" in Paris time. */
export function formatSlotShort(slot: { startsAt: Date; endsAt: Date }): string {
  const day = new Intl.DateTimeFormat("en-GB", { timeZone: SHOP_TIME_ZONE, weekday: "short", day: "numeric", month: "short" }).format(slot.startsAt);
  const time = new Intl.DateTimeFormat("en-GB", { timeZone: SHOP_TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${day}, ${time.format(slot.startsAt)}–${time.format(slot.endsAt)}`;
}
