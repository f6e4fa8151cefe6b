// Per-store stock for orders: reserve at checkout, release when an unpaid order ends, commit
// when it is confirmed, give back when a confirmed order is cancelled. Every change is a
// conditional update taken in variant-id order, so concurrent checkouts never oversell and never
// deadlock. A change that moves a variant in or out of stock (what the cached storefront shows)
// enqueues the refresh of the store's cached pages in the same transaction, whoever makes it.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { enqueueStorefrontRefresh } from "@/lib/jobs/queue";
import type { Executor } from "../client";
import { orderLines, orders, productVariants, stockLevels } from "../schema";

/** After a change: what is available now, by how much the change moved it, and the selling step. */
type StockChange = { available: number; change: number; step: number };

/** Whether a change moved a variant across "in stock" (at least one step available): storefront pages show that. */
export function crossesInStock({ available, change, step }: StockChange): boolean {
  return available - change >= step !== available >= step;
}

/** The selling step of the updated row's variant (1 item, or grams for weighed items), for RETURNING. */
const stepOfRow = sql<number>`(select coalesce(${productVariants.weightStepGrams}, 1) from ${productVariants} where ${productVariants.id} = ${stockLevels.variantId})`;
const availableOfRow = sql<number>`${stockLevels.quantity} - ${stockLevels.reserved}`;

async function refreshIfShownStockChanged(tx: Executor, storeId: number, changes: StockChange[]): Promise<void> {
  if (changes.some(crossesInStock)) await enqueueStorefrontRefresh(tx, storeId);
}

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
      .returning({ variantId: stockLevels.variantId, available: availableOfRow, reservedNow: sql<number>`w.quantity`, step: stepOfRow })
      .prepare("reserve_stock")
      .execute(),
  ]);
  const done = new Set(reserved.map((r) => r.variantId));
  const failed = wanted.filter((line) => !done.has(line.variantId));
  if (failed.length === 0) {
    await refreshIfShownStockChanged(tx, storeId, reserved.map((r) => ({ available: r.available, change: -r.reservedNow, step: r.step })));
    return;
  }
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

/**
 * Puts what picking took for an order back on the shelf (the order is cancelled after its pick was
 * finished): each line's picked quantity of the ordered variant, and a substitute's quantity of its
 * own variant. What was missing was never taken, so it does not come back.
 */
export function returnPickedStock(tx: Executor, orderId: string): Promise<number> {
  return applyOrderLines(tx, orderId, "return", "picked");
}

const CHANGES = {
  release: { reserved: -1, quantity: 0 },
  commit: { reserved: -1, quantity: -1 },
  return: { reserved: 0, quantity: 1 },
} as const;

/**
 * Returns the number of stock rows changed. The caller makes sure it runs once per order. Two
 * statements: the rows locked in variant-id order (as checkouts lock them), then one update.
 */
async function applyOrderLines(tx: Executor, orderId: string, mode: keyof typeof CHANGES, amounts: "ordered" | "picked" = "ordered"): Promise<number> {
  const lines = tx.$with("lines").as(amounts === "ordered" ? orderedQuantities(tx, orderId) : pickedQuantities(tx, orderId));
  const matching = sql`${stockLevels.storeId} = lines.store_id and ${stockLevels.variantId} = lines.variant_id`;
  await tx
    .with(lines)
    .select({ variantId: stockLevels.variantId })
    .from(stockLevels)
    .innerJoin(lines, matching)
    .orderBy(asc(stockLevels.variantId))
    .for("update", { of: stockLevels });
  const change = CHANGES[mode];
  const updated = await tx
    .with(lines)
    .update(stockLevels)
    .set({
      quantity: sql`${stockLevels.quantity} + ${change.quantity} * lines.quantity`,
      reserved: sql`${stockLevels.reserved} + ${change.reserved} * lines.quantity`,
      updatedAt: sql`now()`,
    })
    .from(lines)
    .where(matching)
    .returning({ storeId: stockLevels.storeId, available: availableOfRow, moved: sql<number>`(${change.quantity - change.reserved}) * lines.quantity`, step: stepOfRow });
  if (updated.length > 0) {
    await refreshIfShownStockChanged(tx, updated[0].storeId, updated.map((r) => ({ available: r.available, change: r.moved, step: r.step })));
  }
  return updated.length;
}

/** Per variant of the order's store: what the lines ordered. */
function orderedQuantities(tx: Executor, orderId: string) {
  return tx
    .select({ storeId: orders.storeId, variantId: sql<number>`${orderLines.variantId}`.as("variant_id"), quantity: sql<number>`sum(${orderLines.quantity})::int`.as("quantity") })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.orderId, orderId), sql`${orderLines.variantId} is not null`))
    .groupBy(orders.storeId, orderLines.variantId);
}

/** Per variant of the order's store: what picking took (a substitute's own variant and quantity). */
function pickedQuantities(tx: Executor, orderId: string) {
  const substituted = sql`${orderLines.pickStatus} = 'substituted'`;
  const variant = sql<number>`case when ${substituted} then (${orderLines.substitute} ->> 'variantId')::int else ${orderLines.variantId} end`;
  const quantity = sql<number>`case when ${substituted} then (${orderLines.substitute} ->> 'quantity')::int else coalesce(${orderLines.pickedQuantity}, 0) end`;
  return tx
    .select({ storeId: orders.storeId, variantId: variant.as("variant_id"), quantity: sql<number>`sum(${quantity})::int`.as("quantity") })
    .from(orderLines)
    .innerJoin(orders, eq(orders.id, orderLines.orderId))
    .where(and(eq(orderLines.orderId, orderId), sql`${orderLines.pickStatus} is not null`, sql`${variant} is not null`))
    .groupBy(orders.storeId, variant)
    .having(sql`sum(${quantity}) > 0`);
}

function mergeByVariant(lines: StockRequest[]): StockRequest[] {
  const byVariant = new Map<number, StockRequest>();
  for (const line of lines) {
    const seen = byVariant.get(line.variantId);
    byVariant.set(line.variantId, seen ? { ...seen, quantity: seen.quantity + line.quantity } : { ...line });
  }
  return [...byVariant.values()].sort((a, b) => a.variantId - b.variantId);
}
