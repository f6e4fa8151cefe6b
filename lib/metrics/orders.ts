// The order counters (lib/metrics/shared.mjs), incremented where the change is written: checkout
// (placed), confirmPaidOrder, cancelOrder and recordCapture. Counted inside the transaction, so a
// transaction that fails after the change and is retried counts it again (rare: a later statement
// or the commit failing); dashboards read rates, which such a repeat barely moves.
import { NOTHING_PICKED_REASON, PAYMENT_EXPIRED_REASON, PAYMENT_UNAVAILABLE_REASON, SHOPPER_CANCEL_REASON } from "@/lib/orders/state-machine";
import { PAYMENT_MISMATCH_REASON } from "@/lib/payments/payment-checks";
import { sharedMetrics } from "./shared.mjs";

/** The reasons the code itself gives; an agent's own words count as "other" (a bounded label set). */
const KNOWN_REASONS: ReadonlySet<string> = new Set([
  SHOPPER_CANCEL_REASON,
  PAYMENT_EXPIRED_REASON,
  NOTHING_PICKED_REASON,
  PAYMENT_UNAVAILABLE_REASON,
  PAYMENT_MISMATCH_REASON,
  "expired",
  "checkout expired",
  "payment failed",
  "payment cancelled",
]);

/** "customer:<uuid>" → "customer": the kind of actor, not the person. */
const actorKind = (actor: string) => actor.split(":", 1)[0];

export const countOrderPlaced = () => sharedMetrics().ordersPlaced.inc();
export const countOrderConfirmed = () => sharedMetrics().ordersConfirmed.inc();
export const countOrderCaptured = () => sharedMetrics().ordersCaptured.inc();

export function countOrderCancelled(actor: string, reason: string): void {
  sharedMetrics().ordersCancelled.inc({ actor: actorKind(actor), reason: KNOWN_REASONS.has(reason) ? reason : "other" });
}
