// Maps the storefront's public URLs to the cached, store-scoped routes that render them.
import { encodeListingSegment, parseListingParams, serializeListingParams } from "@/lib/catalog/listing-params";
import { DEFAULT_STORE_SEGMENT, SLUG_PATTERN } from "./rewrites";

export { DEFAULT_STORE_SEGMENT, STORE_COOKIE } from "./rewrites";
/**
 * The store segment of the sample params every cached route must declare at build time. It
 * renders a 404 without touching the database, so building needs no database; the proxy never
 * produces it.
 */
export const BUILD_SAMPLE_SEGMENT = "_build";
const slugPattern = new RegExp(`^${SLUG_PATTERN}$`);

/** The store segment for a request: the chosen store's slug, or the default store. */
export function storeSegment(cookieValue: string | undefined): string {
  return cookieValue && cookieValue.length <= 80 && slugPattern.test(cookieValue) ? cookieValue : DEFAULT_STORE_SEGMENT;
}

/**
 * `/c/fruit?diet=vegan` → `/at/lyon/c/fruit/diet%3Dvegan`. Query parameters are normalised
 * into a path segment so that every listing is a cacheable page; null for paths that are not
 * storefront pages.
 */
export function internalPath(
  pathname: string,
  search: URLSearchParams,
  store: string,
  /** Whether a search (its canonical query string, per store) has earned a cached page; all have by default. */
  isPopularSearch: (key: string) => boolean = () => true,
): string | null {
  if (pathname === "/") return `/at/${store}`;
  const parts = pathname.split("/").filter(Boolean);
  const [section, slug, ...rest] = parts;
  if (rest.length > 0) return null;
  const isSlug = slug !== undefined && slugPattern.test(slug) && slug.length <= 120;
  if (section === "c" && isSlug) return `/at/${store}/c/${slug}/${encodeListingSegment(search)}`;
  if (section === "p" && isSlug) return `/at/${store}/p/${slug}`;
  if (section === "l" && isSlug) return `/at/${store}/l/${slug}`;
  if (section === "search" && slug === undefined) {
    const canonical = serializeListingParams(parseListingParams(search));
    if (canonical && !isPopularSearch(`${store}?${canonical}`)) return `/at/${store}/search-fresh?${canonical}`;
    return `/at/${store}/search/${canonical ? encodeURIComponent(canonical) : "-"}`;
  }
  if (section === "stores" && slug === undefined) {
    const postcode = (search.get("postcode") ?? "").replace(/[^0-9A-Za-z]/g, "").slice(0, 10).toUpperCase();
    return `/at/${store}/stores/${postcode || "-"}`;
  }
  return null;
}
