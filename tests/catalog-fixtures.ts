// Products of a test's own for integration tests: a test that changes prices must own what it
// prices, never the demo catalog that other tests read.
import { randomBytes } from "node:crypto";
import { isNull } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { categories, productVariants, products } from "@/db/schema";

export type TestProduct = { productId: number; variantId: number; slug: string; name: string; categoryId: number; priceCents: number };

/** A product sold by the unit at `priceCents` (default €1.99), in a top aisle unless `categoryId` is given. */
export async function createTestProduct(db: Executor, tag: string, options: { priceCents?: number; categoryId?: number } = {}): Promise<TestProduct> {
  const suffix = randomBytes(4).toString("hex");
  const slug = `it-${tag}-${suffix}`;
  const name = `Test ${tag} ${suffix}`;
  const priceCents = options.priceCents ?? 199;
  const categoryId = options.categoryId ?? (await db.select({ id: categories.id }).from(categories).where(isNull(categories.parentId)).limit(1))[0].id;
  const [product] = await db
    .insert(products)
    .values({ slug, name, description: "A product made by an integration test.", categoryId, vatRateBp: 550 })
    .returning({ id: products.id });
  const [variant] = await db
    .insert(productVariants)
    .values({ productId: product.id, sku: slug, sizeLabel: "1 piece", sellingMode: "unit", priceCents, netQuantity: 1, unitPriceBasis: "piece", isDefault: true })
    .returning({ id: productVariants.id });
  return { productId: product.id, variantId: variant.id, slug, name, categoryId, priceCents };
}
