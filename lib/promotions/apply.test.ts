import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyPromotions, codeDiscountCents, spreadProRata, type AutomaticRule, type CodeRule, type PromoLine } from "./apply";

const line = (over: Partial<PromoLine> & Pick<PromoLine, "variantId">): PromoLine => {
  const base = { productId: over.variantId, categoryIds: [1], sellingMode: "unit" as const, quantity: 1, unitPriceCents: 100, vatRateBp: 550, ...over };
  return { ...base, lineTotalCents: over.lineTotalCents ?? base.unitPriceCents * base.quantity };
};

const threeForTwo: AutomaticRule = { id: 1, kind: "multibuy", name: "3 for 2 yoghurt", productId: 10, buyQuantity: 3, payQuantity: 2 };
const dairy: AutomaticRule = { id: 2, kind: "category_percent", name: "Dairy week", categoryId: 5, categoryName: "Dairy", percentBp: 1_000 };
const welcome: CodeRule = { id: 3, code: "WELCOME10", discountType: "percent", percentBp: 1_000, amountCents: null };
const fiver: CodeRule = { id: 4, code: "FIVE", discountType: "fixed", percentBp: null, amountCents: 500 };

describe("automatic promotions", () => {
  it("gives every third item free on a 3 for 2, per complete group", () => {
    const yoghurt = (quantity: number) => line({ variantId: 10, quantity, unitPriceCents: 199 });
    expect(applyPromotions([yoghurt(2)], { automatic: [threeForTwo], code: null }).discountCents).toBe(0);
    expect(applyPromotions([yoghurt(3)], { automatic: [threeForTwo], code: null }).lines[0]).toMatchObject({ discountCents: 199, reasons: ["3 for 2"] });
    expect(applyPromotions([yoghurt(7)], { automatic: [threeForTwo], code: null }).discountCents).toBe(398);
  });

  it("never applies a multi-buy to weighed items", () => {
    const bananas = line({ variantId: 10, sellingMode: "weight", quantity: 3000, unitPriceCents: 199, lineTotalCents: 597 });
    expect(applyPromotions([bananas], { automatic: [threeForTwo], code: null }).discountCents).toBe(0);
  });

  it("takes a percent off lines in the category or any subcategory, and nothing elsewhere", () => {
    const milk = line({ variantId: 20, categoryIds: [7, 5], unitPriceCents: 125, quantity: 2 });
    const bread = line({ variantId: 21, categoryIds: [8], unitPriceCents: 300 });
    const result = applyPromotions([milk, bread], { automatic: [dairy], code: null });
    expect(result.lines.map((l) => l.discountCents)).toEqual([25, 0]);
    expect(result.lines[0].reasons).toEqual(["10% off Dairy"]);
  });

  it("applies only the better automatic promotion to a line", () => {
    const yoghurt = line({ variantId: 10, categoryIds: [5], quantity: 3, unitPriceCents: 199 });
    const result = applyPromotions([yoghurt], { automatic: [dairy, threeForTwo], code: null });
    expect(result.lines[0]).toMatchObject({ discountCents: 199, ruleId: 1, reasons: ["3 for 2"] });
    expect(result.applied).toEqual([{ promotionId: 1, discountCents: 199 }]);
  });
});

describe("codes", () => {
  it("applies a percent on the subtotal after automatic discounts, spread pro rata over the lines", () => {
    const yoghurt = line({ variantId: 10, quantity: 3, unitPriceCents: 200 });
    const bread = line({ variantId: 30, unitPriceCents: 300 });
    const result = applyPromotions([yoghurt, bread], { automatic: [threeForTwo], code: welcome });
    // 600 + 300 = 900, −200 (3 for 2) = 700, −10 % = 70, split 400:300.
    expect(result).toMatchObject({ subtotalCents: 900, automaticCents: 200, codeCents: 70, discountCents: 270, codeReason: "WELCOME10 −10%" });
    expect(result.lines.map((l) => l.codeCents)).toEqual([40, 30]);
    expect(result.lines[0].reasons).toEqual(["3 for 2", "WELCOME10 −10%"]);
  });

  it("caps a fixed code at what is left to pay", () => {
    expect(codeDiscountCents(fiver, 320)).toBe(320);
    expect(codeDiscountCents(fiver, 2_000)).toBe(500);
    const result = applyPromotions([line({ variantId: 1, unitPriceCents: 320 })], { automatic: [], code: fiver });
    expect(result.lines[0]).toMatchObject({ discountCents: 320, reasons: ["FIVE −€5.00"] });
  });

  it("spreads with the largest remainder, never giving a line more than it has", () => {
    expect(spreadProRata(10, [1, 1, 1])).toEqual([1, 1, 1]);
    expect(spreadProRata(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(spreadProRata(100, [100, 200, 100])).toEqual([25, 50, 25]);
    expect(spreadProRata(100, [1, 2, 1])).toEqual([1, 2, 1]);
    expect(spreadProRata(5, [0, 0])).toEqual([0, 0]);
  });
});

const lineArb = fc.record({
  variantId: fc.integer({ min: 1, max: 1_000_000 }),
  productId: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
  categoryIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { maxLength: 3 }),
  sellingMode: fc.constantFrom("unit" as const, "weight" as const),
  quantity: fc.integer({ min: 1, max: 99 }),
  unitPriceCents: fc.integer({ min: 1, max: 5_000 }),
  vatRateBp: fc.constantFrom(550, 1_000, 2_000),
}).map((l) => ({ ...l, lineTotalCents: l.sellingMode === "unit" ? l.unitPriceCents * l.quantity : Math.round((l.unitPriceCents * l.quantity * 10) / 1000) }));

const ruleArb: fc.Arbitrary<AutomaticRule> = fc.oneof(
  fc.record({ id: fc.integer({ min: 1, max: 50 }), productId: fc.integer({ min: 1, max: 4 }), pay: fc.integer({ min: 1, max: 5 }), extra: fc.integer({ min: 1, max: 3 }) }).map(
    (r): AutomaticRule => ({ id: r.id, kind: "multibuy", name: "m", productId: r.productId, buyQuantity: r.pay + r.extra, payQuantity: r.pay }),
  ),
  fc.record({ id: fc.integer({ min: 51, max: 99 }), categoryId: fc.integer({ min: 1, max: 4 }), percentBp: fc.integer({ min: 1, max: 10_000 }) }).map(
    (r): AutomaticRule => ({ ...r, kind: "category_percent", name: "c", categoryName: "Cat" }),
  ),
);

const codeArb: fc.Arbitrary<CodeRule | null> = fc.option(
  fc.oneof(
    fc.integer({ min: 1, max: 10_000 }).map((percentBp): CodeRule => ({ id: 100, code: "P", discountType: "percent", percentBp, amountCents: null })),
    fc.integer({ min: 1, max: 100_000 }).map((amountCents): CodeRule => ({ id: 100, code: "F", discountType: "fixed", percentBp: null, amountCents })),
  ),
  { nil: null },
);

describe("properties", () => {
  it("never takes more than a line or the basket holds, never less than nothing, and adds up to the cent", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.array(ruleArb, { maxLength: 4 }), codeArb, (lines, automatic, code) => {
        const result = applyPromotions(lines, { automatic, code });
        result.lines.forEach((d, i) => {
          expect(d.discountCents).toBeGreaterThanOrEqual(0);
          expect(d.automaticCents).toBeGreaterThanOrEqual(0);
          expect(d.codeCents).toBeGreaterThanOrEqual(0);
          expect(d.discountCents).toBe(d.automaticCents + d.codeCents);
          expect(d.discountCents).toBeLessThanOrEqual(lines[i].lineTotalCents);
          expect(Number.isInteger(d.discountCents)).toBe(true);
        });
        const sum = (f: (d: (typeof result.lines)[number]) => number) => result.lines.reduce((s, d) => s + f(d), 0);
        expect(sum((d) => d.codeCents)).toBe(result.codeCents);
        expect(sum((d) => d.automaticCents)).toBe(result.automaticCents);
        expect(result.discountCents).toBe(result.automaticCents + result.codeCents);
        expect(result.discountCents).toBeLessThanOrEqual(result.subtotalCents);
        expect(result.applied.reduce((s, a) => s + a.discountCents, 0)).toBe(result.discountCents);
        if (code?.discountType === "fixed") expect(result.codeCents).toBe(Math.min(code.amountCents!, result.subtotalCents - result.automaticCents));
      }),
      { numRuns: 500 },
    );
  });

  it("a percent code takes its percent of what is left after automatic discounts, to the cent", () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.array(ruleArb, { maxLength: 4 }), fc.integer({ min: 1, max: 10_000 }), (lines, automatic, percentBp) => {
        const result = applyPromotions(lines, { automatic, code: { id: 100, code: "P", discountType: "percent", percentBp, amountCents: null } });
        const left = result.subtotalCents - result.automaticCents;
        expect(Math.abs(result.codeCents - (left * percentBp) / 10_000)).toBeLessThanOrEqual(0.5);
      }),
    );
  });

  it("spreading never exceeds a weight and adds up to the amount", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 200_000 }), (weights, total) => {
        const parts = spreadProRata(total, weights);
        parts.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(weights[i]);
        });
        expect(parts.reduce((s, p) => s + p, 0)).toBe(Math.min(total, weights.reduce((s, w) => s + w, 0)));
      }),
    );
  });
});
