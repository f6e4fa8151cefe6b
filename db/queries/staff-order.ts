// What an order's page in the back office shows besides the shopper's view of it: the customer,
// the picker, and the timeline of every event (status changes and staff actions) with who did it.
import { and, asc, eq, notInArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { orderEvents, orders, staffActions, users, type OrderStatus } from "../schema";

export type StaffTimelineEntry =
  | { kind: "status"; at: Date; actor: string; who: string | null; from: OrderStatus | null; to: OrderStatus; reason: string | null; data: Record<string, unknown> }
  | { kind: "action"; at: Date; who: string; action: string; data: Record<string, unknown> };

/** Staff actions that a status change already shows (with its actor). */
const SHOWN_AS_STATUS = ["order.claim", "order.finish_pick", "order.handover", "order.cancel"];

/** Oldest first. `who` names the person behind "agent:<id>" / "customer:<id>" actors (null for "system", "stripe"). */
export async function staffOrderTimeline(db: Executor, orderId: string): Promise<StaffTimelineEntry[]> {
  const [events, actions] = await Promise.all([
    db
      .select({ at: orderEvents.createdAt, actor: orderEvents.actor, who: users.name, from: orderEvents.fromStatus, to: orderEvents.toStatus, reason: orderEvents.reason, data: orderEvents.data })
      .from(orderEvents)
      .leftJoin(users, sql`${orderEvents.actor} ~ '^(agent|customer):' and ${users.id}::text = split_part(${orderEvents.actor}, ':', 2)`)
      .where(eq(orderEvents.orderId, orderId))
      .orderBy(asc(orderEvents.createdAt), asc(orderEvents.id)),
    db
      .select({ at: staffActions.createdAt, who: users.name, action: staffActions.action, data: staffActions.data })
      .from(staffActions)
      .innerJoin(users, eq(users.id, staffActions.staffId))
      .where(and(eq(staffActions.orderId, orderId), notInArray(staffActions.action, SHOWN_AS_STATUS)))
      .orderBy(asc(staffActions.createdAt), asc(staffActions.id)),
  ]);
  const entries: StaffTimelineEntry[] = [...events.map((e) => ({ kind: "status" as const, ...e })), ...actions.map((a) => ({ kind: "action" as const, ...a }))];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The shopper who placed the order and the agent picking it. */
export async function orderPeople(db: Executor, orderId: string): Promise<{ customerName: string; customerEmail: string; pickerName: string | null }> {
  const [row] = await db
    .select({ customerName: users.name, customerEmail: users.email, pickerName: sql<string | null>`(select name from ${users} p where p.id = ${orders.pickerId})` })
    .from(orders)
    .innerJoin(users, eq(users.id, orders.userId))
    .where(eq(orders.id, orderId));
  return row;
}

/** Changes whenever the order row does (every status change, pick, capture and refund touches updated_at). */
export function orderVersion(order: { updatedAt: Date }): string {
  return order.updatedAt.toISOString();
}
