import { describe, expect, it } from "vitest";
import { HANDWRITTEN_PRODUCTS } from "./catalog-data";
import { parseSizeLabel } from "./catalog-dsl";
import { eanFor, isValidEan13, skuFor } from "./codes";
import { stockForVariant } from "./stock";
import { STORE_SEEDS } from "./stores";
import { syntheticProducts } from "./synthetic";

const products = HANDWRITTEN_PRODUCTS;
const bySlug = new Map(products.map((p) => [p.slug, p]));
const withTag = (tag: string) => products.filter((p) => (p.tags as string[]).includes(tag));
const storeSlugs = STORE_SEEDS.map((s) => s.slug);

describe("the hand-written catalog", () => {
  it("is large and varied enough for the demo", () => {
    expect(products.length).toBeGreaterThanOrEqual(420);
    expect(products.filter((p) => p.variants[0].sellingMode === "weight").length).toBeGreaterThanOrEqual(40);
    expect(withTag("organic").length).toBeGreaterThanOrEqual(30);
    expect(withTag("vegan").length).toBeGreaterThanOrEqual(30);
    expect(withTag("gluten_free").length).toBeGreaterThanOrEqual(15);
    expect(products.filter((p) => p.featured).length).toBeGreaterThanOrEqual(12);
    expect(products.filter((p) => /yoghurt/i.test(p.name)).length).toBeGreaterThanOrEqual(3);
  });

  it("has loose bananas, organic bananas and a mix of diets in Pasta & Rice", () => {
    expect(bySlug.get("bananas")).toMatchObject({ name: "Bananas", category: "fruit", variants: [{ sellingMode: "weight", unitPriceBasis: "kg" }] });
    expect(bySlug.get("organic-bananas")?.tags).toContain("organic");
    const pasta = products.filter((p) => p.category === "pasta-rice");
    expect(pasta.some((p) => p.tags.includes("organic"))).toBe(true);
    expect(pasta.some((p) => p.tags.includes("gluten_free") && /pasta|fusilli|spaghetti/i.test(p.name))).toBe(true);
  });

  it("sells weighed items per kg in steps, and unit items with a net quantity", () => {
    for (const product of products) {
      for (const variant of product.variants) {
        if (variant.sellingMode === "weight") {
          expect(variant).toMatchObject({ sizeLabel: "per kg", netQuantity: null, unitPriceBasis: "kg" });
          expect([100, 250, 500]).toContain(variant.weightStepGrams);
        } else {
          expect(variant.weightStepGrams).toBeNull();
          expect(variant.netQuantity).toBeGreaterThan(0);
        }
      }
    }
  });

  it("charges 20 % VAT on alcohol and non-food, 5.5 % on baby food", () => {
    expect(bySlug.get("champagne-brut")?.vatRateBp).toBe(2000);
    expect(bySlug.get("washing-up-liquid")?.vatRateBp).toBe(2000);
    expect(bySlug.get("apple-and-pear-puree")?.vatRateBp).toBe(550);
    expect(bySlug.get("alcohol-free-lager")?.vatRateBp).toBe(550);
  });

  it("tags every vegan product as vegetarian too", () => {
    expect(withTag("vegan").every((p) => p.tags.includes("vegetarian"))).toBe(true);
  });
});

describe("size labels", () => {
  it.each([
    ["500 g", 500, "kg"],
    ["1.5 kg", 1500, "kg"],
    ["6 x 1 l", 6000, "l"],
    ["75 cl", 750, "l"],
    ["4 x 125 g", 500, "kg"],
    ["12 eggs", 12, "piece"],
    ["each", 1, "piece"],
  ])("reads %s", (label, netQuantity, unitPriceBasis) => {
    expect(parseSizeLabel(label)).toEqual({ netQuantity, unitPriceBasis });
  });

  it("refuses a label it cannot read", () => {
    expect(() => parseSizeLabel("a lot")).toThrow(/size label/);
  });
});

describe("codes", () => {
  it("makes valid, distinct EAN-13s and stable SKUs", () => {
    expect(skuFor(123, 0)).toBe("HAL-000123-1");
    const codes = [eanFor(1, 0, "weight"), eanFor(1, 0, "unit"), eanFor(1, 1, "unit"), eanFor(99_999, 2, "unit")];
    expect(codes.every(isValidEan13)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(isValidEan13("4006381333931")).toBe(true);
    expect(isValidEan13("4006381333932")).toBe(false);
  });
});

describe("stock", () => {
  it("is the same on every run and never missing from every store", () => {
    const variant = { sku: "HAL-000042-1", sellingMode: "unit" as const, weightStepGrams: null };
    expect(stockForVariant(variant, storeSlugs)).toEqual(stockForVariant(variant, storeSlugs));
    for (let n = 1; n <= 2000; n++) {
      const quantities = stockForVariant({ ...variant, sku: skuFor(n, 0) }, storeSlugs);
      expect(quantities.some((q) => q > 0)).toBe(true);
      expect(quantities.every((q) => q >= 0 && q <= 120)).toBe(true);
    }
  });

  it("keeps the demo scenarios: bananas everywhere, a featured product missing in Paris only", () => {
    const bananas = bySlug.get("bananas")!;
    expect(stockForVariant({ sku: "x", ...bananas.variants[0] }, storeSlugs, bananas.stockOverrides).every((q) => q > 0)).toBe(true);
    const strawberries = bySlug.get("gariguette-strawberries")!;
    expect(strawberries.featured).toBe(true);
    const [lyon, paris] = stockForVariant({ sku: "y", ...strawberries.variants[0] }, storeSlugs, strawberries.stockOverrides);
    expect(lyon).toBeGreaterThan(0);
    expect(paris).toBe(0);
  });
});

describe("synthetic products", () => {
  it("are deterministic, with unique slugs that avoid the hand-written ones", () => {
    const first = [...syntheticProducts(products, 3000)];
    expect([...syntheticProducts(products, 3000)]).toEqual(first);
    const slugs = new Set([...products.map((p) => p.slug), ...first.map((p) => p.slug)]);
    expect(slugs.size).toBe(products.length + first.length);
    expect(first.every((p) => /^[a-z0-9-]{1,120}$/.test(p.slug) && p.variants[0].priceCents > 0)).toBe(true);
  });
});
