// Product listings (category, search, API) and product detail, scoped to the shopper's store.
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import {
  brands,
  productImages,
  productVariants,
  products,
  stockLevels,
  type DietaryTag,
  type Product,
  type SellingMode,
  type UnitPriceBasis,
} from "../schema";
import { PAGE_SIZE, type ListingParams, type Sort } from "@/lib/catalog/listing-params";
import { unitPriceSql } from "@/lib/catalog/pricing";
import { buildTsQuery, corrections, searchWords, type WordMatch } from "@/lib/catalog/search-words";

export type ProductCard = {
  id: number;
  slug: string;
  name: string;
  brand: string | null;
  imageUrl: string | null;
  imageAlt: string | null;
  sizeLabel: string;
  sellingMode: SellingMode;
  priceCents: number;
  netQuantity: number | null;
  unitPriceBasis: UnitPriceBasis;
  weightStepGrams: number | null;
  dietaryTags: DietaryTag[];
  inStock: boolean;
};

export type Facets = {
  brands: { slug: string; name: string; count: number }[];
  diets: { tag: DietaryTag; count: number }[];
  price: { minCents: number | null; maxCents: number | null };
};

export type Listing = {
  items: ProductCard[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
  facets: Facets;
  corrections: { from: string; to: string }[];
};

export type ListingQuery = { storeId: number; categoryIds?: number[]; params: ListingParams; pageSize?: number };

const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

/** Looks each search word up in the catalog lexicon and returns its nearest catalog words. */
export async function matchSearchWords(db: Executor, words: string[]): Promise<WordMatch[]> {
  if (words.length === 0) return [];
  const rows = await db.execute<{ input: string; near: string[] }>(sql`
    select t.input, array(
      select s.word from search_terms s
      where s.word % t.input
      order by s.word <-> t.input, s.documents desc
      limit 3
    ) as near
    from unnest(${textArray(words)}) with ordinality as t(input, n)
    order by t.n`);
  return rows.map((r) => ({ input: r.input, near: r.near }));
}

const orderBy: Record<Sort, string> = {
  relevance: `rank desc, "name" asc`,
  featured: `featured desc, "name" asc`,
  "price-asc": `"priceCents" asc, "name" asc`,
  "price-desc": `"priceCents" desc, "name" asc`,
  "unit-price-asc": `"unitPriceCents" asc nulls last, "name" asc`,
  "name-asc": `"name" asc`,
};

/** The columns of a product card; `p`, `v`, `b`, `s` are products, default variant, brand, stock. */
const cardColumns = sql.raw(`
  p.id, p.slug, p.name, p.featured, p.dietary_tags as "dietaryTags",
  b.name as brand, b.slug as "brandSlug",
  v.size_label as "sizeLabel", v.selling_mode as "sellingMode", v.price_cents as "priceCents",
  v.net_quantity as "netQuantity", v.unit_price_basis as "unitPriceBasis", v.weight_step_grams as "weightStepGrams",
  (${unitPriceSql}) as "unitPriceCents",
  coalesce(s.quantity - s.reserved, 0) >= coalesce(v.weight_step_grams, 1) as "inStock"`);

const cardJoins = (storeId: number) => sql`
  from products p
  join product_variants v on v.product_id = p.id and v.is_default
  left join brands b on b.id = p.brand_id
  left join stock_levels s on s.variant_id = v.id and s.store_id = ${storeId}`;

const firstImage = sql.raw(`
  (select i.url from product_images i where i.product_id = f.id order by i.position limit 1) as "imageUrl",
  (select i.alt from product_images i where i.product_id = f.id order by i.position limit 1) as "imageAlt"`);

type CardRow = ProductCard & { featured: boolean; brandSlug: string | null; unitPriceCents: number | null; rank?: number };

function toCard(row: CardRow): ProductCard {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brand: row.brand,
    imageUrl: row.imageUrl,
    imageAlt: row.imageAlt,
    sizeLabel: row.sizeLabel,
    sellingMode: row.sellingMode,
    priceCents: row.priceCents,
    netQuantity: row.netQuantity,
    unitPriceBasis: row.unitPriceBasis,
    weightStepGrams: row.weightStepGrams,
    dietaryTags: row.dietaryTags,
    inStock: row.inStock,
  };
}

async function runListing(db: Executor, query: ListingQuery, tsQuery: string | null): Promise<Omit<Listing, "corrections">> {
  const { storeId, categoryIds, params } = query;
  const pageSize = query.pageSize ?? PAGE_SIZE;
  const sort: Sort = params.sort ?? (tsQuery ? "relevance" : "featured");
  const tsq = tsQuery ? sql`to_tsquery('halles', ${tsQuery})` : null;

  const base: SQL[] = [sql`p.active`];
  if (categoryIds?.length) base.push(sql`p.category_id in ${categoryIds}`);
  if (tsq) base.push(sql`p.search_vector @@ ${tsq}`);

  const filters: SQL[] = [sql`true`];
  if (params.brands.length) filters.push(sql`"brandSlug" in ${params.brands}`);
  if (params.diets.length) filters.push(sql`"dietaryTags" @> ${textArray(params.diets)}::dietary_tag[]`);
  if (params.minCents !== null) filters.push(sql`"priceCents" >= ${params.minCents}`);
  if (params.maxCents !== null) filters.push(sql`"priceCents" <= ${params.maxCents}`);
  if (params.inStock) filters.push(sql`"inStock"`);

  const offset = (params.page - 1) * pageSize;
  const [row] = await db.execute<{ total: number; items: CardRow[] | null; brands: Facets["brands"] | null; diets: Facets["diets"] | null; price: Facets["price"] }>(sql`
    with base as (
      select ${cardColumns}, ${tsq ? sql`ts_rank_cd(p.search_vector, ${tsq}, 1)` : sql`0`} as rank
      ${cardJoins(storeId)}
      where ${sql.join(base, sql` and `)}
    ),
    filtered as (select * from base where ${sql.join(filters, sql` and `)})
    select
      (select count(*)::int from filtered) as total,
      (select json_agg(page) from (
        select f.*, ${firstImage} from filtered f
        order by ${sql.raw(orderBy[sort])}, f.id
        limit ${pageSize} offset ${offset}
      ) page) as items,
      (select json_agg(x) from (
        select "brandSlug" as slug, brand as name, count(*)::int as count from base
        where "brandSlug" is not null group by 1, 2 order by 3 desc, 2 limit 40
      ) x) as brands,
      (select json_agg(x) from (
        select tag, count(*)::int as count from base, unnest("dietaryTags") as tag group by 1 order by 1
      ) x) as diets,
      (select json_build_object('minCents', min("priceCents"), 'maxCents', max("priceCents")) from base) as price`);

  const total = row?.total ?? 0;
  return {
    items: (row?.items ?? []).map(toCard),
    total,
    page: params.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets: { brands: row?.brands ?? [], diets: row?.diets ?? [], price: row?.price ?? { minCents: null, maxCents: null } },
  };
}

/**
 * A page of products with facets. With a search, misspelt words are matched to the catalog's
 * nearest words; when requiring every word finds nothing, any word will do.
 */
export async function listProducts(db: Executor, query: ListingQuery): Promise<Listing> {
  const words = searchWords(query.params.q);
  if (words.length === 0) {
    if (query.params.q) return { ...emptyListing(query), corrections: [] };
    return { ...(await runListing(db, query, null)), corrections: [] };
  }
  const matches = await matchSearchWords(db, words);
  let listing = await runListing(db, query, buildTsQuery(matches, "&"));
  if (listing.total === 0 && words.length > 1) listing = await runListing(db, query, buildTsQuery(matches, "|"));
  return { ...listing, corrections: corrections(matches) };
}

function emptyListing(query: ListingQuery): Omit<Listing, "corrections"> {
  return {
    items: [],
    total: 0,
    page: 1,
    pageCount: 1,
    pageSize: query.pageSize ?? PAGE_SIZE,
    facets: { brands: [], diets: [], price: { minCents: null, maxCents: null } },
  };
}

/** Cards for a hand-picked set: featured products on the home page, related products. */
export async function listProductCards(
  db: Executor,
  options: { storeId: number; featured?: boolean; categoryId?: number; excludeId?: number; limit: number },
): Promise<ProductCard[]> {
  const where: SQL[] = [sql`p.active`];
  if (options.featured) where.push(sql`p.featured`);
  if (options.categoryId !== undefined) where.push(sql`p.category_id = ${options.categoryId}`);
  if (options.excludeId !== undefined) where.push(sql`p.id <> ${options.excludeId}`);
  const rows = await db.execute<CardRow>(sql`
    select f.*, ${firstImage} from (
      select ${cardColumns} ${cardJoins(options.storeId)}
      where ${sql.join(where, sql` and `)}
    ) f
    order by f."inStock" desc, f.featured desc, f.name
    limit ${options.limit}`);
  return rows.map(toCard);
}

export type ProductDetail = {
  product: Product;
  brand: { slug: string; name: string } | null;
  variants: (typeof productVariants.$inferSelect & { available: number; inStock: boolean })[];
  images: { url: string; alt: string }[];
};

/** A product with its variants, their stock at the store, and its images; null when unknown. */
export async function getProductDetail(db: Executor, slug: string, storeId: number): Promise<ProductDetail | null> {
  const [found] = await db
    .select({ product: products, brand: { slug: brands.slug, name: brands.name } })
    .from(products)
    .leftJoin(brands, eq(brands.id, products.brandId))
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1);
  if (!found) return null;
  const [variants, images] = await Promise.all([
    db
      .select({ variant: productVariants, quantity: stockLevels.quantity, reserved: stockLevels.reserved })
      .from(productVariants)
      .leftJoin(stockLevels, and(eq(stockLevels.variantId, productVariants.id), eq(stockLevels.storeId, storeId)))
      .where(eq(productVariants.productId, found.product.id))
      .orderBy(asc(productVariants.position)),
    db
      .select({ url: productImages.url, alt: productImages.alt })
      .from(productImages)
      .where(eq(productImages.productId, found.product.id))
      .orderBy(asc(productImages.position)),
  ]);
  return {
    product: found.product,
    brand: found.brand?.slug ? found.brand : null,
    variants: variants.map(({ variant, quantity, reserved }) => {
      const available = Math.max(0, (quantity ?? 0) - (reserved ?? 0));
      return { ...variant, available, inStock: available >= (variant.weightStepGrams ?? 1) };
    }),
    images,
  };
}

/** Refreshes the typo-correction lexicon after catalog writes. */
export async function refreshSearchTerms(db: Executor): Promise<void> {
  await db.execute(sql`refresh materialized view concurrently search_terms`);
}

/** What a generated product image shows: name, brand, size and its category's icon and colour. */
export async function getProductImageInput(db: Executor, slug: string) {
  const rows = await db.execute<{ name: string; brand: string | null; sizeLabel: string | null; icon: string; color: string }>(sql`
    select p.name, b.name as brand, v.size_label as "sizeLabel", c.icon, c.color
    from products p
    join categories c on c.id = p.category_id
    left join brands b on b.id = p.brand_id
    left join product_variants v on v.product_id = p.id and v.is_default
    where p.slug = ${slug}
    limit 1`);
  return rows[0] ?? null;
}
