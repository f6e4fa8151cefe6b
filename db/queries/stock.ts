// Per-store stock for orders: reserve at checkout, release when an unpaid order ends, commit
// when it is confirmed, give back when a confirmed order is cancelled. Every change is a conditional update taken in variant-id order, so
// concurrent checkouts never oversell and never deadlock.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { orderLines, orders, stockLevels } from "../schema";

export type StockRequest = { variantId: number; quantity: number; productName: string };

export type OutOfStockItem = { variantId: number; productName: string; requested: number; available: number };

export class OutOfStockError extends Error {
  readonly code = "out_of_stock";
  constructor(readonly items: OutOfStockItem[]) {
    super(`Not enough stock for ${items.map((i) => i.productName).join(", ")}.`);
  }
}

/**
 * Reserves every line at the store, or none: the lines that do not fit are collected and
 * reported together in an OutOfStockError, which the caller lets roll its transaction back.
 * Call it in a transaction. Two prepared statements, sent together (postgres.js pipelines a
 * transaction's statements and PostgreSQL runs them in order): the first locks the rows in
 * variant-id order, so concurrent checkouts cannot deadlock; the second, one update for all the
 * lines, reserves those that fit.
 */
export async function reserveStock(tx: Executor, storeId: number, lines: StockRequest[]): Promise<void> {
  const wanted = mergeByVariant(lines);
  if (wanted.length === 0) return;
  const ids = wanted.map((l) => l.variantId);
  const requested = sql`json_to_recordset(${JSON.stringify(wanted.map((l) => ({ variant_id: l.variantId, quantity: l.quantity })))}::text::json) as w(variant_id int, quantity int)`;
  const [, reserved] = await Promise.all([
    tx
      .select({ variantId: stockLevels.variantId })
      .from(stockLevels)
      .where(and(eq(stockLevels.storeId, storeId), inArray(stockLevels.variantId, ids)))
      .orderBy(asc(stockLevels.variantId))
      .for("update")
      .prepare("lock_stock")
      .execute(),
    tx
      .update(stockLevels)
      .set({ reserved: sql`${stockLevels.reserved} + w.quantity`, updatedAt: sql`now()` })
      .from(requested)
      .where(and(eq(stockLevels.storeId, storeId), sql`${stockLevels.variantId} = w.variant_id`, sql`${stockLevels.quantity} - ${stockLevels.reserved} >= w.quantity`))
      .returning({ variantId: stockLevels.variantId })
      .prepare("reserve_stock")
      .execute(),
  ]);
  const done = new Set(reserved.map((r) => r.variantId));
  const failed = wanted.filter((line) => !done.has(line.variantId));
  if (failed.length === 0) return;
  const levels = await tx
    .select({ variantId: stockLevels.variantId, available: sql<number>`${stockLevels.quantity} - ${stockLevels.reserved}` })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), inArray(stockLevels.variantId, failed.map((f) => f.variantId))));
  const availableOf = new Map(levels.map((l) => [l.variantId, Number(l.available)]));
  throw new OutOfStockError(
    failed.map((f) => ({ variantId: f.variantId, productName: f.productName, requested: f.quantity, available: availableOf.get(f.variantId) ?? 0 })),
  );
}

/** Gives back what an unpaid order reserved (the order is being cancelled or has expired). */
export function releaseOrderStock(tx: Executor, orderId: string): Promise<number> {
  return applyOrderLines(tx, orderId, "release");
}

/** Takes a confirmed order's goods out of stock: quantity and reserved both go down. */
export function commitOrderStock(tx: Executor, orderId: string): Promise<number> {
  return applyOrderLines(tx, orderId, "commit");
}

/** Puts a confirmed (committed, not yet picked) order's goods back on the shelf: quantity goes up. */
export function returnCommittedStock(tx: Executor, orderId: string): Promise<number> {
  return applyOrderLines(tx, orderId, "return");
}

const CHANGES = {
  release: { reserved: -1, quantity: 0 },
  commit: { reserved: -1, quantity: -1 },
  return: { reserved: 0, quantity: 1 },
} as const;

/** Returns the number of stock rows changed. The caller makes sure it runs once per order. */
async function applyOrderLines(tx: Executor, orderId: string, mode: keyof typeof CHANGES): Promise<number> {
  const lines = await tx
    .select({ storeId: orders.storeId, variantId: orderLines.variantId, quantity: sql<number>`sum(${orderLines.quantity})::int` })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.orderId, orderId), sql`${orderLines.variantId} is not null`))
    .groupBy(orders.storeId, orderLines.variantId)
    .orderBy(asc(orderLines.variantId));
  let changed = 0;
  for (const line of lines) {
    const where = and(eq(stockLevels.storeId, line.storeId), eq(stockLevels.variantId, line.variantId!));
    const change = CHANGES[mode];
    const set = {
      ...(change.quantity ? { quantity: sql`${stockLevels.quantity} + ${change.quantity * line.quantity}` } : {}),
      ...(change.reserved ? { reserved: sql`${stockLevels.reserved} + ${change.reserved * line.quantity}` } : {}),
    };
    const updated = await tx
      .update(stockLevels)
      .set({ ...set, updatedAt: sql`now()` })
      .where(where)
      .returning({ variantId: stockLevels.variantId });
    changed += updated.length;
  }
  return changed;
}

function mergeByVariant(lines: StockRequest[]): StockRequest[] {
  const byVariant = new Map<number, StockRequest>();
  for (const line of lines) {
    const seen = byVariant.get(line.variantId);
    byVariant.set(line.variantId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  return [...byVariant.values()].sort((a, b) => a.variantId - b.variantId);
}
