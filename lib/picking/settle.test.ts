import { describe, expect, it } from "vitest";
import type { LineSubstitute } from "@/db/schema";
import type { PromotionSnapshot } from "@/lib/promotions/basket";
import { pickedDiscounts, pickedPromotions, pickTotals, settleLine, type DiscountableLine, type PickableLine } from "./settle";

const yoghurt: PickableLine = { sellingMode: "unit", unitPriceCents: 250, quantity: 3, lineTotalCents: 750, substitution: "allow", variantId: 1, vatRateBp: 550 };
const apples: PickableLine = { sellingMode: "weight", unitPriceCents: 399, quantity: 1000, lineTotalCents: 399, substitution: "refuse", variantId: 2, vatRateBp: 550 };
const substitute = (over: Partial<LineSubstitute> = {}): LineSubstitute => ({
  variantId: 9,
  productName: "Skyr",
  sizeLabel: "450 g",
  sku: "SKY-1",
  sellingMode: "unit",
  unitPriceCents: 200,
  vatRateBp: 550,
  quantity: 3,
  ...over,
});

describe("settling a picked line (issue 7)", () => {
  it("charges a weighed line at its actual weight, 15 % heavier included", () => {
    expect(settleLine(apples, { kind: "picked", quantity: 1150 })).toEqual({
      ok: true,
      line: { pickStatus: "picked", pickedQuantity: 1150, pickedTotalCents: 459, substitute: null },
    });
  });

  it("refuses a weight more than twice what was ordered, and counts above what was ordered", () => {
    expect(settleLine(apples, { kind: "picked", quantity: 2001 }).ok).toBe(false);
    expect(settleLine(yoghurt, { kind: "picked", quantity: 4 }).ok).toBe(false);
    expect(settleLine(yoghurt, { kind: "picked", quantity: 0 }).ok).toBe(false);
    expect(settleLine(yoghurt, { kind: "picked", quantity: 1.5 }).ok).toBe(false);
  });

  it("treats fewer items than ordered as missing in part, charged for what was found", () => {
    expect(settleLine(yoghurt, { kind: "picked", quantity: 2 })).toMatchObject({ ok: true, line: { pickStatus: "missing", pickedQuantity: 2, pickedTotalCents: 500 } });
    expect(settleLine(yoghurt, { kind: "missing", found: 1 })).toMatchObject({ ok: true, line: { pickStatus: "missing", pickedQuantity: 1, pickedTotalCents: 250 } });
    expect(settleLine(yoghurt, { kind: "missing", found: 0 })).toMatchObject({ ok: true, line: { pickStatus: "missing", pickedTotalCents: 0 } });
    expect(settleLine(yoghurt, { kind: "missing", found: 3 }).ok).toBe(false);
  });

  it("charges a substitute at its own price, never more than the original line", () => {
    expect(settleLine(yoghurt, { kind: "substituted", substitute: substitute() })).toMatchObject({ ok: true, line: { pickStatus: "substituted", pickedTotalCents: 600 } });
    expect(settleLine(yoghurt, { kind: "substituted", substitute: substitute({ unitPriceCents: 400 }) })).toMatchObject({ ok: true, line: { pickedTotalCents: 750 } });
  });

  it("substitutes only where the shopper allowed it, and only with another product", () => {
    expect(settleLine(apples, { kind: "substituted", substitute: substitute() })).toEqual({ ok: false, message: "The customer did not allow a substitute for this item." });
    expect(settleLine(yoghurt, { kind: "substituted", substitute: substitute({ variantId: 1 }) }).ok).toBe(false);
  });
});

describe("the picked total (issue 7)", () => {
  it("adds the lines' picked prices and the delivery fee, VAT per rate with the substitute's own rate", () => {
    const totals = pickTotals(
      [
        { vatRateBp: 550, pickStatus: "picked", pickedTotalCents: 459, substitute: null },
        { vatRateBp: 550, pickStatus: "missing", pickedTotalCents: 0, substitute: null },
        { vatRateBp: 550, pickStatus: "substituted", pickedTotalCents: 600, substitute: substitute({ vatRateBp: 2000 }) },
      ],
      499,
    );
    expect(totals.itemsCents).toBe(1059);
    expect(totals.totalCents).toBe(1558);
    expect(totals.vat.map((v) => [v.rateBp, v.grossCents])).toEqual([
      [550, 459],
      [2000, 600 + 499],
    ]);
  });
});

describe("promotions on what was picked (issue 8)", () => {
  const snapshot = (code: PromotionSnapshot["code"]): PromotionSnapshot => ({
    automatic: [{ id: 1, kind: "multibuy", name: "3 for 2", productId: 10, buyQuantity: 3, payQuantity: 2 }],
    code,
    lines: [
      { variantId: 1, productId: 10, categoryIds: [] },
      { variantId: 2, productId: 20, categoryIds: [] },
    ],
  });
  const percent = { id: 5, code: "TEN", discountType: "percent" as const, percentBp: 1_000, amountCents: null };
  const fixed = { id: 6, code: "FIVE", discountType: "fixed" as const, percentBp: null, amountCents: 500 };
  const picked = (line: PickableLine, quantity: number, total: number, status: DiscountableLine["pickStatus"] = "picked"): DiscountableLine => ({
    ...line,
    pickStatus: status,
    pickedQuantity: quantity,
    pickedTotalCents: total,
  });

  it("recomputes the multi-buy on the picked quantity and the percent code on the picked amounts", () => {
    expect(pickedDiscounts([picked(yoghurt, 3, 750), picked(apples, 1100, 439)], snapshot(percent))).toEqual([250 + 50, 44]);
    expect(pickedDiscounts([picked(yoghurt, 2, 500, "missing"), picked(apples, 1100, 439)], snapshot(percent))).toEqual([50, 44]);
  });

  it("keeps a fixed code fixed, capped at what was picked, and gives a substitute no multi-buy", () => {
    expect(pickedDiscounts([picked(yoghurt, 0, 0, "missing"), picked(apples, 1000, 399)], snapshot(fixed))).toEqual([0, 399]);
    const discounts = pickedDiscounts([picked(yoghurt, 0, 600, "substituted"), picked(apples, 1000, 399)], snapshot(fixed));
    expect(discounts.reduce((a, b) => a + b, 0)).toBe(500);
    const totals = pickTotals(
      [picked(yoghurt, 0, 600, "substituted"), picked(apples, 1000, 399)].map((l, i) => ({ ...l, substitute: null, discountCents: discounts[i] })),
      0,
    );
    expect(totals).toMatchObject({ itemsCents: 999, discountCents: 500, totalCents: 499 });
    expect(totals.vat.reduce((s, v) => s + v.grossCents, 0)).toBe(499);
  });

  it("says why each line is discounted (what an order's lines show)", () => {
    expect(pickedPromotions([picked(yoghurt, 3, 750), picked(apples, 1100, 439)], snapshot(percent)).map((l) => l.reasons)).toEqual([["3 for 2", "TEN −10%"], ["TEN −10%"]]);
  });

  it("takes nothing off an order placed without promotions", () => {
    expect(pickedDiscounts([picked(yoghurt, 3, 750)], null)).toEqual([0]);
    expect(pickedPromotions([picked(yoghurt, 3, 750)], null)).toEqual([{ discountCents: 0, reasons: [] }]);
  });
});
