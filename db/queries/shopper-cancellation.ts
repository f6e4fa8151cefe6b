// A shopper cancelling their own order before picking starts: under the order's row lock, the
// stock and slot place go back once, and the e-mail and the Stripe clean-up jobs are enqueued in
// the same transaction, so a crash can neither lose them nor run them for an order still live.
import { and, eq } from "drizzle-orm";
import type { Database } from "../client";
import { orders, type Order, type OrderStatus } from "../schema";
import { enqueueCloseStripePayment, enqueueOrderEmail } from "@/lib/jobs/queue";
import { SHOPPER_CANCEL_REASON, SHOPPER_CANCELLABLE } from "@/lib/orders/state-machine";
import { transitionOrder } from "./orders";
import { isUuid } from "./shopper-orders";
import { releaseSlot } from "./slots";
import { releaseOrderStock, returnCommittedStock } from "./stock";

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
    const [current] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, orderId), eq(orders.userId, userId)))
      .for("update");
    if (!current) return { ok: false, code: "not_found" };
    if (current.status === "cancelled") return { ok: true, changed: false, order: current };
    if (!SHOPPER_CANCELLABLE.includes(current.status)) return { ok: false, code: "not_cancellable", status: current.status };
    const result = await transitionOrder(tx, {
      orderId,
      to: "cancelled",
      actor: `customer:${userId}`,
      reason: SHOPPER_CANCEL_REASON,
      set: { cancelReason: SHOPPER_CANCEL_REASON },
    });
    if (!result.changed) return { ok: true, changed: false, order: result.order ?? current };
    if (result.from === "confirmed") await returnCommittedStock(tx, orderId);
    else await releaseOrderStock(tx, orderId);
    await releaseSlot(tx, current.slotId);
    await enqueueOrderEmail(tx, orderId, "cancelled");
    await enqueueCloseStripePayment(tx, orderId);
    return { ok: true, changed: true, order: result.order };
  });
}
