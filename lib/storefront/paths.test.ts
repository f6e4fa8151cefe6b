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
