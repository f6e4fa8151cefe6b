import { describe, expect, it } from "vitest";
import { badgeLabel, badgeText, promotionExplanation, type ShelfPromotion } from "./badges";

const threeForTwo: ShelfPromotion = { id: 1, kind: "multibuy", buyQuantity: 3, payQuantity: 2 };
const dairy: ShelfPromotion = { id: 2, kind: "category_percent", percentBp: 1_250, categoryName: "Dairy" };

describe("promotion badges", () => {
  it("says a multi-buy as the basket does, with a label and a line that explain it", () => {
    expect(badgeText(threeForTwo)).toBe("3 for 2");
    expect(badgeLabel(threeForTwo)).toBe("Promotion: buy 3, pay for 2");
    expect(promotionExplanation(threeForTwo)).toBe("Buy 3, pay for 2 — applied in your basket.");
  });

  it("says a category percent as a minus, its label and line naming the category", () => {
    expect(badgeText(dairy)).toBe("−12.5%");
    expect(badgeLabel(dairy)).toBe("Promotion: 12.5% off Dairy");
    expect(promotionExplanation(dairy)).toBe("12.5% off everything in Dairy — applied in your basket.");
  });
});
