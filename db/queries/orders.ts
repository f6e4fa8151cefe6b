// Order state changes: one function, under a row lock, validated by the state machine and
// written to the event log. Callers pass their transaction so jobs can be enqueued with it.
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { orderEvents, orders, type Order, type OrderStatus } from "../schema";
import { assertTransition } from "@/lib/orders/state-machine";

export type TransitionInput = {
  orderId: string;
  to: OrderStatus;
  /** "system", "stripe", "customer:<uuid>", "agent:<uuid>". */
  actor: string;
  reason?: string;
  data?: Record<string, unknown>;
  /** Further columns to set with the status (amounts, payment ids…). */
  set?: Partial<
    Pick<Order, "capturedCents" | "refundedCents" | "paymentIntentId" | "cancelReason" | "authorizedAt" | "finalTotalCents" | "pickerId" | "pickingStartedAt" | "pickedAt">
  >;
};

export type TransitionResult = { changed: true; order: Order; from: OrderStatus } | { changed: false; order: Order | null };

/** The order, read under its row lock until the transaction ends (null when unknown). */
export async function lockOrder(tx: Executor, orderId: string): Promise<Order | null> {
  const [order] = await tx.select().from(orders).where(eq(orders.id, orderId)).for("update");
  return order ?? null;
}

/** The order as it is now, without a lock (e.g. to prepare a call to Stripe outside a transaction). */
export async function findOrder(db: Executor, orderId: string): Promise<Order | null> {
  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  return order ?? null;
}

/**
 * Moves an order to `to`. Replays are harmless: an order already in `to` is left alone and
 * reported as unchanged. An impossible move throws InvalidTransitionError.
 */
export async function transitionOrder(tx: Executor, input: TransitionInput): Promise<TransitionResult> {
  const current = await lockOrder(tx, input.orderId);
  if (!current) return { changed: false, order: null };
  if (current.status === input.to) return { changed: false, order: current };
  assertTransition(current.status, input.to);
  const [order] = await tx
    .update(orders)
    .set({ ...input.set, status: input.to, updatedAt: sql`now()` })
    .where(eq(orders.id, input.orderId))
    .returning();
  await tx.insert(orderEvents).values({
    orderId: input.orderId,
    fromStatus: current.status,
    toStatus: input.to,
    actor: input.actor,
    reason: input.reason,
    data: input.data ?? {},
  });
  return { changed: true, order, from: current.status };
}

/** The id of the web request that placed the order (checkout records it in the order's first event), if known. */
export async function orderRequestId(db: Executor, orderId: string): Promise<string | null> {
  const [row] = await db
    .select({ requestId: sql<string | null>`${orderEvents.data} ->> 'requestId'` })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), isNull(orderEvents.fromStatus)))
    .limit(1);
  return row?.requestId ?? null;
}
