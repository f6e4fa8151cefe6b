// The marketing back office's catalog writes on a real PostgreSQL: products and variants with
// their audit rows and cache tags, markup kept as text, store prices, and the category tree.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { brands, categories, productVariants, products, staffActions, storePrices } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { ean13CheckDigit } from "@/db/seed/codes";
import { createStaff } from "@/tests/backoffice-fixtures";
import { createTestProduct } from "@/tests/catalog-fixtures";
import { connect, storeBySlug } from "@/tests/checkout-fixtures";
import {
  createCategory,
  createProduct,
  getAdminProduct,
  listAdminProducts,
  moveCategory,
  reorderCategory,
  saveVariant,
  setProductActive,
  setStorePrice,
  updateProduct,
  type ProductInput,
  type VariantInput,
} from "./catalog-admin";
import { getProductDetail } from "./products";

let db: Database;
let close: () => Promise<void>;
let marketer: SessionUser;
let aisleId: number;

beforeAll(async () => {
  ({ db, close } = connect(4));
  marketer = await createStaff(db, "marketing");
  const [aisle] = await db.insert(categories).values({ slug: `it-aisle-${Date.now()}`, name: "Test aisle" }).returning({ id: categories.id });
  aisleId = aisle.id;
});

afterAll(() => close());

/** A valid EAN-13 no seeded product has (prefix 200, in-store use). */
const randomEan = () => {
  const body = `200${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  return body + ean13CheckDigit(body);
};
const tag = () => Math.random().toString(36).slice(2, 8);
const productInput = (over: Partial<ProductInput> = {}): ProductInput => ({
  name: `Jam ${tag()}`,
  description: "Strawberry.",
  brandId: null,
  newBrand: null,
  categoryId: aisleId,
  vatRateBp: 550,
  dietaryTags: ["vegan"],
  keywords: "confiture",
  ...over,
});
const variantInput = (over: Partial<VariantInput> = {}): VariantInput => ({
  sku: `IT-${tag()}`,
  ean: null,
  sizeLabel: "370 g",
  sellingMode: "unit",
  weightStepGrams: null,
  netQuantity: 370,
  unitPriceBasis: "kg",
  priceCents: 349,
  ...over,
});
const auditOf = async (action: string) => db.select().from(staffActions).where(and(eq(staffActions.staffId, marketer.id), eq(staffActions.action, action)));

describe("products and variants", () => {
  it("creates a product with its default variant, a new brand, keywords, an audit row and its tags", async () => {
    const brandName = `Maison ${tag()}`;
    const result = await db.transaction((tx) => createProduct(tx, marketer.id, productInput({ newBrand: brandName }), variantInput()));
    if (!result.ok) throw new Error(result.message);
    const found = await getAdminProduct(db, result.id);
    expect(found!.brand!.name).toBe(brandName);
    expect(found!.variants).toHaveLength(1);
    expect(found!.variants[0].isDefault).toBe(true);
    expect(found!.product.searchKeywords).toContain("confiture");
    expect(found!.product.searchKeywords).toContain("vegan");
    expect(result.tags).toEqual(expect.arrayContaining(["catalog", `product:${result.slug}`]));
    expect((await auditOf("catalog.product_create")).some((a) => a.data.productId === result.id)).toBe(true);
    // Same brand name again (other case): reused, not duplicated.
    const again = await db.transaction((tx) => createProduct(tx, marketer.id, productInput({ newBrand: brandName.toUpperCase() }), variantInput()));
    expect(again.ok).toBe(true);
    expect(await db.select().from(brands).where(eq(brands.name, brandName))).toHaveLength(1);
  });

  it("refuses a taken SKU or EAN beside its field, and an unknown category", async () => {
    const code = randomEan();
    const first = await db.transaction((tx) => createProduct(tx, marketer.id, productInput(), variantInput({ ean: code })));
    expect(first.ok).toBe(true);
    const [existing] = await db.select().from(productVariants).where(eq(productVariants.ean, code));
    const sku = await db.transaction((tx) => createProduct(tx, marketer.id, productInput(), variantInput({ sku: existing.sku })));
    expect(sku).toEqual({ ok: false, field: "sku", message: "Another variant already uses this SKU." });
    const ean = await db.transaction((tx) => createProduct(tx, marketer.id, productInput(), variantInput({ ean: code })));
    expect(ean).toEqual({ ok: false, field: "ean", message: "Another variant already uses this EAN." });
    const category = await db.transaction((tx) => createProduct(tx, marketer.id, productInput({ categoryId: 2_000_000_000 }), variantInput()));
    expect(category).toMatchObject({ ok: false, field: "categoryId" });
  });

  it("stores markup in names, descriptions and brands as plain text", async () => {
    const name = `<script>alert(1)</script> ${tag()}`;
    const description = `<img src=x onerror=alert(1)>`;
    const result = await db.transaction((tx) => createProduct(tx, marketer.id, productInput({ name, description, newBrand: `<b onmouseover=alert(1)>${tag()}</b>` }), variantInput()));
    if (!result.ok) throw new Error(result.message);
    const [row] = await db.select().from(products).where(eq(products.id, result.id));
    expect(row.name).toBe(name);
    expect(row.description).toBe(description);
    expect(result.slug).toMatch(/^script-alert-1-script-/);
  });

  it("updates, archives and unarchives; the storefront drops an archived product", async () => {
    const created = await db.transaction((tx) => createProduct(tx, marketer.id, productInput(), variantInput()));
    if (!created.ok) throw new Error(created.message);
    const [other] = await db.insert(categories).values({ slug: `it-other-${tag()}`, name: "Other shelf", parentId: aisleId }).returning();
    const updated = await db.transaction((tx) => updateProduct(tx, marketer.id, created.id, productInput({ name: "Renamed jam", categoryId: other.id })));
    if (!updated.ok) throw new Error(updated.message);
    expect(updated.renamed).toBe(true);
    expect(updated.tags).toEqual(expect.arrayContaining([`category:${other.slug}`, `product:${created.slug}`]));
    expect((await getProductDetail(db, created.slug, 1))!.product.name).toBe("Renamed jam");

    await db.transaction((tx) => setProductActive(tx, marketer.id, created.id, false));
    expect(await getProductDetail(db, created.slug, 1)).toBeNull();
    expect((await listAdminProducts(db, { archived: true, q: "Renamed jam" })).items.map((p) => p.id)).toContain(created.id);
    await db.transaction((tx) => setProductActive(tx, marketer.id, created.id, true));
    expect(await getProductDetail(db, created.slug, 1)).not.toBeNull();
    expect((await auditOf("catalog.product_archive")).length).toBeGreaterThan(0);
  });

  it("adds and changes variants", async () => {
    const product = await createTestProduct(db, "variants");
    const added = await db.transaction((tx) => saveVariant(tx, marketer.id, product.productId, null, variantInput({ sellingMode: "weight", weightStepGrams: 250, netQuantity: 5, unitPriceBasis: "piece" })));
    if (!added.ok) throw new Error(added.message);
    const [row] = await db.select().from(productVariants).where(eq(productVariants.id, added.variantId));
    // A weighed variant is priced per kg and has no net quantity, whatever was sent.
    expect(row).toMatchObject({ sellingMode: "weight", weightStepGrams: 250, netQuantity: null, unitPriceBasis: "kg", isDefault: false, position: 1 });
    const changed = await db.transaction((tx) => saveVariant(tx, marketer.id, product.productId, product.variantId, variantInput({ sku: product.slug, priceCents: 279 })));
    expect(changed.ok).toBe(true);
    expect((await getProductDetail(db, product.slug, 1))!.variants[0].priceCents).toBe(279);
    // Another product's variant is not found through this one.
    const other = await createTestProduct(db, "variants-other");
    expect(await db.transaction((tx) => saveVariant(tx, marketer.id, product.productId, other.variantId, variantInput()))).toMatchObject({ ok: false, field: null });
  });
});

describe("store prices", () => {
  it("sets and clears a store's price, with audit rows naming the store", async () => {
    const paris = await storeBySlug(db, "paris-bastille");
    const product = await createTestProduct(db, "store-set", { priceCents: 300 });
    const set = await db.transaction((tx) => setStorePrice(tx, marketer.id, { variantId: product.variantId, storeId: paris.id, priceCents: 250 }));
    expect(set.ok).toBe(true);
    // A price expires the product (its page and every listing showing its card) and its categories, not the whole catalog.
    const tags = set.ok ? set.tags : [];
    expect(tags).toContain(`product:${product.slug}`);
    expect(tags.some((tag) => tag.startsWith("category:"))).toBe(true);
    expect(tags).not.toContain("catalog");
    expect((await getProductDetail(db, product.slug, paris.id))!.variants[0].priceCents).toBe(250);
    await db.transaction((tx) => setStorePrice(tx, marketer.id, { variantId: product.variantId, storeId: paris.id, priceCents: 260 }));
    expect((await getAdminProduct(db, product.productId))!.storePrices).toMatchObject([{ storeId: paris.id, priceCents: 260 }]);
    await db.transaction((tx) => setStorePrice(tx, marketer.id, { variantId: product.variantId, storeId: paris.id, priceCents: null }));
    expect(await db.select().from(storePrices).where(eq(storePrices.variantId, product.variantId))).toEqual([]);
    expect((await getProductDetail(db, product.slug, paris.id))!.variants[0].priceCents).toBe(300);
    const audit = await auditOf("catalog.store_price_clear");
    expect(audit.at(-1)).toMatchObject({ storeId: paris.id });
    expect(await db.transaction((tx) => setStorePrice(tx, marketer.id, { variantId: product.variantId, storeId: 2_000_000_000, priceCents: 1 }))).toMatchObject({ ok: false, field: "storeId" });
  });
});

describe("the category tree", () => {
  it("adds, moves (refusing cycles) and reorders categories", async () => {
    const a = await db.transaction((tx) => createCategory(tx, marketer.id, { name: `A ${tag()}`, parentId: aisleId }));
    const b = await db.transaction((tx) => createCategory(tx, marketer.id, { name: `B ${tag()}`, parentId: aisleId }));
    if (!a.ok || !b.ok) throw new Error("not created");
    const child = await db.transaction((tx) => createCategory(tx, marketer.id, { name: `Child ${tag()}`, parentId: a.id }));
    if (!child.ok) throw new Error("not created");

    // Under itself, or under its own descendant: refused.
    expect(await db.transaction((tx) => moveCategory(tx, marketer.id, { id: a.id, parentId: a.id }))).toMatchObject({ ok: false, field: "parentId" });
    expect(await db.transaction((tx) => moveCategory(tx, marketer.id, { id: a.id, parentId: child.id }))).toMatchObject({ ok: false, field: "parentId" });
    // Elsewhere: fine.
    expect(await db.transaction((tx) => moveCategory(tx, marketer.id, { id: child.id, parentId: b.id }))).toMatchObject({ ok: true });
    const [moved] = await db.select().from(categories).where(eq(categories.id, child.id));
    expect(moved.parentId).toBe(b.id);

    const order = async () => (await db.select({ id: categories.id }).from(categories).where(eq(categories.parentId, aisleId)).orderBy(categories.position, categories.name, categories.id)).map((c) => c.id);
    const before = await order();
    expect(before.indexOf(b.id)).toBe(before.indexOf(a.id) + 1);
    await db.transaction((tx) => reorderCategory(tx, marketer.id, { id: b.id, direction: "up" }));
    const after = await order();
    expect(after.indexOf(b.id)).toBe(after.indexOf(a.id) - 1);
    // At the top already: nothing moves.
    await db.transaction((tx) => reorderCategory(tx, marketer.id, { id: after[0], direction: "up" }));
    expect(await order()).toEqual(after);
    expect((await auditOf("catalog.category_move")).length).toBeGreaterThan(0);
  });
});
