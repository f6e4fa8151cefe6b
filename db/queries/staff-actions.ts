// The audit log: every staff action, written in the same transaction as what it records, and
// searched by staff member, order and date.
import { and, desc, eq, gte, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { orders, staffActions, stores, users, type StaffAction } from "../schema";

export type StaffActionInput = {
  staffId: string;
  /** "order.claim", "order.cancel", "stock.correct", "staff.create", … */
  action: string;
  orderId?: string | null;
  storeId?: number | null;
  subjectUserId?: string | null;
  data?: Record<string, unknown>;
};

export async function recordStaffAction(tx: Executor, input: StaffActionInput): Promise<void> {
  await tx.insert(staffActions).values({ ...input, data: input.data ?? {} });
}

export type StaffActionFilter = {
  staffId?: string;
  orderId?: string;
  /** The order's number, as shoppers and agents see it ("H-…"). */
  orderNumber?: string;
  /** Inclusive start and exclusive end. */
  from?: Date;
  to?: Date;
  /** Keyset: entries older than this id. */
  before?: number;
  limit?: number;
};

export type StaffActionEntry = StaffAction & {
  staffName: string;
  staffEmail: string;
  orderNumber: string | null;
  /** The account acted on (staff management), and the store. */
  subjectName: string | null;
  storeName: string | null;
};

const subject = alias(users, "subject");

/** Newest first, `limit` (default 50) at a time. */
export async function searchStaffActions(db: Executor, filter: StaffActionFilter): Promise<StaffActionEntry[]> {
  const where: SQL[] = [];
  if (filter.staffId) where.push(eq(staffActions.staffId, filter.staffId));
  if (filter.orderId) where.push(eq(staffActions.orderId, filter.orderId));
  if (filter.orderNumber) where.push(eq(orders.number, filter.orderNumber));
  if (filter.from) where.push(gte(staffActions.createdAt, filter.from));
  if (filter.to) where.push(lt(staffActions.createdAt, filter.to));
  if (filter.before !== undefined) where.push(lt(staffActions.id, filter.before));
  const rows = await db
    .select({ action: staffActions, staffName: users.name, staffEmail: users.email, orderNumber: orders.number, subjectName: subject.name, storeName: stores.name })
    .from(staffActions)
    .innerJoin(users, eq(users.id, staffActions.staffId))
    .leftJoin(orders, eq(orders.id, staffActions.orderId))
    .leftJoin(subject, eq(subject.id, staffActions.subjectUserId))
    .leftJoin(stores, eq(stores.id, staffActions.storeId))
    .where(and(...where))
    .orderBy(desc(staffActions.id))
    .limit(filter.limit ?? 50);
  return rows.map(({ action, ...names }) => ({ ...action, ...names }));
}
