// The order lifecycle of PRODUCT.md: which status may follow which. Every status change goes
// through transitionOrder (db/queries/orders.ts), which checks it here.
import type { OrderStatus } from "@/db/schema/orders";

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  pending_payment: ["authorized", "cancelled"],
  authorized: ["confirmed", "cancelled"],
  confirmed: ["picking", "cancelled"],
  picking: ["picked", "cancelled"],
  picked: ["ready_for_collection", "out_for_delivery", "cancelled"],
  ready_for_collection: ["completed"],
  out_for_delivery: ["completed"],
  completed: [],
  cancelled: [],
};

/** A shopper may cancel until picking starts. */
export const SHOPPER_CANCELLABLE: readonly OrderStatus[] = ["pending_payment", "authorized", "confirmed"];

/** The reason recorded when shoppers cancel their own order (order, event, e-mail). */
export const SHOPPER_CANCEL_REASON = "requested by the customer";

/**
 * Checkout cancels an order whose payment page could not be opened (Stripe unreachable). The
 * shopper was told no order was placed and kept their basket, so their order lists leave it out.
 */
export const PAYMENT_UNAVAILABLE_REASON = "payment_unavailable";

/** Statuses that hold stock and a slot place (released when such an order is cancelled). */
export const HOLDS_STOCK_AND_SLOT: readonly OrderStatus[] = ["pending_payment", "authorized", "confirmed", "picking", "picked"];

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
