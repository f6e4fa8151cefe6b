// The first steps of an order's life: confirming a paid one commits its stock, and unpaid ones
// past their expiry are cancelled (through cancelOrder). Both are idempotent: the locked state
// transition decides, and the side effects run only when it happened.
import { and, asc, eq, lte } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { orders, type Order } from "../schema";
import { countOrderConfirmed } from "@/lib/metrics/orders";
import { cancelOrder } from "./order-cancellation";
import { lockOrder, transitionOrder } from "./orders";
import { commitOrderStock } from "./stock";

export type LifecycleResult = { changed: boolean; order: Order | null };

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
      set: { paymentIntentId: params.paymentIntentId, authorizedAt: new Date() },
    });
  } else if (current.status !== "authorized") {
    return { changed: false, order: current };
  }
  const confirmed = await transitionOrder(tx, { orderId, to: "confirmed", actor: "system" });
  if (!confirmed.changed) return confirmed;
  await commitOrderStock(tx, orderId);
  countOrderConfirmed();
  return { changed: true, order: confirmed.order };
}

/**
 * Cancels unpaid orders past their expiry, each in its own transaction (for the scheduler), with
 * cancelOrder's e-mail and close-stripe-payment jobs. Returns the orders cancelled.
 */
export async function expireUnpaidOrders(db: Database, params: { now?: Date; limit?: number } = {}): Promise<Order[]> {
  const now = params.now ?? new Date();
  const due = await db
    .select({ id: orders.id })
    .from(orders)
    .where(and(eq(orders.status, "pending_payment"), lte(orders.expiresAt, now)))
    .orderBy(asc(orders.expiresAt))
    .limit(params.limit ?? 100);
  const cancelled: Order[] = [];
  for (const { id } of due) {
    // expiredBefore: a payment that landed since the select above keeps its order.
    const result = await db.transaction((tx) =>
      cancelOrder(tx, { orderId: id, actor: "system", reason: "expired", from: ["pending_payment"], expiredBefore: now }),
    );
    if (result.changed) cancelled.push(result.order);
  }
  return cancelled;
}
