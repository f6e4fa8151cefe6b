// The catalog as the v1 API shows it: money as integer cents with its currency.
import type { ProductCard, ProductDetail } from "@/db/queries/products";
import type { Store } from "@/db/schema";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getDefaultStore, getStoreBySlug } from "@/db/queries/stores";
import { unitPriceCents } from "@/lib/catalog/pricing";
import { ApiError } from "./errors";

const money = (cents: number) => ({ amount: cents, currency: "EUR" as const });

function priceOf(v: Parameters<typeof unitPriceCents>[0]) {
  const unit = unitPriceCents(v);
  return {
    price: money(v.priceCents),
    pricedPer: v.sellingMode === "weight" ? "kg" : "item",
    unitPrice: unit === null ? null : { ...money(unit), per: v.unitPriceBasis },
  };
}

export function productCardJson(p: ProductCard) {
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

export function productDetailJson(d: ProductDetail) {
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

export function storeJson(s: Store) {
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
