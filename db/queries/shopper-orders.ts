// A shopper's own orders, for the account pages and the v1 API: every query takes the shopper's
// id, so another shopper's order reads exactly like one that does not exist.
import { and, asc, count, desc, eq, ne, or, sql, type SQL } from "drizzle-orm";
import { UUID_PATTERN } from "@/lib/ids";
import { PAYMENT_UNAVAILABLE_REASON } from "@/lib/orders/state-machine";
import type { PromotionSnapshot } from "@/lib/promotions/basket";
import type { Executor } from "../client";
import { orderEvents, orderLines, orders, slots, stores, type Order, type OrderLine, type OrderStatus } from "../schema";

const UUID = UUID_PATTERN;

/** Ids from URLs and forms are checked before they reach a uuid column (which would throw). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

export const SHOPPER_ORDERS_PAGE_SIZE = 20;

/**
 * The shopper's orders as they know them: an order cancelled because payment was unavailable at
 * checkout was never placed from their side (the checkout page said so and kept the basket).
 */
const ownOrder = (userId: string) =>
  and(eq(orders.userId, userId), or(ne(orders.status, "cancelled"), sql`${orders.cancelReason} is distinct from ${PAYMENT_UNAVAILABLE_REASON}`));

const summaryColumns = {
  id: orders.id,
  number: orders.number,
  status: orders.status,
  fulfilment: orders.fulfilment,
  totalCents: orders.totalCents,
  createdAt: orders.createdAt,
  store: { slug: stores.slug, name: stores.name },
  slot: { startsAt: slots.startsAt, endsAt: slots.endsAt },
};

export type ShopperOrderSummary = {
  id: string;
  number: string;
  status: OrderStatus;
  fulfilment: Order["fulfilment"];
  totalCents: number;
  createdAt: Date;
  store: { slug: string; name: string };
  slot: { startsAt: Date; endsAt: Date };
  lineCount: number;
};

export type ShopperOrderPage = { items: ShopperOrderSummary[]; page: number; pageSize: number; total: number; pageCount: number };

/** The shopper's orders, newest first, a page at a time (pages from 1). */
export async function listShopperOrders(db: Executor, userId: string, params: { page: number; pageSize?: number }): Promise<ShopperOrderPage> {
  const pageSize = Math.min(Math.max(1, Math.floor(params.pageSize ?? SHOPPER_ORDERS_PAGE_SIZE)), 100);
  const page = Math.max(1, Math.floor(params.page));
  if (!UUID.test(userId)) return { items: [], page, pageSize, total: 0, pageCount: 0 };
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        ...summaryColumns,
        lineCount: sql<number>`(select count(*) from order_lines l where l.order_id = ${orders.id})::int`,
      })
      .from(orders)
      .innerJoin(stores, eq(stores.id, orders.storeId))
      .innerJoin(slots, eq(slots.id, orders.slotId))
      .where(ownOrder(userId))
      .orderBy(desc(orders.createdAt), desc(orders.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(orders).where(ownOrder(userId)),
  ]);
  return { items, page, pageSize, total, pageCount: Math.ceil(total / pageSize) };
}

export type OrderTimelineEvent = { fromStatus: OrderStatus | null; toStatus: OrderStatus; reason: string | null; at: Date };

export type OrderDetail = {
  order: Order;
  store: { slug: string; name: string };
  /** Where a click & collect order is collected. */
  storeAddress: { street: string; postcode: string; city: string; phone: string | null };
  slot: { startsAt: Date; endsAt: Date };
  lines: OrderLine[];
  /** The promotions checkout applied (its first event's snapshot), to say why a line is discounted. */
  promotions: PromotionSnapshot | null;
  /** Status changes, oldest first; e-mail records (from = to) are left out. */
  timeline: OrderTimelineEvent[];
};

/** One of the shopper's orders with its lines and status timeline; null when malformed, missing or another's. */
export async function getShopperOrder(db: Executor, userId: string, orderId: string): Promise<OrderDetail | null> {
  if (!UUID.test(userId) || !UUID.test(orderId)) return null;
  return orderDetail(db, orderId, ownOrder(userId));
}

/** Any order, for staff pages (which check the store themselves); null when malformed or missing. */
export async function getOrderDetail(db: Executor, orderId: string): Promise<OrderDetail | null> {
  if (!UUID.test(orderId)) return null;
  return orderDetail(db, orderId);
}

async function orderDetail(db: Executor, orderId: string, scope?: SQL): Promise<OrderDetail | null> {
  const [head] = await db
    .select({
      order: orders,
      store: summaryColumns.store,
      storeAddress: { street: stores.street, postcode: stores.postcode, city: stores.city, phone: stores.phone },
      slot: summaryColumns.slot,
      promotions: sql<PromotionSnapshot | null>`(select e.data -> 'promotions' from order_events e where e.order_id = ${orders.id} and e.from_status is null order by e.id limit 1)`,
    })
    .from(orders)
    .innerJoin(stores, eq(stores.id, orders.storeId))
    .innerJoin(slots, eq(slots.id, orders.slotId))
    .where(and(eq(orders.id, orderId), scope));
  if (!head) return null;
  const [lines, timeline] = await Promise.all([
    db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position)),
    db
      .select({ fromStatus: orderEvents.fromStatus, toStatus: orderEvents.toStatus, reason: orderEvents.reason, at: orderEvents.createdAt })
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, orderId), sql`${orderEvents.fromStatus} is distinct from ${orderEvents.toStatus}`))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
  ]);
  return { ...head, lines, timeline };
}
