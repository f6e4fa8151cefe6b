// The marketing back office's catalog writes and reads: products and their variants, brands,
// per-store prices and the category tree. Each write takes the transaction it runs in, records
// a staff_actions row there, and returns the storefront cache tags it makes stale.
import { and, asc, count, eq, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import {
  brands,
  categories,
  productVariants,
  products,
  storePrices,
  stores,
  type DietaryTag,
  type Product,
  type ProductVariant,
  type SellingMode,
  type UnitPriceBasis,
} from "../schema";
import { TAGS } from "@/lib/cache-tags";
import { searchKeywords } from "@/lib/catalog/keywords";
import { recordStaffAction } from "./staff-actions";

export const ADMIN_PAGE_SIZE = 25;

export type ProductInput = {
  name: string;
  description: string;
  /** An existing brand, or a new one by name (`newBrand` wins), or none. */
  brandId: number | null;
  newBrand: string | null;
  categoryId: number;
  vatRateBp: number;
  dietaryTags: DietaryTag[];
  /** Extra words that find the product (synonyms); brand, category and diet words are added. */
  keywords: string;
};

export type VariantInput = {
  sku: string;
  ean: string | null;
  sizeLabel: string;
  sellingMode: SellingMode;
  /** Weighed items only. */
  weightStepGrams: number | null;
  /** Unit items only: g, ml or pieces. */
  netQuantity: number | null;
  unitPriceBasis: UnitPriceBasis;
  /** The national price: per item, or per kg. */
  priceCents: number;
};

/** A refusal tied to one form field (a taken SKU, an unknown category). */
export type FieldRefusal = { ok: false; field: string; message: string };
export type Saved<T> = ({ ok: true } & T) | FieldRefusal | { ok: false; field: null; message: "not_found" };

const refuse = (field: string, message: string): FieldRefusal => ({ ok: false, field, message });
const NOT_FOUND = { ok: false, field: null, message: "not_found" } as const;

// ---------------------------------------------------------------- reads

export type AdminProductRow = {
  id: number;
  slug: string;
  name: string;
  active: boolean;
  brand: string | null;
  category: string;
  variants: number;
  priceCents: number | null;
  sellingMode: SellingMode | null;
};

export type AdminProductFilter = { q?: string; categoryId?: number; archived?: boolean; page?: number; pageSize?: number };

/** A category and every category under it, as a subquery of ids. */
const subtreeIds = (categoryId: number) => sql`(
  with recursive sub(id) as (select ${categoryId}::int union all select c.id from categories c join sub on c.parent_id = sub.id)
  select id from sub)`;

/** Products for the back office's list: by name, SKU or EAN; in a category (and those under it); active or archived. */
export async function listAdminProducts(db: Executor, filter: AdminProductFilter): Promise<{ items: AdminProductRow[]; total: number; page: number; pageCount: number }> {
  const pageSize = filter.pageSize ?? ADMIN_PAGE_SIZE;
  const page = Math.max(1, filter.page ?? 1);
  const where: SQL[] = [eq(products.active, !filter.archived)];
  const q = filter.q?.trim().slice(0, 100);
  if (q) {
    const like = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(or(ilike(products.name, like), sql`exists (select 1 from product_variants sv where sv.product_id = ${products.id} and (sv.sku = ${q} or sv.ean = ${q}))`)!);
  }
  if (filter.categoryId !== undefined) where.push(sql`${products.categoryId} in ${subtreeIds(filter.categoryId)}`);
  const condition = and(...where);
  const [items, [{ total }]] = await Promise.all([
    db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        active: products.active,
        brand: brands.name,
        category: categories.name,
        variants: sql<number>`(select count(*)::int from product_variants cv where cv.product_id = ${products.id})`,
        priceCents: productVariants.priceCents,
        sellingMode: productVariants.sellingMode,
      })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .leftJoin(brands, eq(brands.id, products.brandId))
      .leftJoin(productVariants, and(eq(productVariants.productId, products.id), eq(productVariants.isDefault, true)))
      .where(condition)
      .orderBy(asc(products.name), asc(products.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(products).where(condition),
  ]);
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export type StorePriceRow = { storeId: number; storeName: string; storeSlug: string; variantId: number; priceCents: number };
export type PendingPriceChange = {
  id: number;
  productId: number;
  productName: string;
  variantId: number;
  sku: string;
  storeId: number | null;
  storeName: string | null;
  priceCents: number;
  effectiveAt: Date;
};

export type AdminProduct = {
  product: Product;
  brand: { id: number; name: string } | null;
  variants: ProductVariant[];
  storePrices: StorePriceRow[];
  pendingChanges: PendingPriceChange[];
};

/** A product with everything its edit page shows; null when unknown. */
export async function getAdminProduct(db: Executor, id: number): Promise<AdminProduct | null> {
  const [found] = await db
    .select({ product: products, brand: { id: brands.id, name: brands.name } })
    .from(products)
    .leftJoin(brands, eq(brands.id, products.brandId))
    .where(eq(products.id, id));
  if (!found) return null;
  const variantIds = db.select({ id: productVariants.id }).from(productVariants).where(eq(productVariants.productId, id));
  const [variants, prices, pendingChanges] = await Promise.all([
    db.select().from(productVariants).where(eq(productVariants.productId, id)).orderBy(asc(productVariants.position), asc(productVariants.id)),
    db
      .select({ storeId: stores.id, storeName: stores.name, storeSlug: stores.slug, variantId: storePrices.variantId, priceCents: storePrices.priceCents })
      .from(storePrices)
      .innerJoin(stores, eq(stores.id, storePrices.storeId))
      .where(inArray(storePrices.variantId, variantIds))
      .orderBy(asc(stores.name)),
    listPendingPriceChanges(db, { productId: id }),
  ]);
  return { product: found.product, brand: found.brand?.id ? found.brand : null, variants, storePrices: prices, pendingChanges };
}

/** Price changes not applied nor cancelled yet, soonest first: of one product, or all. */
export async function listPendingPriceChanges(db: Executor, filter: { productId?: number } = {}): Promise<PendingPriceChange[]> {
  const rows = await db.execute<PendingPriceChange & { effectiveAt: string }>(sql`
    select pc.id, v.product_id as "productId", p.name as "productName", pc.variant_id as "variantId", v.sku, pc.store_id as "storeId", s.name as "storeName",
      pc.price_cents as "priceCents", pc.effective_at as "effectiveAt"
    from price_changes pc
    join product_variants v on v.id = pc.variant_id
    join products p on p.id = v.product_id
    left join stores s on s.id = pc.store_id
    where pc.applied_at is null and pc.cancelled_at is null
      ${filter.productId !== undefined ? sql`and v.product_id = ${filter.productId}` : sql``}
    order by pc.effective_at, pc.id
    limit 200`);
  return rows.map((r) => ({ ...r, effectiveAt: new Date(r.effectiveAt) }));
}

export async function listBrands(db: Executor) {
  return db.select({ id: brands.id, name: brands.name }).from(brands).orderBy(asc(brands.name));
}

// ---------------------------------------------------------------- cache tags

/**
 * What a change to these products makes stale on the storefront: each product's tag (its page,
 * and every cached listing, carousel and related-products row showing its card: they tag the
 * products they list) and the listings of its category and every category above it (their price
 * filters and sorts). `everywhere` adds the whole catalog, for changes that can bring the product
 * into listings that do not show it yet: a new or archived product, a new name, category or diet.
 */
export async function productTags(db: Executor, productIds: number[], options: { everywhere?: boolean } = {}): Promise<string[]> {
  if (productIds.length === 0) return [TAGS.catalog];
  const rows = await db.execute<{ tag: string }>(sql`
    with recursive up(id, parent_id, slug) as (
      select c.id, c.parent_id, c.slug from categories c where c.id in (select category_id from products where id in ${productIds})
      union
      select c.id, c.parent_id, c.slug from categories c join up on c.id = up.parent_id
    )
    select 'product:' || slug as tag from products where id in ${productIds}
    union select 'category:' || slug from up`);
  return [...(options.everywhere ? [TAGS.catalog] : []), ...rows.map((r) => r.tag)];
}

// ---------------------------------------------------------------- products

/** "Crème fraîche 30 %" → "creme-fraiche-30". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "item";
}

/** `base`, or `base-2`, `base-3`… whichever is free in `table`'s slug column. */
async function freeSlug(db: Executor, table: "products" | "brands" | "categories", base: string): Promise<string> {
  const rows = await db.execute<{ slug: string }>(sql`select slug from ${sql.identifier(table)} where slug = ${base} or slug like ${`${base}-%`}`);
  const taken = new Set(rows.map((r) => r.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The brand the form chose: a new one by name (reused when it exists), an existing one, or none. */
export async function resolveBrand(tx: Executor, input: Pick<ProductInput, "brandId" | "newBrand">): Promise<{ id: number; name: string } | null | FieldRefusal> {
  if (input.newBrand) {
    const [existing] = await tx.select({ id: brands.id, name: brands.name }).from(brands).where(sql`lower(${brands.name}) = lower(${input.newBrand})`);
    if (existing) return existing;
    const slug = await freeSlug(tx, "brands", slugify(input.newBrand));
    const [created] = await tx.insert(brands).values({ slug, name: input.newBrand }).returning({ id: brands.id, name: brands.name });
    return created;
  }
  if (input.brandId === null) return null;
  const [brand] = await tx.select({ id: brands.id, name: brands.name }).from(brands).where(eq(brands.id, input.brandId));
  return brand ?? refuse("brandId", "Choose a brand from the list.");
}

async function categoryName(tx: Executor, id: number): Promise<string | null> {
  const [row] = await tx.select({ name: categories.name }).from(categories).where(eq(categories.id, id));
  return row?.name ?? null;
}

/** The product's columns from the form: brand resolved, keywords completed. */
async function productValues(tx: Executor, input: ProductInput) {
  const brand = await resolveBrand(tx, input);
  if (brand && "ok" in brand) return brand;
  const category = await categoryName(tx, input.categoryId);
  if (category === null) return refuse("categoryId", "Choose a category from the list.");
  return {
    name: input.name,
    description: input.description,
    brandId: brand?.id ?? null,
    categoryId: input.categoryId,
    vatRateBp: input.vatRateBp,
    dietaryTags: input.dietaryTags,
    searchKeywords: searchKeywords({ brand: brand?.name, categoryName: category, keywords: input.keywords, tags: input.dietaryTags }),
  };
}

/** A SKU or EAN already used by another variant: the field to blame, or null. */
async function codeTaken(tx: Executor, variant: Pick<VariantInput, "sku" | "ean">, exceptVariantId: number | null): Promise<FieldRefusal | null> {
  const others = exceptVariantId === null ? sql`true` : sql`${productVariants.id} <> ${exceptVariantId}`;
  const [sku] = await tx.select({ id: productVariants.id }).from(productVariants).where(and(eq(productVariants.sku, variant.sku), others));
  if (sku) return refuse("sku", "Another variant already uses this SKU.");
  if (variant.ean) {
    const [ean] = await tx.select({ id: productVariants.id }).from(productVariants).where(and(eq(productVariants.ean, variant.ean), others));
    if (ean) return refuse("ean", "Another variant already uses this EAN.");
  }
  return null;
}

const variantColumns = (v: VariantInput) => ({
  sku: v.sku,
  ean: v.ean,
  sizeLabel: v.sizeLabel,
  sellingMode: v.sellingMode,
  weightStepGrams: v.sellingMode === "weight" ? v.weightStepGrams : null,
  netQuantity: v.sellingMode === "weight" ? null : v.netQuantity,
  unitPriceBasis: v.sellingMode === "weight" ? ("kg" as const) : v.unitPriceBasis,
  priceCents: v.priceCents,
});

/** A new product with its first (default) variant. */
export async function createProduct(tx: Executor, staffId: string, input: ProductInput, variant: VariantInput): Promise<Saved<{ id: number; slug: string; tags: string[] }>> {
  const values = await productValues(tx, input);
  if ("ok" in values) return values;
  const taken = await codeTaken(tx, variant, null);
  if (taken) return taken;
  const slug = await freeSlug(tx, "products", slugify(input.name));
  const [product] = await tx.insert(products).values({ ...values, slug }).returning({ id: products.id });
  const [created] = await tx
    .insert(productVariants)
    .values({ ...variantColumns(variant), productId: product.id, isDefault: true, position: 0 })
    .returning({ id: productVariants.id });
  await recordStaffAction(tx, { staffId, action: "catalog.product_create", data: { productId: product.id, slug, name: input.name, variantId: created.id, priceCents: variant.priceCents } });
  return { ok: true, id: product.id, slug, tags: await productTags(tx, [product.id], { everywhere: true }) };
}

/** Changes a product's own fields (the slug stays: links to it keep working). */
export async function updateProduct(tx: Executor, staffId: string, id: number, input: ProductInput): Promise<Saved<{ slug: string; tags: string[]; renamed: boolean }>> {
  const [before] = await tx.select().from(products).where(eq(products.id, id)).for("update");
  if (!before) return NOT_FOUND;
  const values = await productValues(tx, input);
  if ("ok" in values) return values;
  // Tags of the old category as well as the new one: the product leaves the old listing.
  const oldTags = await productTags(tx, [id], { everywhere: true });
  await tx.update(products).set(values).where(eq(products.id, id));
  const changed = Object.keys(values).filter((k) => JSON.stringify(before[k as keyof Product]) !== JSON.stringify(values[k as keyof typeof values]));
  await recordStaffAction(tx, { staffId, action: "catalog.product_update", data: { productId: id, slug: before.slug, changed } });
  const tags = [...new Set([...oldTags, ...(await productTags(tx, [id]))])];
  return { ok: true, slug: before.slug, tags, renamed: before.name !== values.name || before.searchKeywords !== values.searchKeywords };
}

/** Archives a product (gone from the storefront, baskets refuse it) or puts it back. */
export async function setProductActive(tx: Executor, staffId: string, id: number, active: boolean): Promise<Saved<{ slug: string; tags: string[] }>> {
  const [row] = await tx.update(products).set({ active }).where(eq(products.id, id)).returning({ slug: products.slug });
  if (!row) return NOT_FOUND;
  await recordStaffAction(tx, { staffId, action: active ? "catalog.product_unarchive" : "catalog.product_archive", data: { productId: id, slug: row.slug } });
  return { ok: true, slug: row.slug, tags: await productTags(tx, [id], { everywhere: true }) };
}

/** Adds a variant to a product (variantId null) or changes one of its variants. */
export async function saveVariant(
  tx: Executor,
  staffId: string,
  productId: number,
  variantId: number | null,
  input: VariantInput,
): Promise<Saved<{ variantId: number; tags: string[] }>> {
  const [product] = await tx.select({ id: products.id }).from(products).where(eq(products.id, productId)).for("update");
  if (!product) return NOT_FOUND;
  const taken = await codeTaken(tx, input, variantId);
  if (taken) return taken;
  let id: number;
  if (variantId === null) {
    const [{ n }] = await tx.select({ n: count() }).from(productVariants).where(eq(productVariants.productId, productId));
    const [created] = await tx
      .insert(productVariants)
      .values({ ...variantColumns(input), productId, isDefault: n === 0, position: n })
      .returning({ id: productVariants.id });
    id = created.id;
  } else {
    const [updated] = await tx
      .update(productVariants)
      .set(variantColumns(input))
      .where(and(eq(productVariants.id, variantId), eq(productVariants.productId, productId)))
      .returning({ id: productVariants.id });
    if (!updated) return NOT_FOUND;
    id = updated.id;
  }
  await recordStaffAction(tx, {
    staffId,
    action: variantId === null ? "catalog.variant_create" : "catalog.variant_update",
    data: { productId, variantId: id, sku: input.sku, priceCents: input.priceCents },
  });
  return { ok: true, variantId: id, tags: await productTags(tx, [productId]) };
}

/** The product a variant belongs to, or null. */
export async function variantProduct(db: Executor, variantId: number): Promise<{ productId: number; sku: string } | null> {
  const [row] = await db.select({ productId: productVariants.productId, sku: productVariants.sku }).from(productVariants).where(eq(productVariants.id, variantId));
  return row ?? null;
}

// ---------------------------------------------------------------- store prices

/** Sets a store's own price for a variant, or clears it (`priceCents` null: the national price applies). */
export async function setStorePrice(
  tx: Executor,
  staffId: string,
  input: { variantId: number; storeId: number; priceCents: number | null },
): Promise<Saved<{ tags: string[]; productId: number }>> {
  const variant = await variantProduct(tx, input.variantId);
  if (!variant) return NOT_FOUND;
  const [store] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, input.storeId));
  if (!store) return refuse("storeId", "Choose a store from the list.");
  if (input.priceCents === null) {
    await tx.delete(storePrices).where(and(eq(storePrices.storeId, input.storeId), eq(storePrices.variantId, input.variantId)));
  } else {
    await tx
      .insert(storePrices)
      .values({ storeId: input.storeId, variantId: input.variantId, priceCents: input.priceCents })
      .onConflictDoUpdate({ target: [storePrices.storeId, storePrices.variantId], set: { priceCents: input.priceCents, updatedAt: sql`now()` } });
  }
  await recordStaffAction(tx, {
    staffId,
    action: input.priceCents === null ? "catalog.store_price_clear" : "catalog.store_price_set",
    storeId: input.storeId,
    data: { productId: variant.productId, variantId: input.variantId, sku: variant.sku, priceCents: input.priceCents },
  });
  return { ok: true, productId: variant.productId, tags: await productTags(tx, [variant.productId]) };
}

// ---------------------------------------------------------------- categories

export type CategoryRow = { id: number; parentId: number | null; slug: string; name: string; position: number };

export async function listCategoryRows(db: Executor): Promise<CategoryRow[]> {
  return db
    .select({ id: categories.id, parentId: categories.parentId, slug: categories.slug, name: categories.name, position: categories.position })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name), asc(categories.id));
}

/** Categories depth-first with their depth, for pickers and the tree page. */
export function flattenTree(rows: CategoryRow[]): (CategoryRow & { depth: number; path: string })[] {
  const children = new Map<number | null, CategoryRow[]>();
  for (const row of rows) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row]);
  const out: (CategoryRow & { depth: number; path: string })[] = [];
  const walk = (parentId: number | null, depth: number, path: string) => {
    for (const row of children.get(parentId) ?? []) {
      const here = path ? `${path} › ${row.name}` : row.name;
      out.push({ ...row, depth, path: here });
      walk(row.id, depth + 1, here);
    }
  };
  walk(null, 0, "");
  return out;
}

/** Tags of a category and every category above it (their listings include it). */
async function categoryTags(db: Executor, categoryId: number): Promise<string[]> {
  const rows = await db.execute<{ slug: string }>(sql`
    with recursive up(id, parent_id, slug) as (
      select id, parent_id, slug from categories where id = ${categoryId}
      union select c.id, c.parent_id, c.slug from categories c join up on c.id = up.parent_id)
    select slug from up`);
  return [TAGS.catalog, ...rows.map((r) => TAGS.category(r.slug))];
}

/** The last position among a parent's children, plus one. */
async function nextPosition(tx: Executor, parentId: number | null): Promise<number> {
  const [row] = await tx
    .select({ max: sql<number | null>`max(${categories.position})` })
    .from(categories)
    .where(parentId === null ? isNull(categories.parentId) : eq(categories.parentId, parentId));
  return (row?.max ?? -1) + 1;
}

export async function createCategory(tx: Executor, staffId: string, input: { name: string; parentId: number | null }): Promise<Saved<{ id: number; tags: string[] }>> {
  if (input.parentId !== null) {
    const [parent] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.parentId));
    if (!parent) return refuse("parentId", "Choose a parent from the list.");
  }
  const slug = await freeSlug(tx, "categories", slugify(input.name));
  const [row] = await tx
    .insert(categories)
    .values({ name: input.name, slug, parentId: input.parentId, position: await nextPosition(tx, input.parentId) })
    .returning({ id: categories.id });
  await recordStaffAction(tx, { staffId, action: "catalog.category_create", data: { categoryId: row.id, slug, name: input.name, parentId: input.parentId } });
  return { ok: true, id: row.id, tags: await categoryTags(tx, row.id) };
}

export async function renameCategory(tx: Executor, staffId: string, input: { id: number; name: string }): Promise<Saved<{ tags: string[] }>> {
  const [row] = await tx.update(categories).set({ name: input.name }).where(eq(categories.id, input.id)).returning({ slug: categories.slug });
  if (!row) return NOT_FOUND;
  await recordStaffAction(tx, { staffId, action: "catalog.category_rename", data: { categoryId: input.id, slug: row.slug, name: input.name } });
  return { ok: true, tags: await categoryTags(tx, input.id) };
}

/**
 * Moves a category under another (or to the top, `parentId` null), last among its new siblings.
 * Refuses a move under itself or one of its own descendants. The tree is locked for the check.
 */
export async function moveCategory(tx: Executor, staffId: string, input: { id: number; parentId: number | null }): Promise<Saved<{ tags: string[] }>> {
  await tx.execute(sql`lock table categories in share row exclusive mode`);
  const [row] = await tx.select({ id: categories.id, parentId: categories.parentId }).from(categories).where(eq(categories.id, input.id));
  if (!row) return NOT_FOUND;
  if (input.parentId !== null) {
    const [cycle] = await tx.execute<{ found: boolean }>(sql`select ${input.parentId}::int in ${subtreeIds(input.id)} as found`);
    if (cycle?.found) return refuse("parentId", "A category cannot move under itself or one of its own subcategories.");
    const [parent] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.parentId));
    if (!parent) return refuse("parentId", "Choose a parent from the list.");
  }
  const before = await categoryTags(tx, input.id);
  if (row.parentId !== input.parentId) {
    await tx.update(categories).set({ parentId: input.parentId, position: await nextPosition(tx, input.parentId) }).where(eq(categories.id, input.id));
  }
  await recordStaffAction(tx, { staffId, action: "catalog.category_move", data: { categoryId: input.id, from: row.parentId, to: input.parentId } });
  return { ok: true, tags: [...new Set([...before, ...(await categoryTags(tx, input.id))])] };
}

/** Swaps a category with its previous (`up`) or next sibling; positions are renumbered 0…n first. */
export async function reorderCategory(tx: Executor, staffId: string, input: { id: number; direction: "up" | "down" }): Promise<Saved<{ tags: string[] }>> {
  const [row] = await tx.select({ parentId: categories.parentId }).from(categories).where(eq(categories.id, input.id)).for("update");
  if (!row) return NOT_FOUND;
  const siblings = await tx
    .select({ id: categories.id })
    .from(categories)
    .where(row.parentId === null ? isNull(categories.parentId) : eq(categories.parentId, row.parentId))
    .orderBy(asc(categories.position), asc(categories.name), asc(categories.id))
    .for("update");
  const ids = siblings.map((s) => s.id);
  const at = ids.indexOf(input.id);
  const to = input.direction === "up" ? at - 1 : at + 1;
  if (to >= 0 && to < ids.length) [ids[at], ids[to]] = [ids[to], ids[at]];
  await tx.execute(sql`
    update categories c set position = o.n - 1
    from unnest(${sql.raw(`array[${ids.join(",")}]::int[]`)}) with ordinality as o(id, n)
    where c.id = o.id and c.position <> o.n - 1`);
  await recordStaffAction(tx, { staffId, action: "catalog.category_reorder", data: { categoryId: input.id, direction: input.direction } });
  return { ok: true, tags: row.parentId === null ? [TAGS.catalog] : await categoryTags(tx, row.parentId) };
}
