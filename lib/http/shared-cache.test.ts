import { createServer, type OutgoingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { declareSharedWhenSent, isSharedPageRequest, RENDER_DEPENDENT_HEADERS, SHARED_CACHE_CONTROL, sharedCacheControl } from "./shared-cache.mjs";

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

  /** The headers a real Node.js server sends when `answer` writes through declareSharedWhenSent. */
  async function sentHeaders(answer: (response: ServerResponse) => void) {
    const server = createServer((_, response) => {
      declareSharedWhenSent(response);
      answer(response);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/p/bananas`);
      await response.arrayBuffer();
      return response.headers;
    } finally {
      server.close();
    }
  }

  // As Next.js sends a prerendered page (ETag, x-nextjs-cache) and a resumed one (Link, x-nextjs-postponed).
  const nextHeaders: OutgoingHttpHeaders = {
    "Cache-Control": "private, no-cache, no-store, max-age=0, must-revalidate",
    ETag: '"j8zrnp535n16jd"',
    Link: "</_next/static/chunks/a.css>; rel=preload; as=\"style\"",
    "x-nextjs-cache": "HIT",
    "x-nextjs-postponed": "1",
    "x-nextjs-prerender": "1",
    "x-nextjs-stale-time": "300",
    "Content-Type": "text/html; charset=utf-8",
  };

  it("sends a page with the shared Cache-Control and a header of one length, however Next.js rendered it", async () => {
    for (const way of ["setHeader", "writeHead"] as const) {
      const headers = await sentHeaders((response) => {
        if (way === "setHeader") {
          for (const [name, value] of Object.entries(nextHeaders)) response.setHeader(name, value!);
          response.writeHead(200).end("<html></html>");
        } else response.writeHead(200, { ...nextHeaders }).end("<html></html>");
      });
      expect(headers.get("cache-control"), way).toBe(SHARED_CACHE_CONTROL);
      for (const name of RENDER_DEPENDENT_HEADERS) expect(headers.has(name), `${way}: ${name}`).toBe(false);
      expect(headers.get("content-type"), way).toBe("text/html; charset=utf-8");
    }
  });

  it("leaves an answer that may not be shared as Next.js wrote it", async () => {
    const withCookie = await sentHeaders((response) => response.writeHead(200, { ...nextHeaders, "Set-Cookie": "halles_store=lyon; Path=/" }).end());
    expect(withCookie.get("cache-control")).toBe(nextHeaders["Cache-Control"]);
    expect(withCookie.get("etag")).toBe(nextHeaders.ETag);
    const failed = await sentHeaders((response) => response.writeHead(500, { ...nextHeaders }).end());
    expect(failed.get("cache-control")).toBe(nextHeaders["Cache-Control"]);
    expect(failed.get("x-nextjs-cache")).toBe("HIT");
  });
});
