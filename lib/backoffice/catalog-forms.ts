// The catalog editors' forms as zod schemas: what the marketing back office accepts for a
// product, a variant, a store price, a scheduled price change and a category. Shared by the
// server actions (lib/backoffice/catalog-actions.ts) and the CSV import, so both refuse alike.
import { z } from "zod";
import { isValidEan13 } from "@/db/seed/codes";
import { dietaryTag, sellingMode, unitPriceBasis, type DietaryTag } from "@/db/schema";
import { INT4_MAX } from "@/lib/ids";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { zonedTime } from "@/lib/time/zoned";

/** French VAT rates in basis points: 0 %, 2.1 %, 5.5 % (food), 10 %, 20 %. */
export const VAT_RATES_BP = [0, 210, 550, 1000, 2000] as const;
export const DIETARY_TAGS = dietaryTag.enumValues;
export const SELLING_MODES = sellingMode.enumValues;
export const UNIT_PRICE_BASES = unitPriceBasis.enumValues;
/** A dietary tag's checkbox is named `diet-<tag>`. */
export const dietField = (tag: DietaryTag) => `diet-${tag}`;

const id = (message: string) => z.coerce.number(message).int(message).min(1, message).max(INT4_MAX, message);
/** "1990" → 1990, "" → null; whole numbers in 1…max. */
const optionalCount = (message: string, max: number) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (!v) return null;
      const n = Number(v);
      if (!/^\d+$/.test(v) || n < 1 || n > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return n;
    });

/** An optional choice from a list of rows ("" when none). */
const optionalId = (message: string) => optionalCount(message, INT4_MAX);

/** "2.49" or "2,49" (euros) → 249 cents; refuses 0, negatives, more than 2 decimals and over €99,999.99. */
export function parseEuros(text: string): number | null {
  const match = /^(\d{1,5})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const cents = Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
  return cents > 0 ? cents : null;
}

export const euros = (message = "Enter a price in euros, like 2.49.") =>
  z.string(message).transform((v, ctx) => {
    const cents = parseEuros(v);
    if (cents === null) {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }
    return cents;
  });

/** Plain text on one line: no control characters. */
const line = (label: string, max: number) =>
  z
    .string(`Enter the ${label}.`)
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `Use at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use one line of plain text.");

export const productFields = {
  name: line("product's name", 120),
  description: z.string().trim().max(5000, "Use at most 5,000 characters.").default(""),
  brandId: optionalId("Choose a brand from the list."),
  newBrand: z.string().trim().max(80, "Use at most 80 characters.").default(""),
  categoryId: id("Choose a category."),
  vatRate: z.coerce.number("Choose a VAT rate.").refine((v) => (VAT_RATES_BP as readonly number[]).includes(v), "Choose a VAT rate."),
  keywords: z.string().trim().max(300, "Use at most 300 characters.").default(""),
};

export const variantFields = {
  sku: z
    .string("Enter the SKU.")
    .trim()
    .min(1, "Enter the SKU.")
    .max(40, "Use at most 40 characters.")
    .regex(/^[A-Za-z0-9._-]+$/, "Use letters, digits, dots, dashes and underscores only."),
  ean: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || /^\d{13}$/.test(v), "An EAN has 13 digits.")
    .refine((v) => v === "" || !/^\d{13}$/.test(v) || isValidEan13(v), "This EAN's check digit is wrong: check the number."),
  sizeLabel: line("size shown to shoppers, like 500 g", 40),
  sellingMode: z.enum(SELLING_MODES, "Choose how it is sold."),
  weightStepGrams: optionalCount("Enter the step in grams, like 250.", 5000),
  netQuantity: optionalCount("Enter a whole number, like 500.", 1_000_000),
  unitPriceBasis: z.enum(UNIT_PRICE_BASES, "Choose what the unit price is per."),
  price: euros(),
};

export type VariantForm = { sellingMode: string; weightStepGrams: number | null; unitPriceBasis: string };

/** A weighed variant needs its step and is priced per kg. */
export function checkSellingMode(form: VariantForm, ctx: z.RefinementCtx) {
  if (form.sellingMode === "weight" && form.weightStepGrams === null) ctx.addIssue({ code: "custom", path: ["weightStepGrams"], message: "A weighed product needs its step in grams, like 250." });
  if (form.sellingMode === "weight" && form.unitPriceBasis !== "kg") ctx.addIssue({ code: "custom", path: ["unitPriceBasis"], message: "A weighed product is priced per kg." });
}

/** Ticked dietary checkboxes (`diet-<tag>`), in the enum's order. */
function withDiets<T extends z.ZodRawShape>(shape: T) {
  return z.looseObject(shape).transform((form) => ({ ...form, dietaryTags: DIETARY_TAGS.filter((tag) => (form as Record<string, unknown>)[dietField(tag)] === "on") }));
}

export const productSchema = withDiets({ productId: id("Unknown product."), ...productFields });
export const newProductSchema = withDiets({ ...productFields, ...variantFields }).superRefine(checkSellingMode);
export const variantSchema = z.object({ productId: id("Unknown product."), variantId: optionalId("Unknown variant."), ...variantFields }).superRefine(checkSellingMode);

export const archiveSchema = z.object({ productId: id("Unknown product."), active: z.enum(["true", "false"]).transform((v) => v === "true") });

export const storePriceSchema = z.object({
  productId: id("Unknown product."),
  variantId: id("Choose a variant."),
  storeId: id("Choose a store."),
  intent: z.enum(["set", "clear"]).default("set"),
  price: z.string().default(""),
}).transform((form, ctx) => {
  if (form.intent === "clear") return { ...form, priceCents: null };
  const cents = parseEuros(form.price);
  if (cents === null) {
    ctx.addIssue({ code: "custom", path: ["price"], message: "Enter a price in euros, like 2.49." });
    return z.NEVER;
  }
  return { ...form, priceCents: cents };
});

/** "2026-12-24T08:00" in the shop's time zone → the instant; null when it is not such a time. */
export function parseShopDateTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || h > 23 || mi > 59) return null;
  return zonedTime(day, h * 60 + mi, SHOP_TIME_ZONE);
}

export const scheduleSchema = z.object({
  productId: id("Unknown product."),
  variantId: id("Choose a variant."),
  storeId: optionalId("Choose a store, or national."),
  price: euros(),
  effectiveAt: z.string("Enter the date and time.").transform((v, ctx) => {
    const at = parseShopDateTime(v);
    if (!at) ctx.addIssue({ code: "custom", message: "Enter the date and time, like 2026-12-24 08:00." });
    else if (at.getTime() <= Date.now()) ctx.addIssue({ code: "custom", message: "Choose a time in the future." });
    else if (at.getTime() > Date.now() + 366 * 86_400_000) ctx.addIssue({ code: "custom", message: "Choose a time within a year." });
    return at ?? new Date(0);
  }),
});

export const cancelScheduleSchema = z.object({ productId: id("Unknown product."), changeId: id("Unknown price change.") });

const categoryName = line("category's name", 80);
export const newCategorySchema = z.object({ name: categoryName, parentId: optionalId("Choose a parent from the list.") });
export const renameCategorySchema = z.object({ categoryId: id("Unknown category."), name: categoryName });
export const moveCategorySchema = z.object({ categoryId: id("Unknown category."), parentId: optionalId("Choose a parent from the list.") });
export const reorderCategorySchema = z.object({ categoryId: id("Unknown category."), direction: z.enum(["up", "down"], "Choose up or down.") });

/** A catalog CSV upload: at most 1 MB (the server actions' body limit), checked or imported. */
export const importSchema = z.object({
  file: z
    .instanceof(File, { message: "Choose a CSV file." })
    .refine((f) => f.size > 0, "Choose a CSV file.")
    .refine((f) => f.size <= 1_000_000, "The file is larger than 1 MB: split it."),
  intent: z.enum(["check", "apply"], "Choose Check or Import."),
});
