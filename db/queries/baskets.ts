// Baskets of guests and shoppers: lines limited by the basket store's stock, merged at sign-in,
// and viewed with current catalog prices (prices never come from the client).
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  basketLines,
  baskets,
  productVariants,
  products,
  stockLevels,
  stores,
  type Basket,
  type BasketLine,
  type Fulfilment,
  type SellingMode,
  type SubstitutionPreference,
  type UnitPriceBasis,
} from "../schema";
import { isIntId, UUID_PATTERN } from "@/lib/ids";
import { effectivePriceSql } from "./prices";
import { basketPromotions, type BasketPromotions } from "@/lib/promotions/basket";
import type { CodeRefusal } from "@/lib/promotions/codes";
import { automaticRulesQuery, basketCodeQuery, setBasketPromotionCode, toAutomaticRule, toCodeRow } from "./promotions";
import {
  basketTotals,
  formatQuantity,
  largestQuantityWithin,
  lineEstimateCents,
  maxQuantity,
  validateQuantity,
  type BasketTotals,
  type SellableVariant,
} from "@/lib/basket/pricing";

export type BasketErrorCode = "basket_not_found" | "store_not_found" | "unknown_variant" | "invalid_quantity" | "insufficient_stock";

/** A refusal to show the shopper; `available` is the most that can be had at the store. */
export class BasketError extends Error {
  constructor(
    readonly code: BasketErrorCode,
    message: string,
    readonly available?: number,
  ) {
    super(message);
  }
}

const UUID = UUID_PATTERN;

/** A guest basket by the id in its cookie; never a signed-in shopper's basket. */
export async function getBasketForGuest(db: Executor, basketId: string): Promise<Basket | null> {
  if (!UUID.test(basketId)) return null;
  const [basket] = await db.select().from(baskets).where(and(eq(baskets.id, basketId), isNull(baskets.userId)));
  return basket ?? null;
}

/** The shopper's one basket, or the guest's from its cookie; created at `storeId` when missing. */
export async function getOrCreateBasket(db: Executor, params: { userId?: string; basketId?: string; storeId: number }): Promise<Basket> {
  if (params.userId) {
    const byUser = () => db.select().from(baskets).where(eq(baskets.userId, params.userId!));
    const [existing] = await byUser();
    if (existing) return existing;
    const [created] = await db.insert(baskets).values({ userId: params.userId, storeId: params.storeId }).onConflictDoNothing().returning();
    return created ?? (await byUser())[0];
  }
  const guest = params.basketId ? await getBasketForGuest(db, params.basketId) : null;
  if (guest) return guest;
  const [created] = await db.insert(baskets).values({ storeId: params.storeId }).returning();
  return created;
}

/** The variant with the stock of the basket's store, in one query. */
async function variantAtBasketStore(db: Executor, basketId: string, variantId: number) {
  const [row] = await db
    .select({
      storeName: stores.name,
      variantId: productVariants.id,
      active: products.active,
      sellingMode: productVariants.sellingMode,
      priceCents: effectivePriceSql(baskets.storeId),
      weightStepGrams: productVariants.weightStepGrams,
      available: sql<number>`coalesce(${stockLevels.quantity} - ${stockLevels.reserved}, 0)::int`,
    })
    .from(baskets)
    .innerJoin(stores, eq(stores.id, baskets.storeId))
    .leftJoin(productVariants, eq(productVariants.id, variantId))
    .leftJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, baskets.storeId), eq(stockLevels.variantId, productVariants.id)))
    .where(eq(baskets.id, basketId));
  return row ?? null;
}

function stockMessage(storeName: string, variant: { sellingMode: SellingMode }, available: number): string {
  return available > 0 ? `Only ${formatQuantity(variant, available)} left at ${storeName}.` : `Sold out at ${storeName}.`;
}

type CheckedVariant = { storeName: string; available: number; variant: SellableVariant };

/** The variant as the basket's store sells it, or a BasketError (unknown basket or product, bad quantity). */
async function checkedVariant(db: Executor, basketId: string, variantId: number, quantity: number): Promise<CheckedVariant> {
  if (!isIntId(variantId)) throw new BasketError("unknown_variant", "This product is no longer available.");
  const row = UUID.test(basketId) ? await variantAtBasketStore(db, basketId, variantId) : null;
  if (!row) throw new BasketError("basket_not_found", "This basket no longer exists.");
  if (row.variantId === null || row.sellingMode === null || row.priceCents === null || !row.active) {
    throw new BasketError("unknown_variant", "This product is no longer available.");
  }
  const variant = { sellingMode: row.sellingMode, priceCents: row.priceCents, weightStepGrams: row.weightStepGrams };
  const check = validateQuantity(variant, quantity);
  if (!check.ok) throw new BasketError("invalid_quantity", check.message);
  return { storeName: row.storeName, available: row.available, variant };
}

function insufficientStock({ storeName, variant, available }: CheckedVariant): BasketError {
  const most = largestQuantityWithin(variant, available);
  return new BasketError("insufficient_stock", stockMessage(storeName, variant, most), most);
}

/**
 * Sets a line's quantity (items, or grams for weighed items); 0 removes the line. Refuses
 * unknown or withdrawn products, invalid quantities, and more than the store has available.
 */
export async function setBasketLine(
  db: Executor,
  params: { basketId: string; variantId: number; quantity: number; substitution?: SubstitutionPreference },
): Promise<BasketLine | null> {
  if (params.quantity === 0) {
    await removeBasketLine(db, params);
    return null;
  }
  const checked = await checkedVariant(db, params.basketId, params.variantId, params.quantity);
  if (params.quantity > checked.available) throw insufficientStock(checked);
  const [line] = await db
    .insert(basketLines)
    .values({ basketId: params.basketId, variantId: params.variantId, quantity: params.quantity, substitution: params.substitution })
    .onConflictDoUpdate({
      target: [basketLines.basketId, basketLines.variantId],
      set: { quantity: params.quantity, ...(params.substitution ? { substitution: params.substitution } : {}) },
    })
    .returning();
  return line;
}

/**
 * Adds `quantity` to what the basket holds of a variant, in one statement: two adds at once both
 * count (a read, then a write, would lose one). The total must stay within the quantity rules and
 * the store's stock, or nothing changes and the error says what is left.
 */
export async function addToBasketLine(db: Executor, params: { basketId: string; variantId: number; quantity: number }): Promise<BasketLine> {
  const checked = await checkedVariant(db, params.basketId, params.variantId, params.quantity);
  const ceiling = Math.min(maxQuantity(checked.variant), checked.available);
  if (params.quantity > checked.available) throw insufficientStock(checked);
  const [line] = await db
    .insert(basketLines)
    .values({ basketId: params.basketId, variantId: params.variantId, quantity: params.quantity })
    .onConflictDoUpdate({
      target: [basketLines.basketId, basketLines.variantId],
      set: { quantity: sql`${basketLines.quantity} + excluded.quantity` },
      setWhere: sql`${basketLines.quantity} + excluded.quantity <= ${ceiling}`,
    })
    .returning();
  if (line) return line;
  const had = await basketLineQuantity(db, params.basketId, params.variantId);
  const total = validateQuantity(checked.variant, had + params.quantity);
  if (!total.ok) throw new BasketError("invalid_quantity", total.message);
  throw insufficientStock(checked);
}

export async function removeBasketLine(db: Executor, params: { basketId: string; variantId: number }): Promise<void> {
  if (!UUID.test(params.basketId) || !isIntId(params.variantId)) return;
  await db.delete(basketLines).where(and(eq(basketLines.basketId, params.basketId), eq(basketLines.variantId, params.variantId)));
}

export type MergeResult = { basket: Basket | null; reduced: { variantId: number; requested: number; kept: number }[] };

/**
 * At sign-in: adds the guest basket's lines to the shopper's basket (quantities summed, capped
 * by the stock of the shopper's store and the quantity rules, never below what the shopper
 * already had) and its promotion code (if the shopper had none), then deletes the guest basket.
 * One transaction.
 */
export async function mergeGuestBasketIntoUser(db: Executor, guestBasketId: string, userId: string): Promise<MergeResult> {
  return db.transaction(async (tx) => {
    const guest = UUID.test(guestBasketId)
      ? (await tx.select().from(baskets).where(and(eq(baskets.id, guestBasketId), isNull(baskets.userId))).for("update"))[0]
      : undefined;
    if (!guest) {
      const [own] = await tx.select().from(baskets).where(eq(baskets.userId, userId));
      return { basket: own ?? null, reduced: [] };
    }
    const basket = await getOrCreateBasket(tx, { userId, storeId: guest.storeId });
    const guestLines = await tx.select().from(basketLines).where(eq(basketLines.basketId, guest.id));
    const current = await basketRows(tx, basket.id, basket.storeId, guestLines.map((l) => l.variantId));
    const byVariant = new Map(current.map((r) => [r.variantId, r]));
    const reduced: MergeResult["reduced"] = [];
    for (const line of guestLines) {
      const row = byVariant.get(line.variantId);
      if (!row || !row.active) continue;
      const had = row.quantity ?? 0;
      const requested = had + line.quantity;
      const kept = Math.max(had, largestQuantityWithin(row, Math.min(requested, row.available)));
      if (kept < requested) reduced.push({ variantId: line.variantId, requested, kept });
      if (kept === 0 || kept === had) continue;
      await tx
        .insert(basketLines)
        .values({ basketId: basket.id, variantId: line.variantId, quantity: kept, substitution: line.substitution })
        .onConflictDoUpdate({ target: [basketLines.basketId, basketLines.variantId], set: { quantity: kept } });
    }
    // A code the guest entered comes along, unless the shopper's basket has one already.
    if (guest.promotionCode && !basket.promotionCode) await setBasketPromotionCode(tx, basket.id, guest.promotionCode);
    await tx.delete(baskets).where(eq(baskets.id, guest.id));
    return { basket: guest.promotionCode && !basket.promotionCode ? { ...basket, promotionCode: guest.promotionCode } : basket, reduced };
  });
}

/** Variants (by id) with the basket's line for them, if any, and the store's availability. */
async function basketRows(tx: Executor, basketId: string, storeId: number, variantIds: number[]) {
  if (variantIds.length === 0) return [];
  return tx
    .select({
      variantId: productVariants.id,
      active: products.active,
      sellingMode: productVariants.sellingMode,
      priceCents: effectivePriceSql(storeId),
      weightStepGrams: productVariants.weightStepGrams,
      quantity: basketLines.quantity,
      available: sql<number>`coalesce(${stockLevels.quantity} - ${stockLevels.reserved}, 0)::int`,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(basketLines, and(eq(basketLines.basketId, basketId), eq(basketLines.variantId, productVariants.id)))
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, storeId), eq(stockLevels.variantId, productVariants.id)))
    .where(inArray(productVariants.id, variantIds));
}

export type BasketLineProblem = "unavailable" | "insufficient_stock" | "invalid_quantity";

export type BasketViewLine = {
  variantId: number;
  productSlug: string;
  productName: string;
  sizeLabel: string;
  sku: string;
  sellingMode: SellingMode;
  /** Current catalog price: per item, or per kg. */
  priceCents: number;
  netQuantity: number | null;
  unitPriceBasis: UnitPriceBasis;
  weightStepGrams: number | null;
  vatRateBp: number;
  imageUrl: string | null;
  quantity: number;
  substitution: SubstitutionPreference;
  /** Available at the basket's store now (quantity - reserved). */
  available: number;
  estimateCents: number;
  productId: number;
  /** The product's category and its ancestors (category promotions apply to subcategories). */
  categoryIds: number[];
  /** Taken off by promotions (lib/promotions/apply.ts), and why ("3 for 2", "WELCOME10 −10%"). */
  discountCents: number;
  reasons: string[];
  problem: BasketLineProblem | null;
  /** A message for the shopper when there is a problem. */
  message: string | null;
};

export type BasketView = {
  basket: Basket;
  store: { id: number; slug: string; name: string };
  lines: BasketViewLine[];
  totals: BasketTotals;
  promotions: BasketPromotions;
  /** True when every line can be ordered as it is. */
  ready: boolean;
};

/**
 * The basket as the shopper sees it, priced from the catalog now with the promotions live at `now`
 * (lib/promotions/basket.ts), in four queries sent together (one round trip inside a transaction,
 * where postgres.js pipelines them; parallel ones on the pool): the basket, its lines, the
 * automatic promotions, and the basket's code with its owner's uses. None needs another's result.
 * All are prepared (`.prepare(name)`, a statement postgres.js keeps per connection): drizzle
 * otherwise sends unnamed statements, which postgres.js describes first — one more round trip
 * each, which also stops pipelining — and PostgreSQL parses and plans every time.
 */
export async function getBasketView(db: Executor, basketId: string, fulfilment: Fulfilment = "delivery", now = new Date()): Promise<BasketView | null> {
  if (!UUID.test(basketId)) return null;
  const headQuery = db
    .select({ basket: baskets, store: { id: stores.id, slug: stores.slug, name: stores.name } })
    .from(baskets)
    .innerJoin(stores, eq(stores.id, baskets.storeId))
    .where(eq(baskets.id, basketId));
  const linesQuery = db
    .select({
      variantId: productVariants.id,
      productId: products.id,
      categoryIds: sql<number[]>`(with recursive up(id, parent_id) as (
        select c.id, c.parent_id from categories c where c.id = ${products.categoryId}
        union all select c.id, c.parent_id from categories c join up on c.id = up.parent_id)
        select coalesce(array_agg(id), '{}') from up)`,
      productSlug: products.slug,
      productName: products.name,
      active: products.active,
      sizeLabel: productVariants.sizeLabel,
      sku: productVariants.sku,
      sellingMode: productVariants.sellingMode,
      priceCents: effectivePriceSql(baskets.storeId),
      netQuantity: productVariants.netQuantity,
      unitPriceBasis: productVariants.unitPriceBasis,
      weightStepGrams: productVariants.weightStepGrams,
      vatRateBp: products.vatRateBp,
      imageUrl: sql<string | null>`(select coalesce(i.url, '/media/' || i.media_id) from product_images i where i.product_id = ${products.id} order by i.position, i.id limit 1)`,
      quantity: basketLines.quantity,
      substitution: basketLines.substitution,
      available: sql<number>`coalesce(${stockLevels.quantity} - ${stockLevels.reserved}, 0)::int`,
    })
    .from(basketLines)
    .innerJoin(baskets, eq(baskets.id, basketLines.basketId))
    .innerJoin(productVariants, eq(productVariants.id, basketLines.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(stockLevels, and(eq(stockLevels.storeId, baskets.storeId), eq(stockLevels.variantId, basketLines.variantId)))
    .where(eq(basketLines.basketId, basketId))
    .orderBy(asc(basketLines.addedAt), asc(basketLines.variantId));
  const [[head], rows, ruleRows, [codeRow]] = await Promise.all([
    headQuery.prepare("basket_view_head").execute(),
    linesQuery.prepare("basket_view_lines").execute(),
    automaticRulesQuery(db, now).execute({}),
    basketCodeQuery(db, basketId).execute(),
  ]);
  if (!head) return null;
  const priced = rows.map(({ active, ...row }) => {
    const check = validateQuantity(row, row.quantity);
    const problem: BasketLineProblem | null = !active
      ? "unavailable"
      : !check.ok
        ? "invalid_quantity"
        : row.quantity > row.available
          ? "insufficient_stock"
          : null;
    const message =
      problem === "unavailable"
        ? "This product is no longer available."
        : !check.ok
          ? check.message
          : problem === "insufficient_stock"
            ? stockMessage(head.store.name, row, largestQuantityWithin(row, row.available))
            : null;
    return { ...row, estimateCents: lineEstimateCents(row, row.quantity), problem, message };
  });
  const promotions = basketPromotions(
    priced.map((l) => ({ ...l, unitPriceCents: l.priceCents, lineTotalCents: l.estimateCents })),
    { automatic: ruleRows.flatMap((r) => toAutomaticRule(r) ?? []), code: head.basket.promotionCode, codeRow: toCodeRow(codeRow), now },
  );
  const lines = priced.map((l, i): BasketViewLine => ({ ...l, discountCents: promotions.result.lines[i].discountCents, reasons: promotions.result.lines[i].reasons }));
  return { ...head, lines, totals: basketTotals(lines, fulfilment), promotions, ready: lines.length > 0 && lines.every((l) => l.problem === null) };
}

/**
 * Moves the basket to another store: lines are kept, availability is that of the new store
 * (the returned view flags what it lacks).
 */
export async function changeBasketStore(db: Executor, basketId: string, storeId: number): Promise<BasketView> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.id, storeId));
  if (!store) throw new BasketError("store_not_found", "This store does not exist.");
  const updated = UUID.test(basketId)
    ? await db.update(baskets).set({ storeId, updatedAt: sql`now()` }).where(eq(baskets.id, basketId)).returning({ id: baskets.id })
    : [];
  if (updated.length === 0) throw new BasketError("basket_not_found", "This basket no longer exists.");
  return (await getBasketView(db, basketId))!;
}

/** The shopper's basket id, or null; never creates one. */
export async function findShopperBasketId(db: Executor, userId: string): Promise<string | null> {
  const [row] = await db.select({ id: baskets.id }).from(baskets).where(eq(baskets.userId, userId));
  return row?.id ?? null;
}

/** Empties a basket once its order is placed and its payment started. */
export async function emptyBasket(db: Executor, basketId: string): Promise<void> {
  await db.delete(basketLines).where(eq(basketLines.basketId, basketId));
}

/** The quantity of a variant in a basket (0 when absent). */
export async function basketLineQuantity(db: Executor, basketId: string, variantId: number): Promise<number> {
  if (!UUID.test(basketId) || !isIntId(variantId)) return 0;
  const [row] = await db
    .select({ quantity: basketLines.quantity })
    .from(basketLines)
    .where(and(eq(basketLines.basketId, basketId), eq(basketLines.variantId, variantId)));
  return row?.quantity ?? 0;
}

/**
 * Count of lines and estimated subtotal for the header, asked on every page view: one query on
 * the lines and their prices, nothing about stock or images (that is the basket page's view).
 */
export async function basketSummary(db: Executor, basketId: string): Promise<{ lines: number; subtotalCents: number }> {
  if (!UUID.test(basketId)) return { lines: 0, subtotalCents: 0 };
  const rows = await db
    .select({
      quantity: basketLines.quantity,
      sellingMode: productVariants.sellingMode,
      priceCents: effectivePriceSql(baskets.storeId),
      weightStepGrams: productVariants.weightStepGrams,
    })
    .from(basketLines)
    .innerJoin(baskets, eq(baskets.id, basketLines.basketId))
    .innerJoin(productVariants, eq(productVariants.id, basketLines.variantId))
    .where(eq(basketLines.basketId, basketId));
  return { lines: rows.length, subtotalCents: rows.reduce((sum, row) => sum + lineEstimateCents(row, row.quantity), 0) };
}

class CodeRefused extends Error {
  constructor(readonly refusal: CodeRefusal) {
    super(refusal.code);
  }
}

/**
 * Puts a promotion code on a basket when it applies, or when it only waits for a bigger basket
 * (kept, and the basket says how much is missing); any other refusal leaves the basket as it was.
 * Returns the refusal, if any.
 */
export async function applyBasketCode(db: Executor, basketId: string, code: string, now = new Date()): Promise<CodeRefusal | null> {
  try {
    return await db.transaction(async (tx) => {
      await setBasketPromotionCode(tx, basketId, code);
      const refusal = (await getBasketView(tx, basketId, "delivery", now))?.promotions.refusal ?? null;
      if (refusal && refusal.code !== "min_basket") throw new CodeRefused(refusal);
      return refusal;
    });
  } catch (error) {
    if (error instanceof CodeRefused) return error.refusal;
    throw error;
  }
}
