// What the order e-mails show, and the record of e-mails already sent (an order_events row with
// actor "notification" and data { mail: kind }, which the notification worker checks first).
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { orderEvents, orderLines, orders, refunds, slots, stores, users, type OrderStatus } from "../schema";
import type { OrderEmailView } from "@/lib/mail/order-emails";
import type { OrderEmailKind } from "@/lib/jobs/tasks";

export const NOTIFICATION_ACTOR = "notification";

/** Which e-mail: its kind, and for a refund's e-mail the refund. */
export type OrderEmailKey = { orderId: string; kind: OrderEmailKind; refundId?: string };

const emailLockKey = ({ orderId, kind, refundId }: OrderEmailKey) => `order-email:${orderId}:${kind}${refundId ? `:${refundId}` : ""}`;

/**
 * The order with its lines (and how they were picked), slot, store, shopper and payment, or null
 * when there is no such order. With `refundId`, the refund too, once it succeeded (absent before).
 */
export async function getOrderEmailView(db: Executor, orderId: string, refundId?: string): Promise<OrderEmailView | null> {
  const [row] = await db
    .select({
      order: orders,
      customerName: users.name,
      userEmail: users.email,
      store: {
        name: stores.name,
        street: stores.street,
        postcode: stores.postcode,
        city: stores.city,
        phone: stores.phone,
        timezone: stores.timezone,
      },
      slot: { startsAt: slots.startsAt, endsAt: slots.endsAt },
    })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .innerJoin(slots, eq(slots.id, orders.slotId))
    .where(eq(orders.id, orderId));
  if (!row) return null;
  const lines = await db
    .select({
      productName: orderLines.productName,
      sizeLabel: orderLines.sizeLabel,
      sellingMode: orderLines.sellingMode,
      quantity: orderLines.quantity,
      unitPriceCents: orderLines.unitPriceCents,
      vatRateBp: orderLines.vatRateBp,
      lineTotalCents: orderLines.lineTotalCents,
      discountCents: orderLines.discountCents,
      pickStatus: orderLines.pickStatus,
      pickedQuantity: orderLines.pickedQuantity,
      pickedTotalCents: orderLines.pickedTotalCents,
      substitute: orderLines.substitute,
    })
    .from(orderLines)
    .where(eq(orderLines.orderId, orderId))
    .orderBy(asc(orderLines.position));
  const { order } = row;
  let refund: OrderEmailView["refund"];
  if (refundId) {
    const [found] = await db
      .select({ amountCents: refunds.amountCents, reason: refunds.reason })
      .from(refunds)
      .where(and(eq(refunds.id, refundId), eq(refunds.orderId, orderId), eq(refunds.status, "succeeded")));
    refund = found;
  }
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    fulfilment: order.fulfilment,
    // The address given at checkout; the account's address only if that is somehow empty.
    recipientEmail: order.contactEmail || row.userEmail,
    customerName: row.customerName,
    subtotalCents: order.subtotalCents,
    deliveryFeeCents: order.deliveryFeeCents,
    totalCents: order.totalCents,
    deliveryAddress: order.deliveryAddress,
    cancelReason: order.cancelReason,
    store: row.store,
    slot: row.slot,
    lines,
    payment: { authorizedCents: order.authorizedCents, capturedCents: order.capturedCents, refundedCents: order.refundedCents, finalTotalCents: order.finalTotalCents },
    refund,
  };
}

/** Serialises senders of one order e-mail until the end of the caller's transaction. */
export async function lockOrderEmail(tx: Executor, key: OrderEmailKey): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${emailLockKey(key)}, 0))`);
}

export async function orderEmailWasSent(db: Executor, { orderId, kind, refundId }: OrderEmailKey): Promise<boolean> {
  const [row] = await db
    .select({ id: orderEvents.id })
    .from(orderEvents)
    .where(
      and(
        eq(orderEvents.orderId, orderId),
        eq(orderEvents.actor, NOTIFICATION_ACTOR),
        sql`${orderEvents.data} ->> 'mail' = ${kind}`,
        refundId ? sql`${orderEvents.data} ->> 'refundId' = ${refundId}` : undefined,
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Records a sent e-mail in the order's event log; the status does not change (from = to). */
export async function recordOrderEmailSent(tx: Executor, input: OrderEmailKey & { status: OrderStatus; messageId: string }): Promise<void> {
  await tx.insert(orderEvents).values({
    orderId: input.orderId,
    fromStatus: input.status,
    toStatus: input.status,
    actor: NOTIFICATION_ACTOR,
    data: { mail: input.kind, messageId: input.messageId, ...(input.refundId ? { refundId: input.refundId } : {}) },
  });
}
