// Picking an order in the store: an agent claims it (one picker at a time), settles each line
// (picked, missing, substituted), and finishes — the final total, the stock, the move to `picked`
// and the capture job in one transaction — then hands it over. Every step runs under the order's
// row lock and writes the audit log; the state lives in the database, so a reload or a second
// tablet picks up where the first left off.
import { aliasedTable, and, asc, eq, gt, ilike, inArray, ne, or, sql } from "drizzle-orm";
import { enqueueCapturePayment, enqueueStorefrontRefresh } from "@/lib/jobs/queue";
import { worksAtStore, type SessionUser } from "@/lib/auth/access";
import { pickedDiscounts, pickTotals, settleLine, type PickOutcome } from "@/lib/picking/settle";
import type { Executor } from "../client";
import { categories, orderLines, orders, productVariants, products, stockLevels, users, type LineSubstitute, type Order, type OrderLine } from "../schema";
import { NOTHING_PICKED_REASON } from "@/lib/orders/state-machine";
import { cancelOrder } from "./order-cancellation";
import { effectivePriceSql } from "./prices";
import { lockOrder, transitionOrder } from "./orders";
import { orderPromotionSnapshot } from "./promotions";
import { recordStaffAction } from "./staff-actions";

export type PickingRefusal =
  | { code: "not_found" }
  /** Someone else is picking it. */
  | { code: "taken"; pickerName: string }
  | { code: "wrong_status"; status: Order["status"] }
  | { code: "invalid"; message: string; field?: string }
  | { code: "unsettled"; count: number };

export type PickingResult<T = Order> = { ok: true; order: T } | ({ ok: false } & PickingRefusal);

const actorOf = (staff: SessionUser) => `agent:${staff.id}`;

/** The order under its row lock, if `staff` works at its store; another store's order reads as unknown. */
async function lockOrderFor(tx: Executor, orderId: string, staff: SessionUser): Promise<Order | null> {
  const order = await lockOrder(tx, orderId);
  return order && worksAtStore(staff, order.storeId) ? order : null;
}

async function pickerName(tx: Executor, pickerId: string | null): Promise<string> {
  if (!pickerId) return "someone else";
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, pickerId));
  return row?.name ?? "someone else";
}

/** The picker's own order in `picking`, or why not. */
async function lockForPicking(tx: Executor, orderId: string, staff: SessionUser): Promise<PickingResult> {
  const order = await lockOrderFor(tx, orderId, staff);
  if (!order) return { ok: false, code: "not_found" };
  if (order.status !== "picking") return { ok: false, code: "wrong_status", status: order.status };
  if (order.pickerId !== staff.id) return { ok: false, code: "taken", pickerName: await pickerName(tx, order.pickerId) };
  return { ok: true, order };
}

/**
 * Starts picking a confirmed order, as `staff`. Claiming one's own order again is fine; an order
 * another agent picks is refused with their name. Two agents at once: the row lock makes one win.
 */
export async function claimOrder(tx: Executor, orderId: string, staff: SessionUser): Promise<PickingResult> {
  const order = await lockOrderFor(tx, orderId, staff);
  if (!order) return { ok: false, code: "not_found" };
  if (order.status === "picking") {
    return order.pickerId === staff.id ? { ok: true, order } : { ok: false, code: "taken", pickerName: await pickerName(tx, order.pickerId) };
  }
  if (order.status !== "confirmed") return { ok: false, code: "wrong_status", status: order.status };
  const moved = await transitionOrder(tx, {
    orderId,
    to: "picking",
    actor: actorOf(staff),
    set: { pickerId: staff.id, pickingStartedAt: new Date() },
  });
  await recordStaffAction(tx, { staffId: staff.id, action: "order.claim", orderId, storeId: order.storeId });
  return { ok: true, order: moved.order! };
}

/** A substitute as the store sells it now: an active product's variant, in stock at the store. */
async function substituteSnapshot(tx: Executor, storeId: number, variantId: number, quantity: number): Promise<LineSubstitute | null> {
  const [row] = await tx
    .select({
      variantId: productVariants.id,
      productName: products.name,
      sizeLabel: productVariants.sizeLabel,
      sku: productVariants.sku,
      sellingMode: productVariants.sellingMode,
      unitPriceCents: effectivePriceSql(storeId),
      vatRateBp: products.vatRateBp,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(stockLevels, and(eq(stockLevels.variantId, productVariants.id), eq(stockLevels.storeId, storeId)))
    .where(and(eq(productVariants.id, variantId), eq(products.active, true)));
  return row ? { ...row, quantity } : null;
}

export type LineOutcomeInput =
  | { kind: "picked"; quantity: number }
  | { kind: "missing"; found: number }
  | { kind: "substituted"; variantId: number; quantity: number }
  /** Back to "to pick". */
  | { kind: "reset" };

/** Settles one line of the picker's order (or puts it back to "to pick"); the price is computed here. */
export async function settleOrderLine(tx: Executor, input: { orderId: string; lineId: string; outcome: LineOutcomeInput; staff: SessionUser }): Promise<PickingResult<OrderLine>> {
  const locked = await lockForPicking(tx, input.orderId, input.staff);
  if (!locked.ok) return locked;
  const [line] = await tx
    .select()
    .from(orderLines)
    .where(and(eq(orderLines.id, input.lineId), eq(orderLines.orderId, input.orderId)));
  if (!line) return { ok: false, code: "not_found" };
  let settled: Pick<OrderLine, "pickStatus" | "pickedQuantity" | "pickedTotalCents" | "substitute" | "pickedAt">;
  if (input.outcome.kind === "reset") {
    settled = { pickStatus: null, pickedQuantity: null, pickedTotalCents: null, substitute: null, pickedAt: null };
  } else {
    let outcome: PickOutcome;
    if (input.outcome.kind === "substituted") {
      const substitute = await substituteSnapshot(tx, locked.order.storeId, input.outcome.variantId, input.outcome.quantity);
      if (!substitute) return { ok: false, code: "invalid", field: "variantId", message: "This product is not sold at this store." };
      outcome = { kind: "substituted", substitute };
    } else {
      outcome = input.outcome;
    }
    const result = settleLine(line, outcome);
    if (!result.ok) return { ok: false, code: "invalid", field: "quantity", message: result.message };
    settled = { ...result.line, pickedAt: new Date() };
  }
  const [updated] = await tx.update(orderLines).set(settled).where(eq(orderLines.id, line.id)).returning();
  // The queue follows orders' updated_at: progress shows there too.
  await tx.update(orders).set({ updatedAt: sql`now()` }).where(eq(orders.id, input.orderId));
  await recordStaffAction(tx, {
    staffId: input.staff.id,
    action: input.outcome.kind === "reset" ? "order.pick_line_reset" : "order.pick_line",
    orderId: input.orderId,
    storeId: locked.order.storeId,
    data: { lineId: line.id, product: line.productName, ...input.outcome },
  });
  return { ok: true, order: updated };
}

type StockMove = { variantId: number; change: number } | { variantId: number; empty: true };

/**
 * What picking tells the stock, beyond what confirmation already took out (the ordered
 * quantities): a weighed line's actual weight, a shelf found empty (missing, or replaced by a
 * substitute: nothing is left to sell), and the substitutes taken.
 */
export function stockMovesOf(lines: readonly Pick<OrderLine, "variantId" | "sellingMode" | "quantity" | "pickStatus" | "pickedQuantity" | "substitute">[]): StockMove[] {
  const moves: StockMove[] = [];
  for (const line of lines) {
    if (line.variantId === null) continue;
    if (line.pickStatus === "picked" && line.sellingMode === "weight" && line.pickedQuantity !== line.quantity) {
      moves.push({ variantId: line.variantId, change: line.quantity - (line.pickedQuantity ?? 0) });
    }
    if (line.pickStatus === "missing" || line.pickStatus === "substituted") moves.push({ variantId: line.variantId, empty: true });
    if (line.pickStatus === "substituted" && line.substitute) moves.push({ variantId: line.substitute.variantId, change: -line.substitute.quantity });
  }
  return moves;
}

/** Applies picking's stock moves in one statement, rows locked first in variant-id order as checkouts lock them; never below what is reserved. */
async function applyStockMoves(tx: Executor, storeId: number, moves: StockMove[]): Promise<void> {
  if (moves.length === 0) return;
  const variantIds = [...new Set(moves.map((m) => m.variantId))].sort((a, b) => a - b);
  const rows = await tx
    .select({ variantId: stockLevels.variantId, quantity: stockLevels.quantity, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), inArray(stockLevels.variantId, variantIds)))
    .orderBy(asc(stockLevels.variantId))
    .for("update");
  const changed = rows.flatMap((row) => {
    let quantity = row.quantity;
    for (const move of moves.filter((m) => m.variantId === row.variantId)) {
      quantity = "empty" in move ? row.reserved : quantity + move.change;
    }
    quantity = Math.max(row.reserved, quantity);
    return quantity === row.quantity ? [] : [sql`(${row.variantId}::int, ${quantity}::int)`];
  });
  if (changed.length === 0) return;
  await tx.execute(sql`
    update ${stockLevels} set quantity = v.quantity, updated_at = now()
    from (values ${sql.join(changed, sql`, `)}) as v(variant_id, quantity)
    where ${stockLevels.storeId} = ${storeId} and ${stockLevels.variantId} = v.variant_id`);
  await enqueueStorefrontRefresh(tx, storeId);
}

/**
 * Finishes the picker's order: every line settled, the final total and its VAT computed, the stock
 * adjusted, the order moved to `picked` and the capture job enqueued — in the caller's transaction.
 * An order with nothing left to charge is cancelled instead (never captured for €0): its stock
 * goes back, then the missing items' shelves are marked empty, the authorisation is voided and the
 * shopper told.
 */
export async function finishPicking(tx: Executor, orderId: string, staff: SessionUser): Promise<PickingResult> {
  const locked = await lockForPicking(tx, orderId, staff);
  if (!locked.ok) return locked;
  const order = locked.order;
  const [ordered, snapshot] = await Promise.all([tx.select().from(orderLines).where(eq(orderLines.orderId, orderId)), orderPromotionSnapshot(tx, orderId)]);
  const unsettled = ordered.filter((l) => l.pickStatus === null).length;
  if (unsettled > 0) return { ok: false, code: "unsettled", count: unsettled };
  // The order's promotions again, on what was picked: each line keeps the discount it is charged with.
  const lines = await withPickedDiscounts(tx, ordered, snapshot);
  const totals = pickTotals(lines, order.deliveryFeeCents);
  if (totals.itemsCents === 0) {
    const cancelled = await cancelOrder(tx, { orderId, actor: actorOf(staff), reason: NOTHING_PICKED_REASON, from: ["picking"] });
    await applyStockMoves(tx, order.storeId, stockMovesOf(lines));
    await recordStaffAction(tx, { staffId: staff.id, action: "order.finish_pick", orderId, storeId: order.storeId, data: { finalTotalCents: 0, cancelled: true } });
    return { ok: true, order: cancelled.order! };
  }
  await applyStockMoves(tx, order.storeId, stockMovesOf(lines));
  const moved = await transitionOrder(tx, {
    orderId,
    to: "picked",
    actor: actorOf(staff),
    data: { finalTotalCents: totals.totalCents, authorizedCents: order.authorizedCents },
    set: { finalTotalCents: totals.totalCents, pickedAt: new Date() },
  });
  await enqueueCapturePayment(tx, orderId);
  await recordStaffAction(tx, { staffId: staff.id, action: "order.finish_pick", orderId, storeId: order.storeId, data: { finalTotalCents: totals.totalCents } });
  return { ok: true, order: moved.order! };
}

/** The lines with their discounts recomputed on what was picked, stored when they changed. */
async function withPickedDiscounts(tx: Executor, lines: OrderLine[], snapshot: Awaited<ReturnType<typeof orderPromotionSnapshot>>): Promise<OrderLine[]> {
  if (!snapshot) return lines;
  const discounts = pickedDiscounts(lines, snapshot);
  const changed = lines.flatMap((l, i) => (l.discountCents === discounts[i] ? [] : [sql`(${l.id}::uuid, ${discounts[i]}::int)`]));
  if (changed.length > 0) {
    await tx.execute(sql`
      update ${orderLines} set discount_cents = v.discount_cents
      from (values ${sql.join(changed, sql`, `)}) as v(id, discount_cents) where ${orderLines.id} = v.id`);
  }
  return lines.map((l, i) => ({ ...l, discountCents: discounts[i] }));
}

/** Hands a ready order to the shopper (collected, or delivered): `completed`. */
export async function handOverOrder(tx: Executor, orderId: string, staff: SessionUser): Promise<PickingResult> {
  const order = await lockOrderFor(tx, orderId, staff);
  if (!order) return { ok: false, code: "not_found" };
  if (order.status !== "ready_for_collection" && order.status !== "out_for_delivery") return { ok: false, code: "wrong_status", status: order.status };
  const moved = await transitionOrder(tx, { orderId, to: "completed", actor: actorOf(staff) });
  await recordStaffAction(tx, { staffId: staff.id, action: "order.handover", orderId, storeId: order.storeId });
  return { ok: true, order: moved.order! };
}

export type PickingLine = OrderLine & { ean: string | null; aisle: string; aislePosition: number; shelfPosition: number };

const aisle = aliasedTable(categories, "aisle");

/**
 * An order's lines as the picker walks the store: grouped by aisle (the top category of the
 * product's shelf; the catalog has two levels), shelf by shelf, with each product's EAN to scan.
 */
export async function pickingList(db: Executor, orderId: string): Promise<PickingLine[]> {
  const aisleName = sql<string>`coalesce(${aisle.name}, ${categories.name}, 'Other')`;
  const aislePosition = sql<number>`coalesce(${aisle.position}, ${categories.position}, 1000000)`;
  const shelfPosition = sql<number>`coalesce(${categories.position}, 0)`;
  const rows = await db
    .select({ line: orderLines, ean: productVariants.ean, aisle: aisleName, aislePosition, shelfPosition })
    .from(orderLines)
    .leftJoin(productVariants, eq(productVariants.id, orderLines.variantId))
    .leftJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(categories, eq(categories.id, products.categoryId))
    .leftJoin(aisle, eq(aisle.id, categories.parentId))
    .where(eq(orderLines.orderId, orderId))
    .orderBy(aislePosition, aisleName, shelfPosition, asc(orderLines.position));
  return rows.map((r) => ({ ...r.line, ean: r.ean, aisle: r.aisle, aislePosition: r.aislePosition, shelfPosition: r.shelfPosition }));
}

export type SubstituteCandidate = Omit<LineSubstitute, "quantity"> & { available: number; ean: string | null };

/** The store's products in stock that match `text` (words of the name, or an EAN or SKU), to offer instead of `excludeVariantId`. */
export async function searchSubstitutes(db: Executor, params: { storeId: number; text: string; excludeVariantId: number | null; limit?: number }): Promise<SubstituteCandidate[]> {
  const text = params.text.trim().slice(0, 100);
  if (!text) return [];
  const words = sql`websearch_to_tsquery('halles', ${text})`;
  return db
    .select({
      variantId: productVariants.id,
      productName: products.name,
      sizeLabel: productVariants.sizeLabel,
      sku: productVariants.sku,
      ean: productVariants.ean,
      sellingMode: productVariants.sellingMode,
      unitPriceCents: effectivePriceSql(params.storeId),
      vatRateBp: products.vatRateBp,
      available: sql<number>`${stockLevels.quantity} - ${stockLevels.reserved}`,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(stockLevels, and(eq(stockLevels.variantId, productVariants.id), eq(stockLevels.storeId, params.storeId)))
    .where(
      and(
        eq(products.active, true),
        gt(sql`${stockLevels.quantity} - ${stockLevels.reserved}`, 0),
        params.excludeVariantId === null ? undefined : ne(productVariants.id, params.excludeVariantId),
        or(sql`${products.searchVector} @@ ${words}`, ilike(products.name, `%${text.replace(/[%_\\]/g, "")}%`), eq(productVariants.ean, text), eq(productVariants.sku, text)),
      ),
    )
    .orderBy(sql`ts_rank(${products.searchVector}, ${words}) desc`, asc(products.name))
    .limit(params.limit ?? 8);
}
