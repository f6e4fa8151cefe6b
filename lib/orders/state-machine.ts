// The order lifecycle of PRODUCT.md: which status may follow which. Every status change goes
// through transitionOrder (db/queries/orders.ts), which checks it here.
import type { OrderStatus } from "@/db/schema/orders";

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["authorized", "cancelled"],
  authorized: ["confirmed", "cancelled"],
  confirmed: ["picking", "cancelled"],
  picking: ["picked", "cancelled"],
  picked: ["ready_for_collection", "out_for_delivery", "cancelled"],
  // Until handover an agent may still cancel (the money is then voided or refunded).
  ready_for_collection: ["completed", "cancelled"],
  out_for_delivery: ["completed", "cancelled"],
  completed: [],
  cancelled: [],
};

/** A shopper may cancel until picking starts. */
export const SHOPPER_CANCELLABLE: readonly OrderStatus[] = ["pending_payment", "authorized", "confirmed"];

/** The reason recorded when shoppers cancel their own order (order, event, e-mail). */
export const SHOPPER_CANCEL_REASON = "requested by the customer";

/** An agent may cancel (with a reason of their own) at any point before handover. */
export const AGENT_CANCELLABLE: readonly OrderStatus[] = ["confirmed", "picking", "picked", "ready_for_collection", "out_for_delivery"];

/**
 * The card authorisation lapsed at Stripe (7 days) before the order was captured: the order is
 * cancelled with this reason, its stock and slot place released.
 */
export const PAYMENT_EXPIRED_REASON = "payment expired";

/** Finishing a pick in which every item was missing cancels the order: nothing is charged. */
export const NOTHING_PICKED_REASON = "nothing left to pick";

/** Orders whose authorisation is held but not yet captured: an expiry cancels them. */
export const AWAITING_CAPTURE: readonly OrderStatus[] = ["authorized", "confirmed", "picking", "picked"];

/**
 * Checkout cancels an order whose payment page could not be opened (Stripe unreachable). The
 * shopper was told no order was placed and kept their basket, so their order lists leave it out.
 */
export const PAYMENT_UNAVAILABLE_REASON = "payment_unavailable";

/** Statuses that hold stock and a slot place (released when such an order is cancelled). */
export const HOLDS_STOCK_AND_SLOT: readonly OrderStatus[] = [
  "pending_payment",
  "authorized",
  "confirmed",
  "picking",
  "picked",
  "ready_for_collection",
  "out_for_delivery",
];

export class InvalidTransitionError extends Error {
  constructor(
    readonly from: OrderStatus,
    readonly to: OrderStatus,
  ) {
    super(`An order cannot go from ${from} to ${to}.`);
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) throw new InvalidTransitionError(from, to);
}

export function isFinal(status: OrderStatus): boolean {
  return NEXT[status].length === 0;
}

/** The statuses an order can reach `to` from, for conditional updates. */
export function statusesLeadingTo(to: OrderStatus): OrderStatus[] {
  return (Object.keys(NEXT) as OrderStatus[]).filter((from) => NEXT[from].includes(to));
}
