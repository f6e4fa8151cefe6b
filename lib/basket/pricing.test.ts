import { describe, expect, it } from "vitest";
import {
  authorizationCents,
  quantityOptions,
  basketTotals,
  deliveryFeeCents,
  largestQuantityWithin,
  lineEstimateCents,
  validateQuantity,
  vatBreakdown,
  vatOfGross,
  type PricedLine,
} from "./pricing";

const yoghurt = { sellingMode: "unit", priceCents: 199, weightStepGrams: null } as const;
const bananas = { sellingMode: "weight", priceCents: 199, weightStepGrams: 250 } as const;

describe("line estimates", () => {
  it("multiplies unit items and prices weighed items per kg, rounded to the cent", () => {
    expect(lineEstimateCents(yoghurt, 3)).toBe(597);
    expect(lineEstimateCents(bananas, 1000)).toBe(199);
    expect(lineEstimateCents(bananas, 750)).toBe(149); // 149.25
    expect(lineEstimateCents(bananas, 1250)).toBe(249); // 248.75
    expect(lineEstimateCents({ ...bananas, priceCents: 2 }, 250)).toBe(1); // 0.5 rounds half up
  });
});

describe("quantity validation", () => {
  it("accepts whole items up to 99 and weights in steps up to 10 kg", () => {
    expect(validateQuantity(yoghurt, 1)).toEqual({ ok: true, quantity: 1 });
    expect(validateQuantity(yoghurt, 99)).toEqual({ ok: true, quantity: 99 });
    expect(validateQuantity(bananas, 250)).toEqual({ ok: true, quantity: 250 });
    expect(validateQuantity(bananas, 10_000)).toEqual({ ok: true, quantity: 10_000 });
  });

  it.each([
    [0, "Choose at least 1 item."],
    [-2, "The quantity cannot be negative."],
    [1.5, "Choose a whole number of items."],
    [Number.NaN, "Enter a quantity as a whole number."],
    ["3", "Enter a quantity as a whole number."],
    [100, "You can order at most 99 of an item."],
    [1e21, "You can order at most 99 of an item."],
    [Number.POSITIVE_INFINITY, "You can order at most 99 of an item."],
  ])("refuses %s items with a clear message", (quantity, message) => {
    expect(validateQuantity(yoghurt, quantity)).toEqual({ ok: false, message });
  });

  it.each([
    [0, "Choose at least 250 g."],
    [-250, "The quantity cannot be negative."],
    [300, "Choose a weight in steps of 250 g."],
    [250.5, "Choose a weight in steps of 250 g."],
    [Number.NaN, "Enter a weight in grams."],
    [10_250, "You can order at most 10 kg of a weighed item."],
  ])("refuses %s g of a weighed item with a clear message", (grams, message) => {
    expect(validateQuantity(bananas, grams)).toEqual({ ok: false, message });
  });

  it("finds the largest valid quantity within a stock limit", () => {
    expect(largestQuantityWithin(yoghurt, 3)).toBe(3);
    expect(largestQuantityWithin(yoghurt, 500)).toBe(99);
    expect(largestQuantityWithin(bananas, 1_100)).toBe(1_000);
    expect(largestQuantityWithin(bananas, 200)).toBe(0);
    expect(largestQuantityWithin(bananas, -5)).toBe(0);
  });
});

describe("delivery fee", () => {
  it("charges €4.99 below €50, nothing from €50, and nothing for collection", () => {
    expect(deliveryFeeCents("delivery", 4_999)).toBe(499);
    expect(deliveryFeeCents("delivery", 5_000)).toBe(0);
    expect(deliveryFeeCents("collection", 1_000)).toBe(0);
    expect(deliveryFeeCents("delivery", 0)).toBe(0);
  });
});

describe("VAT", () => {
  it("extracts VAT from VAT-inclusive prices", () => {
    expect(vatOfGross(1_055, 550)).toBe(55);
    expect(vatOfGross(499, 2_000)).toBe(83); // 83.17
    expect(vatOfGross(0, 2_000)).toBe(0);
  });

  it("groups amounts per rate before rounding, lowest rate first", () => {
    expect(
      vatBreakdown([
        { grossCents: 499, rateBp: 2_000 },
        { grossCents: 100, rateBp: 550 },
        { grossCents: 100, rateBp: 550 },
      ]),
    ).toEqual([
      { rateBp: 550, grossCents: 200, vatCents: 10, netCents: 190 },
      { rateBp: 2_000, grossCents: 499, vatCents: 83, netCents: 416 },
    ]);
  });
});

describe("basket totals", () => {
  const lines: PricedLine[] = [
    { ...yoghurt, quantity: 2, vatRateBp: 550 }, // 398
    { ...bananas, quantity: 1_250, vatRateBp: 550 }, // 249
    { sellingMode: "unit", priceCents: 350, weightStepGrams: null, quantity: 1, vatRateBp: 2_000 }, // 350
  ];

  it("adds lines, the delivery fee at 20 % VAT, and a 10 % buffer on weighed lines", () => {
    const totals = basketTotals(lines, "delivery");
    expect(totals).toMatchObject({
      subtotalCents: 997,
      deliveryFeeCents: 499,
      totalCents: 1_496,
      weighedEstimateCents: 249,
      authorizedCents: 1_496 + 25, // 24.9 rounded up
      freeDeliveryRemainingCents: 4_003,
    });
    expect(totals.vat).toEqual([
      { rateBp: 550, grossCents: 647, vatCents: 34, netCents: 613 },
      { rateBp: 2_000, grossCents: 849, vatCents: 142, netCents: 707 },
    ]);
    expect(totals.vat.reduce((sum, v) => sum + v.grossCents, 0)).toBe(totals.totalCents);
  });

  it("charges no fee for collection and authorises the total when nothing is weighed", () => {
    const totals = basketTotals([lines[0]], "collection");
    expect(totals).toMatchObject({ subtotalCents: 398, deliveryFeeCents: 0, totalCents: 398, authorizedCents: 398 });
    expect(totals.vat).toEqual([{ rateBp: 550, grossCents: 398, vatCents: 21, netCents: 377 }]);
  });

  it("takes promotions off the total and computes VAT on the discounted lines; delivery stays on the subtotal before them", () => {
    const discounted = [{ ...lines[0], discountCents: 199 }, lines[1], { ...lines[2], discountCents: 35 }];
    const totals = basketTotals(discounted, "delivery");
    expect(totals).toMatchObject({ subtotalCents: 997, discountCents: 234, deliveryFeeCents: 499, totalCents: 1_262, authorizedCents: 1_262 + 25 });
    expect(totals.vat).toEqual([
      { rateBp: 550, grossCents: 448, vatCents: 23, netCents: 425 },
      { rateBp: 2_000, grossCents: 814, vatCents: 136, netCents: 678 },
    ]);
    expect(totals.vat.reduce((sum, v) => sum + v.grossCents, 0)).toBe(totals.totalCents);
  });

  it("rounds the buffer up to the cent", () => {
    expect(authorizationCents(1_000, 1)).toBe(1_001);
    expect(authorizationCents(1_000, 10)).toBe(1_001);
    expect(authorizationCents(1_000, 11)).toBe(1_002);
  });
});

describe("quantityOptions", () => {
  it("offers 1 to 10 items", () => {
    const options = quantityOptions({ sellingMode: "unit", priceCents: 129, weightStepGrams: null });
    expect(options.map((o) => o.value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(options[2].label).toBe("3");
  });

  it("offers weight steps with their estimated price, and keeps a current quantity outside the list", () => {
    const bananas = { sellingMode: "weight" as const, priceCents: 199, weightStepGrams: 250 };
    const options = quantityOptions(bananas, 3000);
    expect(options[0]).toEqual({ value: 250, label: "250 g · about €0.50" });
    expect(options.at(-2)?.value).toBe(2500);
    expect(options.at(-1)).toEqual({ value: 3000, label: "3 kg · about €5.97" });
  });
});
