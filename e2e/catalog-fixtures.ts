// Products of a test's own, written straight into the e2e database: a test that counts stock must
// own what it counts, never the demo catalog that other tests buy from at the same time.
import { randomBytes } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { categories, productVariants, products, stockLevels, stores } from "@/db/schema";
import { e2eDb } from "./order-fixtures";

export type OwnProduct = { productId: number; variantId: number; slug: string; name: string; priceCents: number };

/**
 * A product in a top aisle, sold by the unit at €1.99, or `weighed` at €2.00 / kg in steps of
 * 250 g, with `stock` (items, or grams) at each store named (the default store, where a visitor
 * shops, is "lyon-part-dieu").
 */
export async function createOwnProduct(tag: string, stock: Record<string, number>, options: { weighed?: boolean } = {}): Promise<OwnProduct> {
  const db = e2eDb();
  const suffix = randomBytes(4).toString("hex");
  const slug = `e2e-${tag}-${suffix}`;
  const name = `Test ${tag} ${suffix}`;
  const [category] = await db.select({ id: categories.id }).from(categories).where(isNull(categories.parentId)).limit(1);
  const [product] = await db
    .insert(products)
    .values({ slug, name, description: "A product made by an end-to-end test.", categoryId: category.id, vatRateBp: 550 })
    .returning({ id: products.id });
  const [variant] = await db
    .insert(productVariants)
    .values(
      options.weighed
        ? { productId: product.id, sku: slug, sizeLabel: "per kg", sellingMode: "weight", priceCents: 200, unitPriceBasis: "kg", weightStepGrams: 250, isDefault: true }
        : { productId: product.id, sku: slug, sizeLabel: "1 piece", sellingMode: "unit", priceCents: 199, netQuantity: 1, unitPriceBasis: "piece", isDefault: true },
    )
    .returning({ id: productVariants.id });
  for (const [storeSlug, quantity] of Object.entries(stock)) {
    const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, storeSlug));
    await db.insert(stockLevels).values({ storeId: store.id, variantId: variant.id, quantity, reserved: 0 });
  }
  return { productId: product.id, variantId: variant.id, slug, name, priceCents: options.weighed ? 200 : 199 };
}

/** What a store can still sell of a variant (items, or grams). */
export async function availableAt(storeSlug: string, variantId: number): Promise<number> {
  const [row] = await e2eDb()
    .select({ quantity: stockLevels.quantity, reserved: stockLevels.reserved })
    .from(stockLevels)
    .innerJoin(stores, eq(stores.id, stockLevels.storeId))
    .where(and(eq(stores.slug, storeSlug), eq(stockLevels.variantId, variantId)));
  return row.quantity - row.reserved;
}
