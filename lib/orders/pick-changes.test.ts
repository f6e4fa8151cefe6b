import { describe, expect, it } from "vitest";
import { describeChange, pickChanges, type PickedLine } from "./pick-changes";

const base: PickedLine = {
  productName: "Organic milk",
  sizeLabel: "1 l",
  sellingMode: "unit",
  quantity: 3,
  lineTotalCents: 387,
  pickStatus: "picked",
  pickedQuantity: 3,
  pickedTotalCents: 387,
  substitute: null,
};

describe("pickChanges (issue 7)", () => {
  it("reports nothing for lines picked as ordered", () => {
    expect(pickChanges([base])).toEqual([]);
  });

  it("names a line missing in full and one missing in part", () => {
    const full = { ...base, pickStatus: "missing" as const, pickedQuantity: 0, pickedTotalCents: 0 };
    const part = { ...base, pickStatus: "missing" as const, pickedQuantity: 2, pickedTotalCents: 258 };
    expect(pickChanges([full, part]).map(describeChange)).toEqual([
      "Organic milk (1 l): not available, not charged (€3.87 less).",
      "Organic milk (1 l): only 2 of 3 available, €2.58 instead of €3.87.",
    ]);
  });

  it("names a substitute, its quantity and what it costs", () => {
    const substituted: PickedLine = {
      ...base,
      pickStatus: "substituted",
      pickedTotalCents: 387,
      substitute: { variantId: 9, productName: "Semi-skimmed milk", sizeLabel: "1 l", sku: "M2", sellingMode: "unit", unitPriceCents: 139, vatRateBp: 550, quantity: 3 },
    };
    expect(pickChanges([substituted]).map(describeChange)).toEqual([
      "Organic milk (1 l): replaced by Semi-skimmed milk (1 l), 3 items, €3.87 (ordered: €3.87).",
    ]);
  });

  it("tells a weighed line heavier or lighter than ordered", () => {
    const comte: PickedLine = { ...base, productName: "Comté", sizeLabel: "per kg", sellingMode: "weight", quantity: 1_000, lineTotalCents: 1_290, pickedQuantity: 1_150, pickedTotalCents: 1_484 };
    const changes = pickChanges([comte, { ...comte, pickedQuantity: 900, pickedTotalCents: 1_161 }]);
    expect(changes.map((c) => c.kind === "weight" && c.heavier)).toEqual([true, false]);
    expect(changes.map(describeChange)).toEqual([
      "Comté (per kg): 1.15 kg instead of 1 kg (heavier), €14.84 instead of €12.90.",
      "Comté (per kg): 900 g instead of 1 kg (lighter), €11.61 instead of €12.90.",
    ]);
  });
});
