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
import { effectivePriceSql, variantAlias } from "./prices";
import { buildTsQuery, corrections, searchWords, type WordMatch } from "@/lib/catalog/search-words";
import type { ShelfPromotion } from "@/lib/promotions/badges";
import { shelfPromotionsSql } from "./promotions";

/**
 * The SQL twin of `unitPriceCents` (lib/catalog/pricing.ts), for sorting: `price` is the variant's
 * price at the store (see effectivePriceSql); the other columns are those of a `product_variants` row `v`.
 */
function unitPriceSqlOf(price: SQL): SQL<number | null> {
  return sql<number | null>`case when v.selling_mode = 'weight' then ${price} when coalesce(v.net_quantity, 0) <= 0 then null when v.unit_price_basis = 'piece' then ${price} / v.net_quantity else ${price} * 1000 / v.net_quantity end`;
}

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
  /** The live automatic promotion that saves the most on it, for its badge; null when none. */
  promotion: ShelfPromotion | null;
};

export type Facets = {
  brands: { slug: string; name: string; count: number }[];
  diets: { tag: DietaryTag; count: number }[];
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

/** The brands offered as filters: the chosen ones, then those with most products. */
const MAX_BRAND_FACETS = 15;

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


/** The columns of a product card; `p`, `v`, `b`, `s`, `ep` are products, default variant, brand, stock, store price. */
const cardColumns = sql`
  p.id, p.slug, p.name, p.featured, p.dietary_tags as "dietaryTags",
  b.name as brand, b.slug as "brandSlug",
  v.size_label as "sizeLabel", v.selling_mode as "sellingMode", ep.price as "priceCents",
  v.net_quantity as "netQuantity", v.unit_price_basis as "unitPriceBasis", v.weight_step_grams as "weightStepGrams",
  ${unitPriceSqlOf(sql`ep.price`)} as "unitPriceCents",
  coalesce(s.quantity - s.reserved, 0) >= coalesce(v.weight_step_grams, 1) as "inStock",
  ${shelfPromotionsSql({ id: sql`p.id`, categoryId: sql`p.category_id`, soldByUnit: sql`v.selling_mode = 'unit'` }, 1)} as promotions`;

/** The price of variant `v` at the store, as `ep.price`. */
const storePriceJoin = (storeId: number) => sql`cross join lateral (select ${effectivePriceSql(storeId, variantAlias("v"))} as price) ep`;

const cardJoins = (storeId: number) => sql`
  join product_variants v on v.product_id = p.id and v.is_default
  ${storePriceJoin(storeId)}
  left join brands b on b.id = p.brand_id
  left join stock_levels s on s.variant_id = v.id and s.store_id = ${storeId}`;

const firstImage = (alias: string) =>
  sql.raw(`
  (select coalesce(i.url, '/media/' || i.media_id) from product_images i where i.product_id = ${alias}.id order by i.position limit 1) as "imageUrl",
  (select i.alt from product_images i where i.product_id = ${alias}.id order by i.position limit 1) as "imageAlt"`);

type CardRow = Omit<ProductCard, "promotion"> & { featured: boolean; brandSlug: string | null; unitPriceCents: number | null; promotions: ShelfPromotion[] };

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
    promotion: row.promotions[0] ?? null,
  };
}

const orderBy: Record<Sort, string> = {
  relevance: "rank desc, name asc",
  featured: "featured desc, name asc",
  "price-asc": "price_cents asc, name asc",
  "price-desc": "price_cents desc, name asc",
  "unit-price-asc": "unit_price_cents asc nulls last, name asc",
  "name-asc": "name asc",
};
const priceSorts = new Set<Sort>(["price-asc", "price-desc", "unit-price-asc"]);

/**
 * One round trip: the matching products (only the columns that filtering, sorting and facets
 * need, so that broad searches stay cheap), their count and facets, and full cards for one page.
 */
async function runListing(db: Executor, query: ListingQuery, tsQuery: string | null): Promise<Omit<Listing, "corrections">> {
  const { storeId, categoryIds, params } = query;
  const pageSize = query.pageSize ?? PAGE_SIZE;
  const sort: Sort = params.sort ?? (tsQuery ? "relevance" : "featured");
  const tsq = tsQuery ? sql`to_tsquery('halles', ${tsQuery})` : null;
  const needsPrice = priceSorts.has(sort) || params.minCents !== null || params.maxCents !== null;

  const where: SQL[] = [sql`p.active`];
  if (categoryIds?.length) where.push(sql`p.category_id in ${categoryIds}`);
  if (tsq) where.push(sql`p.search_vector @@ ${tsq}`);
  if (params.inStock) where.push(sql`exists (${inStockAt(storeId)})`);

  const filters: SQL[] = [sql`true`];
  if (params.brands.length) filters.push(sql`m.brand_id in (select id from brands where slug in ${params.brands})`);
  if (params.diets.length) filters.push(sql`m.dietary_tags @> ${textArray(params.diets)}::dietary_tag[]`);
  if (params.minCents !== null) filters.push(sql`m.price_cents >= ${params.minCents}`);
  if (params.maxCents !== null) filters.push(sql`m.price_cents <= ${params.maxCents}`);

  const offset = (params.page - 1) * pageSize;
  const [row] = await db.execute<{ total: number; items: CardRow[] | null; brands: Facets["brands"] | null; diets: Facets["diets"] | null }>(sql`
    with matched as (
      select p.id, p.name, p.featured, p.brand_id, p.dietary_tags,
        ${needsPrice ? sql`ep.price as price_cents, ${unitPriceSqlOf(sql`ep.price`)} as unit_price_cents` : sql`null::int as price_cents, null::int as unit_price_cents`},
        ${tsq && sort === "relevance" ? sql`ts_rank(p.search_vector, ${tsq}, 1)` : sql`0`} as rank
      from products p
      ${needsPrice ? sql`join product_variants v on v.product_id = p.id and v.is_default ${storePriceJoin(storeId)}` : sql``}
      where ${sql.join(where, sql` and `)}
    ),
    filtered as (select * from matched m where ${sql.join(filters, sql` and `)}),
    page as (
      select id, row_number() over (order by ${sql.raw(orderBy[sort])}, id) as n
      from filtered order by n limit ${pageSize} offset ${offset}
    )
    select
      (select count(*)::int from filtered) as total,
      (select json_agg(card order by card.n) from (
        select ${cardColumns}, ${firstImage("p")}, page.n
        from page join products p on p.id = page.id
        ${cardJoins(storeId)}
      ) card) as items,
      (select json_agg(x) from (
        select b.slug, b.name, count(*)::int as count from matched m join brands b on b.id = m.brand_id
        group by b.id
        order by ${params.brands.length ? sql`b.slug in ${params.brands} desc,` : sql``} 3 desc, 2 limit ${MAX_BRAND_FACETS}
      ) x) as brands,
      (select json_agg(x) from (
        select tag, count(*)::int as count from matched, unnest(dietary_tags) as tag group by 1 order by 1
      ) x) as diets`);

  const total = row?.total ?? 0;
  return {
    items: (row?.items ?? []).map(toCard),
    total,
    page: params.page,
    pageSize,
    pageCount: Math.max(1, Math.ceil(total / pageSize)),
    facets: { brands: row?.brands ?? [], diets: row?.diets ?? [] },
  };
}

/** Whether product `p`'s default variant can be ordered at the store. */
const inStockAt = (storeId: number) => sql`
  select 1 from product_variants dv
  join stock_levels ds on ds.variant_id = dv.id and ds.store_id = ${storeId}
  where dv.product_id = p.id and dv.is_default and ds.quantity - ds.reserved >= coalesce(dv.weight_step_grams, 1)`;

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
    facets: { brands: [], diets: [] },
  };
}

/** Cards for a hand-picked set: featured products on the home page, related products. */
export async function listProductCards(
  db: Executor,
  options: { storeId: number; featured?: boolean; categoryId?: number; categoryIds?: number[]; dietaryTag?: DietaryTag; slugs?: string[]; excludeId?: number; limit: number },
): Promise<ProductCard[]> {
  const where: SQL[] = [sql`p.active`];
  if (options.featured) where.push(sql`p.featured`);
  if (options.categoryId !== undefined) where.push(sql`p.category_id = ${options.categoryId}`);
  if (options.categoryIds) where.push(sql`p.category_id = any(${textArray(options.categoryIds.map(String))}::int[])`);
  if (options.dietaryTag) where.push(sql`p.dietary_tags @> array[${options.dietaryTag}]::dietary_tag[]`);
  if (options.slugs) where.push(sql`p.slug = any(${textArray(options.slugs)}::text[])`);
  if (options.excludeId !== undefined) where.push(sql`p.id <> ${options.excludeId}`);
  const rows = await db.execute<CardRow>(sql`
    select ${cardColumns}, ${firstImage("p")}
    from products p ${cardJoins(options.storeId)}
    where ${sql.join(where, sql` and `)}
    order by "inStock" desc, p.featured desc, p.name
    limit ${options.limit}`);
  return rows.map(toCard);
}

export type ProductDetail = {
  product: Product;
  brand: { slug: string; name: string } | null;
  variants: (typeof productVariants.$inferSelect & { available: number; inStock: boolean })[];
  images: { url: string; alt: string }[];
  /** Live automatic promotions on the product, the biggest saving first. */
  promotions: ShelfPromotion[];
};

/** A product with its variants, their stock at the store, and its images; null when unknown. */
export async function getProductDetail(db: Executor, slug: string, storeId: number): Promise<ProductDetail | null> {
  const [found] = await db
    .select({
      product: products,
      brand: { slug: brands.slug, name: brands.name },
      promotions: sql<ShelfPromotion[]>`${shelfPromotionsSql(
        {
          id: sql`${products.id}`,
          categoryId: sql`${products.categoryId}`,
          soldByUnit: sql`exists (select 1 from product_variants uv where uv.product_id = ${products.id} and uv.selling_mode = 'unit')`,
        },
        3,
      )}`,
    })
    .from(products)
    .leftJoin(brands, eq(brands.id, products.brandId))
    .where(and(eq(products.slug, slug), eq(products.active, true)))
    .limit(1);
  if (!found) return null;
  const [variants, images] = await Promise.all([
    db
      .select({ variant: productVariants, priceCents: effectivePriceSql(storeId), quantity: stockLevels.quantity, reserved: stockLevels.reserved })
      .from(productVariants)
      .leftJoin(stockLevels, and(eq(stockLevels.variantId, productVariants.id), eq(stockLevels.storeId, storeId)))
      .where(eq(productVariants.productId, found.product.id))
      .orderBy(asc(productVariants.position)),
    db
      .select({ url: sql<string>`coalesce(${productImages.url}, '/media/' || ${productImages.mediaId})`, alt: productImages.alt })
      .from(productImages)
      .where(eq(productImages.productId, found.product.id))
      .orderBy(asc(productImages.position)),
  ]);
  return {
    product: found.product,
    brand: found.brand?.slug ? found.brand : null,
    variants: variants.map(({ variant, priceCents, quantity, reserved }) => {
      const available = Math.max(0, (quantity ?? 0) - (reserved ?? 0));
      return { ...variant, priceCents, available, inStock: available >= (variant.weightStepGrams ?? 1) };
    }),
    images,
    promotions: found.promotions,
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
