// A shopper cancelling their own order before picking starts, through cancelOrder: the stock and
// slot place go back once, and the e-mail and the Stripe clean-up jobs are enqueued in the same
// transaction, so a crash can neither lose them nor run them for an order still live.
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { orders, type Order, type OrderStatus } from "../schema";
import { SHOPPER_CANCEL_REASON, SHOPPER_CANCELLABLE } from "@/lib/orders/state-machine";
import { cancelOrder, isCancellable } from "./order-cancellation";
import { isUuid } from "./shopper-orders";

export type ShopperCancelResult =
  | { ok: true; changed: boolean; order: Order }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "not_cancellable"; status: OrderStatus };

/**
 * Cancels one of the shopper's orders while it is pending_payment, authorized or confirmed.
 * Unpaid orders give back their reservation, confirmed ones their committed stock; both give back
 * their slot place. Another shopper's order reads as not found. Cancelling twice is harmless: the
 * second call reports `changed: false`.
 */
export async function cancelOrderByShopper(db: Database, userId: string, orderId: string): Promise<ShopperCancelResult> {
  if (!isUuid(userId) || !isUuid(orderId)) return { ok: false, code: "not_found" };
  return db.transaction(async (tx): Promise<ShopperCancelResult> => {
    // The owner never changes, so this check needs no lock; cancelOrder takes the row lock.
    const [mine] = await tx
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.userId, userId)));
    if (!mine) return { ok: false, code: "not_found" };
    const result = await cancelOrder(tx, {
      orderId,
      actor: `customer:${userId}`,
      reason: SHOPPER_CANCEL_REASON,
      from: SHOPPER_CANCELLABLE.filter(isCancellable),
    });
    if (!result.order) return { ok: false, code: "not_found" };
    if (result.changed || result.order.status === "cancelled") return { ok: true, changed: result.changed, order: result.order };
    return { ok: false, code: "not_cancellable", status: result.order.status };
  });
}
