// A store's stock as agents see it (search, low-stock filter, pages) and their corrections: a
// counted quantity with a reason, under the stock row's lock, recorded in stock_corrections and
// the audit log, with the storefront's cached pages refreshed — all in one transaction.
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { enqueueStorefrontRefresh } from "@/lib/jobs/queue";
import type { Executor } from "../client";
import { products, productVariants, stockCorrections, stockLevels, users, type SellingMode } from "../schema";
import { recordStaffAction } from "./staff-actions";

/** Low stock: fewer than this many items available, or less than this many grams of a weighed item. */
export const LOW_STOCK_ITEMS = 5;
export const LOW_STOCK_GRAMS = 1000;

export const STOCK_PAGE_SIZE = 50;

export type StoreStockRow = {
  variantId: number;
  productName: string;
  productSlug: string;
  sizeLabel: string;
  sku: string;
  ean: string | null;
  sellingMode: SellingMode;
  quantity: number;
  reserved: number;
  available: number;
};

export type StoreStockFilter = { search?: string; lowStock?: boolean; page?: number };

const available = sql<number>`${stockLevels.quantity} - ${stockLevels.reserved}`;

/** Escapes LIKE's wildcards in what people type. */
const likeText = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** One page of a store's stock, by product name; `total` counts every matching row. */
export async function listStoreStock(db: Executor, storeId: number, filter: StoreStockFilter = {}): Promise<{ rows: StoreStockRow[]; total: number }> {
  const where: (SQL | undefined)[] = [eq(stockLevels.storeId, storeId)];
  const search = filter.search?.trim();
  if (search) {
    where.push(or(ilike(products.name, `%${likeText(search)}%`), ilike(productVariants.sku, `${likeText(search)}%`), eq(productVariants.ean, search)));
  }
  if (filter.lowStock) {
    where.push(sql`${available} < case when ${productVariants.sellingMode} = 'weight' then ${LOW_STOCK_GRAMS}::int else ${LOW_STOCK_ITEMS}::int end`);
  }
  const page = Math.max(1, filter.page ?? 1);
  const rows = await db
    .select({
      variantId: productVariants.id,
      productName: products.name,
      productSlug: products.slug,
      sizeLabel: productVariants.sizeLabel,
      sku: productVariants.sku,
      ean: productVariants.ean,
      sellingMode: productVariants.sellingMode,
      quantity: stockLevels.quantity,
      reserved: stockLevels.reserved,
      available: available.mapWith(Number),
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(stockLevels)
    .innerJoin(productVariants, eq(productVariants.id, stockLevels.variantId))
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(...where))
    .orderBy(asc(products.name), asc(productVariants.position), asc(productVariants.id))
    .limit(STOCK_PAGE_SIZE)
    .offset((page - 1) * STOCK_PAGE_SIZE);
  return { rows, total: rows[0]?.total ?? 0 };
}

export type StockCorrectionEntry = { id: number; variantId: number; quantityBefore: number; quantityAfter: number; reason: string; staffName: string; createdAt: Date };

/** The `perVariant` latest corrections of each variant at the store, newest first. */
export async function listRecentCorrections(db: Executor, storeId: number, variantIds: number[], perVariant = 3): Promise<StockCorrectionEntry[]> {
  if (variantIds.length === 0) return [];
  const ranked = db
    .select({
      id: stockCorrections.id,
      variantId: stockCorrections.variantId,
      quantityBefore: stockCorrections.quantityBefore,
      quantityAfter: stockCorrections.quantityAfter,
      reason: stockCorrections.reason,
      staffName: users.name,
      createdAt: stockCorrections.createdAt,
      rank: sql<number>`row_number() over (partition by ${stockCorrections.variantId} order by ${stockCorrections.createdAt} desc, ${stockCorrections.id} desc)`.as("rank"),
    })
    .from(stockCorrections)
    .innerJoin(users, eq(users.id, stockCorrections.staffId))
    .where(and(eq(stockCorrections.storeId, storeId), inArray(stockCorrections.variantId, variantIds)))
    .as("ranked");
  return db.select().from(ranked).where(sql`${ranked.rank} <= ${perVariant}`).orderBy(desc(ranked.createdAt), desc(ranked.id));
}

export type StockCorrectionInput = {
  storeId: number;
  variantId: number;
  /** The counted quantity: items, or grams for weighed items. */
  quantity: number;
  /** A reason code (count, damaged, …), with the agent's note after ": " when there is one. */
  reason: string;
  staffId: string;
};

export type StockCorrectionResult =
  | { ok: true; before: number; after: number }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "below_reserved"; reserved: number };

/**
 * Sets a variant's stock at a store to the counted quantity, never below what unpaid orders hold
 * (`reserved`). Call it in a transaction: the row stays locked until it commits.
 */
export async function correctStock(tx: Executor, input: StockCorrectionInput): Promise<StockCorrectionResult> {
  const [row] = await tx
    .select({ quantity: stockLevels.quantity, reserved: stockLevels.reserved, sku: productVariants.sku, sellingMode: productVariants.sellingMode })
    .from(stockLevels)
    .innerJoin(productVariants, eq(productVariants.id, stockLevels.variantId))
    .where(and(eq(stockLevels.storeId, input.storeId), eq(stockLevels.variantId, input.variantId)))
    .for("update", { of: stockLevels });
  if (!row) return { ok: false, code: "not_found" };
  if (input.quantity < row.reserved) return { ok: false, code: "below_reserved", reserved: row.reserved };
  await tx
    .update(stockLevels)
    .set({ quantity: input.quantity, updatedAt: sql`now()` })
    .where(and(eq(stockLevels.storeId, input.storeId), eq(stockLevels.variantId, input.variantId)));
  const change = { variantId: input.variantId, quantityBefore: row.quantity, quantityAfter: input.quantity, reason: input.reason };
  await tx.insert(stockCorrections).values({ ...change, storeId: input.storeId, staffId: input.staffId });
  await recordStaffAction(tx, { staffId: input.staffId, action: "stock.correct", storeId: input.storeId, data: { ...change, sku: row.sku, sellingMode: row.sellingMode } });
  // Always: the storefront may show this variant's stock anywhere, and the job is one per store.
  await enqueueStorefrontRefresh(tx, input.storeId);
  return { ok: true, before: row.quantity, after: input.quantity };
}

/** How a variant is sold (items or by weight), or null for an unknown variant. */
export async function variantSellingMode(db: Executor, variantId: number): Promise<SellingMode | null> {
  const [row] = await db.select({ sellingMode: productVariants.sellingMode }).from(productVariants).where(eq(productVariants.id, variantId));
  return row?.sellingMode ?? null;
}
