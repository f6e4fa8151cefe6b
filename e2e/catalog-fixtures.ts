// Products of a test's own, written straight into the e2e database: a test that counts stock must
// own what it counts, never the demo catalog that other tests buy from at the same time.
import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { and, eq, isNull } from "drizzle-orm";
import { brands, categories, productVariants, products, stockLevels, stores } from "@/db/schema";
import { refreshToken } from "@/lib/storefront/refresh-token";
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

/** A category of the test's own (under the first aisle) holding one product at €1.99, in stock everywhere. */
export async function ownCategoryProduct(tag: string, text: { name?: string; description?: string; brand?: string } = {}) {
  const db = e2eDb();
  const suffix = randomBytes(4).toString("hex");
  const [aisle] = await db.select({ id: categories.id }).from(categories).where(isNull(categories.parentId)).limit(1);
  const [category] = await db
    .insert(categories)
    .values({ parentId: aisle.id, slug: `e2e-${tag}-${suffix}`, name: `Test shelf ${suffix}`, position: 999 })
    .returning({ id: categories.id, slug: categories.slug });
  const [brand] = text.brand ? await db.insert(brands).values({ slug: `e2e-brand-${suffix}`, name: text.brand }).returning({ id: brands.id }) : [undefined];
  const slug = `e2e-${tag}-${suffix}`;
  const name = text.name ?? `Test ${tag} ${suffix}`;
  const [product] = await db
    .insert(products)
    .values({ slug, name, description: text.description ?? "Made by an end-to-end test.", categoryId: category.id, brandId: brand?.id, vatRateBp: 550 })
    .returning({ id: products.id });
  const [variant] = await db
    .insert(productVariants)
    .values({ productId: product.id, sku: slug, sizeLabel: "1 piece", sellingMode: "unit", priceCents: 199, netQuantity: 1, unitPriceBasis: "piece", isDefault: true })
    .returning({ id: productVariants.id });
  const allStores = await db.select({ id: stores.id }).from(stores);
  await db.insert(stockLevels).values(allStores.map((s) => ({ storeId: s.id, variantId: variant.id, quantity: 50 })));
  await expireCatalogCache();
  return { productId: product.id, variantId: variant.id, slug, name, sku: slug, categorySlug: category.slug };
}

/**
 * Written straight into the database, the new category is unknown to the cached category tree:
 * expire the catalog's cache as the workers do after a change they make (lib/jobs/tasks.ts).
 */
async function expireCatalogCache() {
  const response = await fetch(new URL("/api/internal/revalidate", process.env.BASE_URL ?? "http://127.0.0.1:3100"), {
    method: "POST",
    headers: { authorization: `Bearer ${refreshToken(process.env.AUTH_SECRET ?? "")}`, "content-type": "application/json" },
    body: JSON.stringify({ tags: ["catalog"] }),
  });
  if (response.status !== 200) throw new Error(`the storefront refresh answered ${response.status}`);
}

export type OwnCategoryProduct = Awaited<ReturnType<typeof ownCategoryProduct>>;
type PriceOn = (page: Page) => ReturnType<Page["getByTestId"]>;

/** The price on a product page. */
export const productPrice: PriceOn = (page) => page.getByTestId("price").first();

/** The price on the product's card in a listing. */
export const cardPrice =
  (product: OwnCategoryProduct): PriceOn =>
  (page) =>
    page.getByTestId("product-card").filter({ hasText: product.name }).getByTestId("price");

/** `page` has the product and category pages cached with the product's first price (€1.99). */
export async function cacheFirstPrice(page: Page, product: OwnCategoryProduct) {
  await expect(async () => {
    await page.goto(`/p/${product.slug}`);
    await expect(productPrice(page)).toHaveText("€1.99", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.goto(`/c/${product.categorySlug}`);
  await expect(cardPrice(product)(page)).toHaveText("€1.99");
}

/**
 * Reloads `url` on `page` until `check` passes: what a visitor sees once a change is saved. Cached
 * catalog pages are regenerated a minute after they were made at the soonest (lib/catalog/data.ts),
 * and the tests cache them just before the change: the change can only show before this deadline
 * because the save expired the pages' tags. On a quiet machine that is the first reload (the
 * issues ask for 5 s); the deadline leaves room for reloads that take seconds on a busy one.
 */
export async function expectOnReload(page: Page, url: string, check: () => Promise<void>) {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout: 20_000, intervals: [200, 400, 800] });
}

/** The price a visitor of `page` reloading `url` sees once a change is saved (`expectOnReload`). */
export const expectPriceOnReload = (page: Page, url: string, price: PriceOn, text: string) =>
  expectOnReload(page, url, () => expect(price(page)).toHaveText(text, { timeout: 500 }));
