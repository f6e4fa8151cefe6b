// The stock and slot side of an order's first steps: cancelling an unpaid order gives back
// its stock and slot, confirming a paid one commits its stock. Both are idempotent: the
// locked state transition decides, and the side effects run only when it happened.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { orders, type Order, type OrderStatus } from "../schema";
import { transitionOrder } from "./orders";
import { releaseSlot } from "./slots";
import { commitOrderStock, releaseOrderStock } from "./stock";

export type LifecycleResult = { changed: boolean; order: Order | null };

/** Orders whose stock is still only reserved (not yet committed by confirmation). */
const UNPAID: readonly OrderStatus[] = ["pending_payment", "authorized"];

async function lockOrder(tx: Executor, orderId: string): Promise<Order | null> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return order ?? null;
}

/**
 * Cancels an order whose stock is only reserved (pending_payment or authorized): releases the
 * reservation and the slot place, once. Any other status is left alone (changed: false).
 * With `expiredBefore`, only a pending_payment order that expired by then is cancelled, so an
 * expiry racing a payment never cancels the paid order. An authorised card must be voided by
 * the caller.
 */
export async function cancelUnpaidOrder(
  tx: Executor,
  orderId: string,
  options: { actor: string; reason: string; expiredBefore?: Date },
): Promise<LifecycleResult> {
  const current = await lockOrder(tx, orderId);
  if (!current || !UNPAID.includes(current.status)) return { changed: false, order: current };
  if (options.expiredBefore && (current.status !== "pending_payment" || current.expiresAt > options.expiredBefore)) {
    return { changed: false, order: current };
  }
  const result = await transitionOrder(tx, {
    orderId,
    to: "cancelled",
    actor: options.actor,
    reason: options.reason,
    set: { cancelReason: options.reason },
  });
  if (!result.changed) return result;
  await releaseOrderStock(tx, orderId);
  await releaseSlot(tx, current.slotId);
  return { changed: true, order: result.order };
}

/**
 * Payment authorised: pending_payment → authorized → confirmed, committing the stock (the slot
 * place stays booked). A replay changes nothing. A cancelled order is left cancelled
 * (changed: false) — the caller must then void the authorisation.
 */
export async function confirmPaidOrder(
  tx: Executor,
  orderId: string,
  params: { paymentIntentId: string; actor?: string },
): Promise<LifecycleResult> {
  const current = await lockOrder(tx, orderId);
  if (!current) return { changed: false, order: null };
  const actor = params.actor ?? "stripe";
  if (current.status === "pending_payment") {
    await transitionOrder(tx, {
      orderId,
      to: "authorized",
      actor,
      data: { paymentIntentId: params.paymentIntentId },
      set: { paymentIntentId: params.paymentIntentId },
    });
  } else if (current.status !== "authorized") {
    return { changed: false, order: current };
  }
  const confirmed = await transitionOrder(tx, { orderId, to: "confirmed", actor: "system" });
  if (!confirmed.changed) return confirmed;
  await commitOrderStock(tx, orderId);
  return { changed: true, order: confirmed.order };
}

/**
 * Cancels unpaid orders past their expiry, each in its own transaction (for the scheduler);
 * `afterCancel` runs inside that transaction, so jobs it enqueues commit with the change.
 * Returns the orders cancelled.
 */
export async function expireUnpaidOrders(
  db: Database,
  params: { now?: Date; limit?: number; afterCancel?: (tx: Executor, order: Order) => Promise<void> } = {},
): Promise<Order[]> {
  const now = params.now ?? new Date();
  const due = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending_payment"), lte(orders.expiresAt, now)))
    .orderBy(asc(orders.expiresAt))
    .limit(params.limit ?? 100);
  const cancelled: Order[] = [];
  for (const { id } of due) {
    const order = await db.transaction(async (tx) => {
      const result = await cancelUnpaidOrder(tx, id, { actor: "system", reason: "expired", expiredBefore: now });
      if (!result.changed || !result.order) return null;
      await params.afterCancel?.(tx, result.order);
      return result.order;
    });
    if (order) cancelled.push(order);
  }
  return cancelled;
}
