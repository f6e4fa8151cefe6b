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

/**
 * Headers a shared page answer goes out without: Next.js's own (`x-nextjs-cache: HIT`,
 * `x-nextjs-postponed`…), and `ETag` and `Link`, which it sends for some renders of a page and not
 * others. nginx reads a cached answer with room for the header it had when last stored, so when a
 * refresh stores a longer header than the one before, every request in between finds the entry
 * "too long" (its error log says so) and goes to Next.js as a miss. With these gone, every render
 * of a page has a header of one length.
 */
export const RENDER_DEPENDENT_HEADERS = ["etag", "link", "x-nextjs-cache", "x-nextjs-postponed", "x-nextjs-prerender", "x-nextjs-stale-time"];

/**
 * Makes `response` a shared answer as its status line goes out, if it may be one: Next.js sets its
 * own Cache-Control just before, and whether the answer is a 200 or 404 without a cookie is only
 * known then. Every way out passes through writeHead (Node.js calls it for implicit headers too);
 * headers given to it win over setHeader's, so they are rewritten as well.
 */
export function declareSharedWhenSent(response) {
  const writeHead = response.writeHead;
  response.writeHead = function writeSharedHead(status, ...args) {
    const headers = args.find((arg) => arg && typeof arg === "object");
    // Raw header arrays (not used by Next.js) are not read: such an answer keeps its own header.
    if (Array.isArray(headers)) return writeHead.call(this, status, ...args);
    const given = headers ? Object.keys(headers) : [];
    const setsCookie = this.hasHeader("set-cookie") || given.some((name) => name.toLowerCase() === "set-cookie");
    const value = sharedCacheControl(status, setsCookie);
    if (value) {
      for (const name of given) {
        const lower = name.toLowerCase();
        if (lower === "cache-control" || RENDER_DEPENDENT_HEADERS.includes(lower)) delete headers[name];
      }
      for (const name of RENDER_DEPENDENT_HEADERS) this.removeHeader(name);
      this.setHeader("cache-control", value);
    }
    return writeHead.call(this, status, ...args);
  };
}
