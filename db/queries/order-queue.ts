// The agents' order queue of one store: a day's orders by slot and status, with counts per
// status, filters, and keyset pages on (slot start, order number) — one index range scan each
// (orders_queue_idx, orders_queue_status_idx), however many orders the store has had.
import { and, asc, count, eq, gt, gte, lt, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { orderLines, orders, slots, users, type Fulfilment, type OrderStatus } from "../schema";

export const QUEUE_PAGE_SIZE = 50;

export type QueueCursor = { slotStartsAt: Date; number: string };

export type QueueFilter = {
  storeId: number;
  /** The day's orders: [start, end) of a local day (lib/time/zoned.ts dayRange). */
  from: Date;
  to: Date;
  status?: OrderStatus;
  slotId?: number;
  fulfilment?: Fulfilment;
  /** Exact order number ("H-001234"). */
  number?: string;
  /** Exact contact e-mail, any case. */
  email?: string;
  after?: QueueCursor;
  limit?: number;
};

export type QueueRow = {
  id: string;
  number: string;
  status: OrderStatus;
  fulfilment: Fulfilment;
  slotStartsAt: Date;
  slotEndsAt: Date;
  customerName: string;
  contactEmail: string;
  totalCents: number;
  lineCount: number;
  pickerName: string | null;
  authorizationFlaggedAt: Date | null;
};

/** The filters every part of the queue shares (rows, counts), status apart. */
function commonWhere(filter: Omit<QueueFilter, "status" | "after" | "limit">): SQL[] {
  const where = [eq(orders.storeId, filter.storeId), gte(orders.slotStartsAt, filter.from), lt(orders.slotStartsAt, filter.to)];
  // Unpaid orders are the shopper's business until they are paid: the store never sees them.
  where.push(sql`${orders.status} not in ('pending_payment', 'authorized')`);
  if (filter.slotId !== undefined) where.push(eq(orders.slotId, filter.slotId));
  if (filter.fulfilment) where.push(eq(orders.fulfilment, filter.fulfilment));
  if (filter.number) where.push(eq(orders.number, filter.number));
  if (filter.email) where.push(sql`lower(${orders.contactEmail}) = ${filter.email.trim().toLowerCase()}`);
  return where;
}

const picker = sql`picker`;

/** One page of the queue, in slot order, and the cursor of the next page (null on the last). */
export async function listQueue(db: Executor, filter: QueueFilter): Promise<{ rows: QueueRow[]; next: QueueCursor | null }> {
  const limit = filter.limit ?? QUEUE_PAGE_SIZE;
  const where = commonWhere(filter);
  if (filter.status) where.push(eq(orders.status, filter.status));
  if (filter.after) {
    const { slotStartsAt, number } = filter.after;
    where.push(or(gt(orders.slotStartsAt, slotStartsAt), and(eq(orders.slotStartsAt, slotStartsAt), gt(orders.number, number)))!);
  }
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      status: orders.status,
      fulfilment: orders.fulfilment,
      slotStartsAt: orders.slotStartsAt,
      slotEndsAt: slots.endsAt,
      customerName: users.name,
      contactEmail: orders.contactEmail,
      totalCents: sql<number>`coalesce(${orders.finalTotalCents}, ${orders.totalCents})`,
      lineCount: sql<number>`(select count(*)::int from ${orderLines} where ${orderLines.orderId} = ${orders.id})`,
      pickerName: sql<string | null>`${picker}.name`,
      authorizationFlaggedAt: orders.authorizationFlaggedAt,
    })
    .from(orders)
    .innerJoin(slots, eq(slots.id, orders.slotId))
    .innerJoin(users, eq(users.id, orders.userId))
    .leftJoin(sql`${users} as ${picker}`, sql`${picker}.id = ${orders.pickerId}`)
    .where(and(...where))
    .orderBy(asc(orders.slotStartsAt), asc(orders.number))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, next: rows.length > limit && last ? { slotStartsAt: last.slotStartsAt, number: last.number } : null };
}

/** How many of the day's orders (with the other filters) are in each status. */
export async function queueCounts(db: Executor, filter: Omit<QueueFilter, "status" | "after" | "limit">): Promise<Partial<Record<OrderStatus, number>>> {
  const rows = await db
    .select({ status: orders.status, n: count() })
    .from(orders)
    .where(and(...commonWhere(filter)))
    .groupBy(orders.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/**
 * Changes whenever one of the day's orders changes (a new one, a status, a line picked: each
 * touches updated_at): the queue page polls it and re-renders only when it moves.
 */
export async function queueVersion(db: Executor, filter: Pick<QueueFilter, "storeId" | "from" | "to">): Promise<string> {
  const [row] = await db
    .select({ latest: sql<string | null>`max(${orders.updatedAt})::text`, n: count() })
    .from(orders)
    .where(and(eq(orders.storeId, filter.storeId), gte(orders.slotStartsAt, filter.from), lt(orders.slotStartsAt, filter.to)));
  return `${row.n}:${row.latest ?? "-"}`;
}

/** The store's slots of the day, for the slot filter. */
export async function slotsOfDay(db: Executor, filter: Pick<QueueFilter, "storeId" | "from" | "to">) {
  return db
    .select({ id: slots.id, kind: slots.kind, startsAt: slots.startsAt, endsAt: slots.endsAt, booked: slots.booked, capacity: slots.capacity })
    .from(slots)
    .where(and(eq(slots.storeId, filter.storeId), gte(slots.startsAt, filter.from), lt(slots.startsAt, filter.to)))
    .orderBy(asc(slots.startsAt), asc(slots.kind));
}
