// Cancelling an order, whoever asks (Stripe, the scheduler, the shopper, an agent, a failed
// checkout): one function, so the promotions used, the stock, the slot place, the e-mail and the money at Stripe (the
// authorisation voided, or what was captured refunded) go together, once.
import { randomUUID } from "node:crypto";
import type { Executor } from "../client";
import type { Order, OrderStatus } from "../schema";
import { enqueueCloseStripePayment, enqueueOrderEmail } from "@/lib/jobs/queue";
import { countOrderCancelled } from "@/lib/metrics/orders";
import { HOLDS_STOCK_AND_SLOT } from "@/lib/orders/state-machine";
import { lockOrder, transitionOrder } from "./orders";
import { requestRefundLocked } from "./refunds";
import { releaseRedemptions } from "./promotions";
import { releaseSlot } from "./slots";
import { releaseOrderStock, returnCommittedStock, returnPickedStock } from "./stock";

/**
 * The statuses cancelOrder knows how to undo: stock only reserved; committed but not yet picked;
 * or picked (what was taken goes back) and perhaps captured (refunded in full), before handover.
 */
export type CancellableStatus = Extract<
  OrderStatus,
  "pending_payment" | "authorized" | "confirmed" | "picking" | "picked" | "ready_for_collection" | "out_for_delivery"
>;

/** Exactly the statuses that hold stock and a slot place: cancelling gives both back. */
const CANCELLABLE: readonly OrderStatus[] = HOLDS_STOCK_AND_SLOT;

/** Orders whose pick is finished: the stock moved by what was taken, not by what was ordered. */
const PICK_FINISHED: readonly OrderStatus[] = ["picked", "ready_for_collection", "out_for_delivery"];

export const isCancellable = (status: OrderStatus): status is CancellableStatus => CANCELLABLE.includes(status);

/** Orders whose stock is still only reserved (not yet committed by confirmation). */
export const UNPAID: readonly CancellableStatus[] = ["pending_payment", "authorized"];

export const isUnpaid = (status: OrderStatus): boolean => (UNPAID as readonly OrderStatus[]).includes(status);

export type CancelOrderInput = {
  orderId: string;
  /** "system", "stripe", "customer:<uuid>", "agent:<uuid>". */
  actor: string;
  /** Recorded on the order and its event; lib/orders/labels.ts words it for the shopper. */
  reason: string;
  /** The statuses this caller may cancel from; an order in any other is left as it is. */
  from: readonly CancellableStatus[];
  /** Only a pending_payment order whose expiry is at or before this moment (the scheduler). */
  expiredBefore?: Date;
  /** Enqueue the cancellation e-mail (default true); false when the shopper is told on the page. */
  notifyShopper?: boolean;
  /** A PaymentIntent to void besides the ones the order knows (a payment the order refused). */
  paymentIntentId?: string;
  /** Recorded in the order event (e.g. what did not match in a payment). */
  data?: Record<string, unknown>;
};

export type CancelOrderResult =
  | { changed: true; order: Order; from: CancellableStatus }
  /** Unknown order (null), already cancelled, in a status the caller may not cancel, or not due yet. */
  | { changed: false; order: Order | null };

/**
 * Cancels an order under its row lock: validates the transition, records the event, gives back
 * its stock and slot place, and enqueues the e-mail and close-stripe-payment in the caller's
 * transaction. A replay (already cancelled) changes nothing and enqueues nothing.
 */
export async function cancelOrder(tx: Executor, input: CancelOrderInput): Promise<CancelOrderResult> {
  const current = await lockOrder(tx, input.orderId);
  if (!current) return { changed: false, order: null };
  const from = input.from.find((status) => status === current.status);
  if (!from) return { changed: false, order: current };
  if (input.expiredBefore && (from !== "pending_payment" || current.expiresAt > input.expiredBefore)) return { changed: false, order: current };
  const result = await transitionOrder(tx, {
    orderId: input.orderId,
    to: "cancelled",
    actor: input.actor,
    reason: input.reason,
    data: input.data,
    set: { cancelReason: input.reason },
  });
  if (!result.changed) return { changed: false, order: result.order };
  countOrderCancelled(input.actor, input.reason);
  await afterCancel(tx, { order: result.order, from, notifyShopper: input.notifyShopper ?? true, paymentIntentId: input.paymentIntentId, actor: input.actor });
  return { changed: true, order: result.order, from };
}

type Cancelled = { order: Order; from: CancellableStatus; notifyShopper: boolean; paymentIntentId?: string };

/**
 * Everything a cancellation sets off, run once per order inside its transaction. A new side effect
 * of cancelling goes here, and every path that cancels gets it.
 */
async function afterCancel(tx: Executor, { order, from, notifyShopper, paymentIntentId, actor }: Cancelled & { actor: string }): Promise<void> {
  // Promotions before stock: the lock order of checkout (promotion, stock, slot).
  await releaseRedemptions(tx, order.id);
  if (isUnpaid(from)) await releaseOrderStock(tx, order.id);
  else if (PICK_FINISHED.includes(from)) await returnPickedStock(tx, order.id);
  else await returnCommittedStock(tx, order.id);
  await releaseSlot(tx, order.slotId);
  if (notifyShopper) await enqueueOrderEmail(tx, order.id, "cancelled");
  if (order.capturedCents !== null) {
    // Captured: the authorisation is gone, so what is left of the charge is refunded.
    await refundWhatIsLeft(tx, order, { reason: order.cancelReason ?? "order cancelled", requestedBy: actor });
    return;
  }
  // Always: even an order cancelled before its payment page opened may have a session at Stripe.
  await enqueueCloseStripePayment(tx, order.id, paymentIntentId);
}

/**
 * Refunds what is left of a captured order's charge (nothing when all of it was refunded or asked
 * for already); the order is locked by the caller.
 */
export async function refundWhatIsLeft(tx: Executor, order: Order, input: { reason: string; requestedBy: string }): Promise<void> {
  const result = await requestRefundLocked(tx, order, { refundId: randomUUID(), request: { kind: "whole" }, ...input });
  if (!result.ok && result.code !== "nothing_to_refund") throw new Error(`could not refund cancelled order ${order.id}: ${result.code}`);
}
