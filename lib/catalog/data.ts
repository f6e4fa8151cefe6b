// Cached catalog reads for the storefront pages, tagged so that catalog writes invalidate them.
import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { findInTree, getCategoryTree } from "@/db/queries/categories";
import { getProductDetail, listProductCards, listProducts } from "@/db/queries/products";
import { nextPromotionChange } from "@/db/queries/promotions";
import { findStoresDeliveringTo, getDefaultStore, getStoreBySlug, listStores } from "@/db/queries/stores";
import { TAGS } from "@/lib/cache-tags";
import { BUILD_SAMPLE_SEGMENT, DEFAULT_STORE_SEGMENT } from "@/lib/storefront/paths";
import type { ListingParams } from "./listing-params";

/**
 * Catalog pages show live promotions, so their entries must not outlive a promotion's start or
 * end: "minutes", but revalidated at the next boundary when it comes sooner. (The boundary's
 * `refresh-storefront` job expires the promotions tag at that moment; this is the fallback.)
 * The expiry stays above 5 minutes so that the reads remain part of the cached page.
 */
function cacheLifeUntil(nextChangeMs: number | null): void {
  const seconds = nextChangeMs === null ? Infinity : Math.ceil((nextChangeMs - Date.now()) / 1000);
  // The "minutes" profile (stale 5 min, revalidate 1 min, expire 1 h), revalidating sooner when due.
  cacheLife({ stale: 300, revalidate: Math.min(60, Math.max(1, seconds)), expire: 3600 });
}

/** When the next automatic promotion starts or ends (ms), shared by every catalog read. */
async function getNextPromotionChange(): Promise<number | null> {
  "use cache";
  cacheTag(TAGS.promotions);
  const at = (await nextPromotionChange(getDb()))?.getTime() ?? null;
  cacheLifeUntil(at);
  return at;
}

/**
 * For a `'use cache'` read that shows product cards (their promotion badges): tags it with
 * `promotions` and sets its life ("minutes", ending at the next promotion boundary). Call it once,
 * in place of `cacheLife`.
 */
export async function cacheWithPromotions(): Promise<void> {
  cacheTag(TAGS.promotions);
  cacheLifeUntil(await getNextPromotionChange());
}

/**
 * Tags a cached read with each product it lists, so that a change to one product (its price, its
 * photo) expires exactly the entries that show it. Next.js keeps at most 128 tags per entry.
 */
export function tagListedProducts(cards: readonly { slug: string }[]): void {
  if (cards.length > 0) cacheTag(...cards.slice(0, 100).map((card) => TAGS.product(card.slug)));
}

export async function getStore(segment: string) {
  "use cache";
  cacheTag(TAGS.stores);
  cacheLife("hours");
  const db = getDb();
  return segment === DEFAULT_STORE_SEGMENT ? getDefaultStore(db) : getStoreBySlug(db, segment);
}

export async function getStores() {
  "use cache";
  cacheTag(TAGS.stores);
  cacheLife("hours");
  return listStores(getDb());
}

export async function getStoresDeliveringTo(postcode: string) {
  "use cache";
  cacheTag(TAGS.stores);
  cacheLife("hours");
  return findStoresDeliveringTo(getDb(), postcode);
}

export async function getCategories() {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife("hours");
  return getCategoryTree(getDb());
}

export async function getCategory(slug: string) {
  const tree = await getCategories();
  return findInTree(tree, slug);
}

export async function getCategoryListing(storeId: number, slug: string, params: ListingParams) {
  "use cache";
  cacheTag(TAGS.catalog, TAGS.category(slug), TAGS.stock(storeId));
  const [found] = await Promise.all([getCategory(slug), cacheWithPromotions()]);
  if (!found) return null;
  const listing = await listProducts(getDb(), { storeId, categoryIds: found.ids, params });
  tagListedProducts(listing.items);
  return { ...found, listing };
}

export async function getSearchListing(storeId: number, params: ListingParams) {
  "use cache";
  cacheTag(TAGS.catalog, TAGS.stock(storeId));
  await cacheWithPromotions();
  const listing = await listProducts(getDb(), { storeId, params });
  tagListedProducts(listing.items);
  return listing;
}

export async function getFeaturedProducts(storeId: number) {
  "use cache";
  cacheTag(TAGS.catalog, TAGS.stock(storeId));
  await cacheWithPromotions();
  const cards = await listProductCards(getDb(), { storeId, featured: true, limit: 12 });
  tagListedProducts(cards);
  return cards;
}

export async function getProductPage(storeId: number, slug: string) {
  "use cache";
  cacheTag(TAGS.catalog, TAGS.product(slug), TAGS.stock(storeId));
  await cacheWithPromotions();
  const detail = await getProductDetail(getDb(), slug, storeId);
  if (!detail) return null;
  const [tree, related] = await Promise.all([
    getCategories(),
    listProductCards(getDb(), { storeId, categoryId: detail.product.categoryId, excludeId: detail.product.id, limit: 8 }),
  ]);
  tagListedProducts(related);
  const category = tree.flatMap((root) => [root, ...root.children]).find((c) => c.id === detail.product.categoryId);
  const trail = category ? (findInTree(tree, category.slug)?.trail ?? []) : [];
  return { ...detail, trail, related };
}

/**
 * The store a storefront page renders for; unknown stores are a 404. Pages call this before any
 * other read, so that the build-time sample renders without a database.
 */
export async function requireStore(segment: string) {
  if (segment === BUILD_SAMPLE_SEGMENT) notFound();
  const store = await getStore(segment);
  if (!store) notFound();
  return store;
}
