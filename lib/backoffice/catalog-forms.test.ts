import { describe, expect, it } from "vitest";
import { slugify } from "@/db/queries/catalog-admin";
import { archiveSchema, moveCategorySchema, newProductSchema, parseEuros, parseShopDateTime, scheduleSchema, storePriceSchema } from "./catalog-forms";

const goodProduct = {
  name: "Strawberry Jam",
  description: "",
  categoryId: "3",
  vatRate: "550",
  sku: "JAM-1",
  ean: "3760000000017",
  sizeLabel: "370 g",
  sellingMode: "unit",
  netQuantity: "370",
  unitPriceBasis: "kg",
  price: "3.49",
};

const errorsOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("catalog forms", () => {
  it("reads euros as integer cents and refuses what is not a price", () => {
    expect(parseEuros("2.49")).toBe(249);
    expect(parseEuros("2,5")).toBe(250);
    expect(parseEuros(" 12 ")).toBe(1200);
    for (const bad of ["0", "0.00", "-1", "1.999", "1e3", "", "100000", "€2"]) expect(parseEuros(bad), bad).toBeNull();
  });

  it("reads a Paris wall-clock time, across summer time", () => {
    expect(parseShopDateTime("2026-12-24T08:00")?.toISOString()).toBe("2026-12-24T07:00:00.000Z");
    expect(parseShopDateTime("2026-07-01T08:00")?.toISOString()).toBe("2026-07-01T06:00:00.000Z");
    for (const bad of ["2026-02-30T08:00", "2026-12-24T25:00", "tomorrow", ""]) expect(parseShopDateTime(bad), bad).toBeNull();
  });

  it("accepts a complete product with its first variant, ticked diets included", () => {
    const parsed = newProductSchema.parse({ ...goodProduct, "diet-vegan": "on", "diet-organic": "on" });
    expect(parsed).toMatchObject({ name: "Strawberry Jam", categoryId: 3, vatRate: 550, price: 349, netQuantity: 370, brandId: null, weightStepGrams: null });
    expect(parsed.dietaryTags).toEqual(["organic", "vegan"]);
  });

  it("puts each error on its own field", () => {
    const result = newProductSchema.safeParse({ ...goodProduct, name: " ", ean: "3760000000010", vatRate: "7", price: "free", sku: "a b" });
    expect(errorsOf(result)).toEqual({
      name: "Enter the product's name.",
      ean: "This EAN's check digit is wrong: check the number.",
      vatRate: "Choose a VAT rate.",
      price: "Enter a price in euros, like 2.49.",
      sku: "Use letters, digits, dots, dashes and underscores only.",
    });
    expect(errorsOf(newProductSchema.safeParse({ ...goodProduct, ean: "123" }))).toEqual({ ean: "An EAN has 13 digits." });
    expect(errorsOf(newProductSchema.safeParse({ ...goodProduct, name: "Jam\u0007" }))).toEqual({ name: "Use one line of plain text." });
  });

  it("asks a weighed product for its step and a per-kg basis", () => {
    const result = newProductSchema.safeParse({ ...goodProduct, sellingMode: "weight", unitPriceBasis: "piece" });
    expect(errorsOf(result)).toEqual({ weightStepGrams: "A weighed product needs its step in grams, like 250.", unitPriceBasis: "A weighed product is priced per kg." });
    expect(newProductSchema.safeParse({ ...goodProduct, sellingMode: "weight", unitPriceBasis: "kg", weightStepGrams: "250" }).success).toBe(true);
  });

  it("sets or clears a store price", () => {
    expect(storePriceSchema.parse({ productId: "1", variantId: "2", storeId: "3", price: "1.50" }).priceCents).toBe(150);
    expect(storePriceSchema.parse({ productId: "1", variantId: "2", storeId: "3", intent: "clear" }).priceCents).toBeNull();
    expect(errorsOf(storePriceSchema.safeParse({ productId: "1", variantId: "2", storeId: "3", price: "" }))).toEqual({ price: "Enter a price in euros, like 2.49." });
  });

  it("schedules only in the future, nationally or at a store", () => {
    const base = { productId: "1", variantId: "2", price: "1.00" };
    const nextYear = `${new Date().getFullYear() + 1}-01-01T08:00`;
    expect(scheduleSchema.parse({ ...base, storeId: "", effectiveAt: nextYear }).storeId).toBeNull();
    expect(scheduleSchema.parse({ ...base, storeId: "3", effectiveAt: nextYear }).storeId).toBe(3);
    expect(errorsOf(scheduleSchema.safeParse({ ...base, effectiveAt: "2020-01-01T08:00" }))).toEqual({ effectiveAt: "Choose a time in the future." });
  });

  it("reads ids strictly", () => {
    expect(moveCategorySchema.parse({ categoryId: "4", parentId: "" })).toEqual({ categoryId: 4, parentId: null });
    expect(moveCategorySchema.safeParse({ categoryId: "4", parentId: "1.5" }).success).toBe(false);
    expect(archiveSchema.parse({ productId: "9", active: "false" })).toEqual({ productId: 9, active: false });
  });

  it("makes slugs from names", () => {
    expect(slugify("Crème fraîche 30 %")).toBe("creme-fraiche-30");
    expect(slugify("<script>")).toBe("script");
    expect(slugify("!!!")).toBe("item");
  });
});
