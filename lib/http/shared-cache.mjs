// Which responses a shared cache (the gateway in deploy/nginx/, a CDN) may keep, pure: applied to
// every response by lib/http/web-server-preload.mjs. Plain JavaScript, as node loads it ahead of
// the app; shared-cache.d.mts types it for the tests.
//
// Next.js answers every page rendered with dynamic parts `private, no-cache, no-store`, and a
// prerendered one `s-maxage=31536000`, which would keep it at a CDN for a year past any
// revalidateTag. The storefront's shared pages read nothing per shopper (their header fetches the
// basket from /api/storefront/basket), so they are declared cacheable for a few seconds instead.

/**
 * A second fresh: with the render of a changed page (Next.js renders it once its tag expires), a
 * storefront change shows within 5 s even on a busy machine; stale a while longer while a fresh
 * copy is fetched.
 */
export const SHARED_CACHE_CONTROL = "public, s-maxage=1, stale-while-revalidate=30";

/**
 * The storefront's shared pages, by their public URL: home, products, categories (with or without
 * listing parameters), landing pages, store finder and search. Personal pages (/basket, /checkout,
 * /account…, /sign-in…, /sign-up…), the back office and the API are not among them.
 */
const SHARED_PAGES = /^\/(?:|[cpl]\/[^/?#]+|stores|search)(?:\?|$)/;

/**
 * Headers of the Next.js router: a client navigation or prefetch asks the same URL for an RSC
 * payload instead of HTML, and a server action may be called on a page URL. Those answers are
 * left as Next.js sends them, never declared shared.
 */
export const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"];

/** Whether the request asks for a shared storefront page as a document (GET or HEAD, no router header, no `_rsc`). */
export function isSharedPageRequest(request) {
  if (request.method !== "GET" && request.method !== "HEAD") return false;
  const url = request.url ?? "";
  if (!SHARED_PAGES.test(url)) return false;
  if (ROUTER_HEADERS.some((name) => request.headers[name] !== undefined)) return false;
  const query = url.indexOf("?");
  return query === -1 || !new URLSearchParams(url.slice(query + 1)).has("_rsc");
}

/**
 * The Cache-Control for the answer to a shared page request, or null to keep Next.js's: only a
 * page (200) or a known absence (404), and never an answer that sets a cookie.
 */
export function sharedCacheControl(status, setsCookie) {
  return (status === 200 || status === 404) && !setsCookie ? SHARED_CACHE_CONTROL : null;
}
