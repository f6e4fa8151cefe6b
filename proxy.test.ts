import { describe, expect, it } from "vitest";
import { LISTING_QUERY_KEYS, storefrontRewrites } from "@/lib/storefront/rewrites";
import { parseListingParams } from "@/lib/catalog/listing-params";
import { config } from "./proxy";

describe("storefront routing", () => {
  it("sends category URLs with any listing parameter through the proxy", () => {
    const keys = config.matcher.flatMap((m) => (typeof m === "string" || m.source !== "/c/:path*" ? [] : m.has.map((h) => h.key)));
    expect(keys.sort()).toEqual([...LISTING_QUERY_KEYS].sort());
  });

  it("runs for the back office, every page of it", () => {
    expect(config.matcher).toContain("/admin/:path*");
  });

  it("knows every parameter the listing parser reads", () => {
    const all = new URLSearchParams("q=tea&brand=halles&diet=vegan&min=1&max=2&instock=1&sort=name-asc&page=2");
    const parsed = parseListingParams(all);
    for (const key of LISTING_QUERY_KEYS) {
      const without = new URLSearchParams(all);
      without.delete(key);
      expect(parseListingParams(without), key).not.toEqual(parsed);
    }
  });

  it("rewrites plain pages to the chosen store, or the default store", () => {
    const product = storefrontRewrites().filter((r) => r.source.startsWith("/p/"));
    expect(product.map((r) => r.destination)).toEqual(["/at/:store/p/:slug", "/at/_default/p/:slug"]);
    const landing = storefrontRewrites().filter((r) => r.source.startsWith("/l/"));
    expect(landing.map((r) => r.destination)).toEqual(["/at/:store/l/:slug", "/at/_default/l/:slug"]);
    expect(product[0].has?.[0]).toMatchObject({ type: "cookie", key: "halles_store" });
  });
});
