import { describe, expect, it } from "vitest";
import { internalPath, storeSegment } from "./paths";

const qs = (s = "") => new URLSearchParams(s);

describe("storeSegment", () => {
  it("uses a well-formed cookie and falls back to the default store", () => {
    expect(storeSegment("paris-bastille")).toBe("paris-bastille");
    expect(storeSegment(undefined)).toBe("_default");
    expect(storeSegment("../../etc")).toBe("_default");
    expect(storeSegment("x".repeat(81))).toBe("_default");
  });
});

describe("internalPath", () => {
  it("maps storefront pages to store-scoped routes", () => {
    expect(internalPath("/", qs(), "lyon")).toBe("/at/lyon");
    expect(internalPath("/p/bananas", qs(), "lyon")).toBe("/at/lyon/p/bananas");
    expect(internalPath("/l/summer-market", qs(), "lyon")).toBe("/at/lyon/l/summer-market");
    expect(internalPath("/c/fruit", qs(), "lyon")).toBe("/at/lyon/c/fruit/-");
  });

  it("carries normalised listing parameters in one segment", () => {
    expect(internalPath("/c/fruit", qs("page=2&diet=organic&junk=1"), "lyon")).toBe("/at/lyon/c/fruit/diet%3Dorganic%26page%3D2");
    expect(internalPath("/search", qs("q=bananna"), "lyon")).toBe("/at/lyon/search/q%3Dbananna");
  });

  it("keeps only a plausible postcode for the store finder", () => {
    expect(internalPath("/stores", qs("postcode=69 003"), "lyon")).toBe("/at/lyon/stores/69003");
    expect(internalPath("/stores", qs("postcode=<b>"), "lyon")).toBe("/at/lyon/stores/B");
  });

  it("leaves other paths alone", () => {
    expect(internalPath("/admin", qs(), "lyon")).toBeNull();
    expect(internalPath("/c/fruit/extra", qs(), "lyon")).toBeNull();
    expect(internalPath("/p/Not_A_Slug", qs(), "lyon")).toBeNull();
  });
});

describe("the search cache (issue 6 item 8)", () => {
  const qs = (s: string) => new URLSearchParams(s);

  it("serves rare searches uncached and popular ones from the page cache, per store", () => {
    const seen = new Map<string, number>();
    const popularAfterTwo = (key: string) => {
      seen.set(key, (seen.get(key) ?? 0) + 1);
      return seen.get(key)! >= 2;
    };
    expect(internalPath("/search", qs("q=Cheese"), "lyon", popularAfterTwo)).toBe("/at/lyon/search-fresh?q=cheese");
    expect(internalPath("/search", qs("q=cheese"), "lyon", popularAfterTwo)).toBe("/at/lyon/search/q%3Dcheese");
    expect(internalPath("/search", qs("q=cheese"), "paris", popularAfterTwo)).toBe("/at/paris/search-fresh?q=cheese");
    // The empty search page is one page: always cached.
    expect(internalPath("/search", qs(""), "lyon", () => false)).toBe("/at/lyon/search/-");
  });

  it("keys one page per query however it is typed, and caps its length", () => {
    const keys: string[] = [];
    const record = (key: string) => (keys.push(key), true);
    for (const q of ["Greek  Yoghurt", "GREEK yoghurt ", "ｇｒｅｅｋ\tyoghurt", "greek\u0000yoghurt"]) internalPath("/search", qs(`q=${encodeURIComponent(q)}`), "lyon", record);
    expect(new Set(keys)).toEqual(new Set(["lyon?q=greek+yoghurt"]));
    internalPath("/search", qs(`q=${"a".repeat(5000)}`), "lyon", record);
    expect(keys.at(-1)!.length).toBeLessThan(120);
  });
});
