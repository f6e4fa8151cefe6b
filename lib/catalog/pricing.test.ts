import { describe, expect, it } from "vitest";
import { formatCents, formatPrice, formatUnitPrice, formatVatRate, priceForWeight, unitPriceCents } from "./pricing";

describe("unit prices", () => {
  it("divides a unit item's price by its net content in g or ml", () => {
    expect(unitPriceCents({ sellingMode: "unit", priceCents: 129, netQuantity: 500, unitPriceBasis: "kg" })).toBe(258);
    expect(unitPriceCents({ sellingMode: "unit", priceCents: 109, netQuantity: 1000, unitPriceBasis: "l" })).toBe(109);
    expect(formatUnitPrice({ sellingMode: "unit", priceCents: 250, netQuantity: 330, unitPriceBasis: "l" })).toBe("€7.58 / l");
  });

  it("uses the per-kg price of weighed items as is", () => {
    const bananas = { sellingMode: "weight", priceCents: 199, netQuantity: null, unitPriceBasis: "kg" } as const;
    expect(unitPriceCents(bananas)).toBe(199);
    expect(formatPrice(bananas)).toBe("€1.99 / kg");
  });

  it("prices per piece for packs of countable items", () => {
    expect(formatUnitPrice({ sellingMode: "unit", priceCents: 329, netQuantity: 12, unitPriceBasis: "piece" })).toBe("€0.27 / piece");
  });

  it("has no unit price without a net content", () => {
    expect(unitPriceCents({ sellingMode: "unit", priceCents: 329, netQuantity: null, unitPriceBasis: "kg" })).toBeNull();
  });
});

describe("money", () => {
  it("formats integer cents as euros", () => {
    expect(formatCents(1234)).toBe("€12.34");
    expect(formatCents(5)).toBe("€0.05");
  });

  it("prices a weight in grams to the cent", () => {
    expect(priceForWeight(2490, 250)).toBe(623);
    expect(priceForWeight(199, 1000)).toBe(199);
  });

  it("formats VAT rates from basis points", () => {
    expect(formatVatRate(550)).toBe("5.5 %");
    expect(formatVatRate(2000)).toBe("20 %");
  });
});
