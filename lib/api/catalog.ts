// The catalog as the v1 API shows it: money as integer cents with its currency.
import type { CategoryNode } from "@/db/queries/categories";
import type { Listing, ProductCard, ProductDetail } from "@/db/queries/products";
import type { Store } from "@/db/schema";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getDefaultStore, getStoreBySlug } from "@/db/queries/stores";
import { dietaryTag } from "@/db/schema/catalog";
import { listingQuerySchema } from "@/lib/catalog/listing-params";
import { unitPriceCents } from "@/lib/catalog/pricing";
import { ApiError } from "./errors";
import { money, moneySchema, paginationSchema, pricedPerSchema, soldBySchema, unitPriceSchema } from "./schemas";

const priceFields = { price: moneySchema, pricedPer: pricedPerSchema, unitPrice: unitPriceSchema };

function priceOf(v: Parameters<typeof unitPriceCents>[0]) {
  const unit = unitPriceCents(v);
  return {
    price: money(v.priceCents),
    pricedPer: v.sellingMode === "weight" ? ("kg" as const) : ("item" as const),
    unitPrice: unit === null ? null : { ...money(unit), per: v.unitPriceBasis },
  };
}

const dietaryTagsSchema = z.array(z.enum(dietaryTag.enumValues));

export const productCardSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    brand: z.string().nullable(),
    size: z.string(),
    soldBy: soldBySchema,
    weightStepGrams: z.number().int().nullable(),
    ...priceFields,
    dietaryTags: dietaryTagsSchema,
    inStock: z.boolean(),
    image: z.object({ url: z.string(), alt: z.string().nullable() }).nullable(),
    url: z.string().describe("The product's storefront page."),
  })
  .meta({ id: "ProductCard" });

export function productCardJson(p: ProductCard): z.infer<typeof productCardSchema> {
  return {
    slug: p.slug,
    name: p.name,
    brand: p.brand,
    size: p.sizeLabel,
    soldBy: p.sellingMode,
    weightStepGrams: p.weightStepGrams,
    ...priceOf(p),
    dietaryTags: p.dietaryTags,
    inStock: p.inStock,
    image: p.imageUrl ? { url: p.imageUrl, alt: p.imageAlt } : null,
    url: `/p/${p.slug}`,
  };
}

export const productDetailSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    brand: z.object({ slug: z.string(), name: z.string() }).nullable(),
    vatRate: z.number().describe("0.055 is 5.5 %."),
    dietaryTags: dietaryTagsSchema,
    images: z.array(z.object({ url: z.string(), alt: z.string() })),
    variants: z.array(
      z.object({
        sku: z.string(),
        ean: z.string().nullable(),
        size: z.string(),
        soldBy: soldBySchema,
        weightStepGrams: z.number().int().nullable(),
        isDefault: z.boolean(),
        ...priceFields,
        inStock: z.boolean(),
      }),
    ),
  })
  .meta({ id: "ProductDetail" });

export function productDetailJson(d: ProductDetail): z.infer<typeof productDetailSchema> {
  return {
    slug: d.product.slug,
    name: d.product.name,
    description: d.product.description,
    brand: d.brand,
    vatRate: d.product.vatRateBp / 10_000,
    dietaryTags: d.product.dietaryTags,
    images: d.images,
    variants: d.variants.map((v) => ({
      sku: v.sku,
      ean: v.ean,
      size: v.sizeLabel,
      soldBy: v.sellingMode,
      weightStepGrams: v.weightStepGrams,
      isDefault: v.isDefault,
      ...priceOf(v),
      inStock: v.inStock,
    })),
  };
}

export const storeSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    address: z.object({ street: z.string(), postcode: z.string(), city: z.string(), country: z.string() }),
    phone: z.string().nullable(),
    openingHours: z
      .record(z.enum(["1", "2", "3", "4", "5", "6", "7"]), z.array(z.object({ opens: z.string(), closes: z.string() })))
      .describe("By ISO weekday (1 = Monday): opening periods, HH:MM."),
    offersDelivery: z.boolean(),
    offersCollection: z.boolean(),
  })
  .meta({ id: "Store" });

export function storeJson(s: Store): z.infer<typeof storeSchema> {
  return {
    slug: s.slug,
    name: s.name,
    address: { street: s.street, postcode: s.postcode, city: s.city, country: s.countryCode },
    phone: s.phone,
    openingHours: s.openingHours,
    offersDelivery: s.offersDelivery,
    offersCollection: s.offersCollection,
  };
}

const storeParam = z.string().regex(/^[a-z0-9-]{1,80}$/, "must be a store slug");

/** The `store` query parameter of catalog and basket routes, for the OpenAPI document. */
export const storeQuerySchema = z.object({
  store: storeParam.optional().describe("A store's slug (see /api/v1/stores): stock and prices there. Default: the default store."),
});

/** The `store` query parameter: a known store's slug, or the default store when absent. */
export async function storeFromQuery(search: URLSearchParams): Promise<Store> {
  const raw = search.get("store");
  if (raw === null || raw === "") {
    const store = await getDefaultStore(getDb());
    if (!store) throw new ApiError("not_found", "No store is set up yet.");
    return store;
  }
  const parsed = storeParam.safeParse(raw);
  const store = parsed.success ? await getStoreBySlug(getDb(), parsed.data) : null;
  if (!store) throw new ApiError("bad_request", "Invalid query parameters.", { store: ["must be the slug of a store, see /api/v1/stores"] });
  return store;
}

/** GET /api/v1/products's parameters besides the listing's and `store`. */
export const productListExtraQuery = z.object({
  category: z.string().regex(/^[a-z0-9-]{1,120}$/, "must be a category slug").optional().describe("A category's slug, its subcategories included."),
  limit: z.coerce.number().int("must be a whole number").min(1).max(100).default(24).describe("Products per page."),
});
export const productListQuerySchema = listingQuerySchema.extend(productListExtraQuery.shape).extend(storeQuerySchema.shape);

export const productListSchema = z.object({
  store: z.string().describe("The store's slug."),
  data: z.array(productCardSchema),
  pagination: paginationSchema,
  facets: z.object({
    brands: z.array(z.object({ slug: z.string(), name: z.string(), count: z.number().int() })),
    diets: z.array(z.object({ tag: z.enum(dietaryTag.enumValues), count: z.number().int() })),
  }),
  corrections: z.array(z.object({ from: z.string(), to: z.string() })).describe("Search words corrected: what was typed and what was searched."),
});

export function productListJson(store: Pick<Store, "slug">, result: Listing): z.infer<typeof productListSchema> {
  return {
    store: store.slug,
    data: result.items.map(productCardJson),
    pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    facets: result.facets,
    corrections: result.corrections,
  };
}

/** A product's slug in the path: anything else cannot name a product (404). */
export const productSlugParam = z.string().regex(/^[a-z0-9-]{1,120}$/);
export const productPathSchema = z.object({ slug: productSlugParam });
export const productSchema = z.object({ store: z.string().describe("The store's slug."), data: productDetailSchema });

export const storesQuerySchema = z.object({
  postcode: z.string().trim().regex(/^[0-9A-Za-z ]{2,10}$/, "must be a postcode such as 69003").optional().describe("Only the stores delivering to this postcode."),
});
export const storeListSchema = z.object({ data: z.array(storeSchema) });

type CategoryJson = { slug: string; name: string; description: string; children: CategoryJson[] };
export const categorySchema: z.ZodType<CategoryJson> = z
  .object({
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    get children() {
      return z.array(categorySchema);
    },
  })
  .meta({ id: "Category" });
export const categoryTreeSchema = z.object({ data: z.array(categorySchema) });

export const categoryJson = (c: CategoryNode): CategoryJson => ({ slug: c.slug, name: c.name, description: c.description, children: c.children.map(categoryJson) });
