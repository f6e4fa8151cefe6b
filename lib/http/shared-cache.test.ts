import { describe, expect, it } from "vitest";
import { isSharedPageRequest, SHARED_CACHE_CONTROL, sharedCacheControl } from "./shared-cache.mjs";

const request = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers });

describe("storefront pages declared to shared caches (issue 9)", () => {
  it("takes the shared storefront pages asked for as documents", () => {
    for (const url of ["/", "/?utm=x", "/p/bananas", "/c/pantry", "/c/pantry?diet=organic&sort=price-asc", "/l/summer", "/stores", "/stores?postcode=69003", "/search?q=milk"]) {
      expect(isSharedPageRequest(request(url)), url).toBe(true);
    }
    expect(isSharedPageRequest(request("/p/bananas", {}, "HEAD"))).toBe(true);
  });

  it("leaves personal pages, the back office, the API and assets alone", () => {
    const others = ["/basket", "/checkout", "/account", "/account/orders", "/sign-in", "/sign-up/confirm", "/admin", "/admin/catalog", "/api/health", "/api/storefront/basket"];
    for (const url of [...others, "/_next/static/a.js", "/images/products/a.svg", "/logo.svg", "/p/bananas/extra", "/pantry", "/searches", "/at/lyon-part-dieu"]) {
      expect(isSharedPageRequest(request(url)), url).toBe(false);
    }
  });

  it("leaves RSC requests, prefetches, server actions and other methods as Next.js answers them", () => {
    for (const name of ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url", "next-action"]) {
      expect(isSharedPageRequest(request("/p/bananas", { [name]: "1" })), name).toBe(false);
    }
    expect(isSharedPageRequest(request("/p/bananas?_rsc=abc"))).toBe(false);
    expect(isSharedPageRequest(request("/p/bananas?_rsc"))).toBe(false);
    expect(isSharedPageRequest(request("/p/bananas", {}, "POST"))).toBe(false);
  });

  it("declares pages and known absences without a cookie, a few seconds fresh", () => {
    expect(sharedCacheControl(200, false)).toBe(SHARED_CACHE_CONTROL);
    expect(sharedCacheControl(404, false)).toBe(SHARED_CACHE_CONTROL);
    expect(SHARED_CACHE_CONTROL).toMatch(/^public, s-maxage=[1-3], stale-while-revalidate=\d+$/);
    expect(sharedCacheControl(200, true)).toBeNull();
    for (const status of [301, 307, 400, 403, 500, 503]) expect(sharedCacheControl(status, false), String(status)).toBeNull();
  });
});
