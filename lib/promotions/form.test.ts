import { describe, expect, it } from "vitest";
import { promotionForm, promotionFormValues, promotionInput } from "./form";

const errorsOf = (input: Record<string, string>) => {
  const parsed = promotionForm.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("the promotion form", () => {
  it("turns a 10 % code into its row: basis points, cents, the days in shop time", () => {
    const parsed = promotionForm.parse({ kind: "code", name: "Welcome", code: "welcome10", discountType: "percent", percent: "10", minBasket: "20", startsOn: "2026-12-01", endsOn: "2026-12-31", maxUses: "100", maxUsesPerCustomer: "1" });
    expect(promotionInput(parsed)).toMatchObject({
      code: "WELCOME10",
      discountType: "percent",
      percentBp: 1_000,
      amountCents: null,
      minBasketCents: 2_000,
      startsAt: new Date("2026-11-30T23:00:00Z"),
      endsAt: new Date("2026-12-31T23:00:00Z"),
      maxUses: 100,
      maxUsesPerCustomer: 1,
      productId: null,
    });
  });

  it("shows a saved promotion as the form's values again", () => {
    const input = promotionInput(promotionForm.parse({ kind: "code", name: "Five", code: "FIVE", discountType: "fixed", amount: "5", startsOn: "2026-12-01", endsOn: "2026-12-31" }));
    expect(promotionFormValues({ ...input, id: 4 })).toMatchObject({ id: "4", code: "FIVE", discountType: "fixed", amount: "5.00", startsOn: "2026-12-01", endsOn: "2026-12-31", maxUses: "" });
  });

  it("answers each missing or wrong field beside it, by kind", () => {
    expect(errorsOf({ kind: "code", name: "X", code: "a", startsOn: "2026-12-01" })).toMatchObject({ code: expect.any(String), discountType: expect.any(String) });
    expect(errorsOf({ kind: "code", name: "X", code: "FIVE", discountType: "fixed", amount: "0", startsOn: "2026-12-01" })).toHaveProperty("amount");
    expect(errorsOf({ kind: "multibuy", name: "3 for 2", productId: "", buyQuantity: "2", payQuantity: "2", startsOn: "2026-12-01" })).toMatchObject({
      productId: "Choose a product.",
      payQuantity: expect.any(String),
    });
    expect(errorsOf({ kind: "category_percent", name: "Dairy", categoryId: "3", percent: "150", startsOn: "2026-12-01", endsOn: "2026-11-01" })).toMatchObject({
      percent: expect.any(String),
      endsOn: expect.any(String),
    });
  });

  it("builds a multi-buy and a category percent", () => {
    expect(promotionInput(promotionForm.parse({ kind: "multibuy", name: "3 for 2", productId: "7", buyQuantity: "3", payQuantity: "2", startsOn: "2026-12-01" }))).toMatchObject({
      productId: 7,
      buyQuantity: 3,
      payQuantity: 2,
      code: null,
      discountType: null,
      endsAt: null,
    });
    expect(promotionInput(promotionForm.parse({ kind: "category_percent", name: "Dairy", categoryId: "3", percent: "12,5", startsOn: "2026-12-01" }))).toMatchObject({
      categoryId: 3,
      percentBp: 1_250,
      discountType: "percent",
    });
  });
});
