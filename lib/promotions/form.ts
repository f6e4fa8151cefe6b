// The promotion form of the back office, validated with zod: one flat form whose required fields
// depend on the kind (a code, a multi-buy, a category percent), answered field by field, and
// turned into the row's values (percent in basis points, euros in cents, days in the shop's zone).
import { z } from "zod";
import type { PromotionInput } from "@/db/queries/promotion-admin";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { dayRange, isoDay } from "@/lib/time/zoned";
import { normalizeCode } from "./codes";

const EUROS = /^\d{1,6}([.,]\d{1,2})?$/;
const PERCENT = /^\d{1,3}([.,]\d{1,2})?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Z0-9_-]{3,30}$/;
const WHOLE = /^\d{1,6}$/;

const optionalText = z.string().trim().max(200, "That is too long.").optional().default("");

export const promotionForm = z
  .object({
    id: z.string().regex(/^\d{1,9}$/, "Unknown promotion.").optional(),
    kind: z.enum(["code", "multibuy", "category_percent"], "Choose a kind of promotion."),
    name: z.string().trim().min(1, "Enter a name shoppers will read.").max(100, "Use at most 100 characters."),
    code: optionalText,
    discountType: z.enum(["percent", "fixed"]).optional(),
    percent: optionalText,
    amount: optionalText,
    minBasket: optionalText,
    startsOn: z.string().trim().regex(DAY, "Choose the first day."),
    endsOn: optionalText,
    maxUses: optionalText,
    maxUsesPerCustomer: optionalText,
    productId: optionalText,
    buyQuantity: optionalText,
    payQuantity: optionalText,
    categoryId: optionalText,
  })
  .superRefine((f, ctx) => {
    const need = (ok: boolean, path: string, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
    };
    const percentOk = PERCENT.test(f.percent) && toBp(f.percent) >= 1 && toBp(f.percent) <= 10_000;
    if (f.kind === "code") {
      need(CODE.test(normalizeCode(f.code)), "code", "Use 3 to 30 letters, digits, - or _.");
      need(f.discountType !== undefined, "discountType", "Choose a percent or an amount.");
      if (f.discountType === "percent") need(percentOk, "percent", "Enter a percent between 0.01 and 100.");
      if (f.discountType === "fixed") need(EUROS.test(f.amount) && toCents(f.amount) > 0, "amount", "Enter an amount in euros, like 5 or 4.50.");
      need(f.minBasket === "" || EUROS.test(f.minBasket), "minBasket", "Enter an amount in euros, or leave it empty.");
      need(f.maxUses === "" || (WHOLE.test(f.maxUses) && Number(f.maxUses) > 0), "maxUses", "Enter a whole number above 0, or leave it empty.");
      need(f.maxUsesPerCustomer === "" || (WHOLE.test(f.maxUsesPerCustomer) && Number(f.maxUsesPerCustomer) > 0), "maxUsesPerCustomer", "Enter a whole number above 0, or leave it empty.");
    }
    if (f.kind === "multibuy") {
      need(WHOLE.test(f.productId), "productId", "Choose a product.");
      const buy = Number(f.buyQuantity);
      const pay = Number(f.payQuantity);
      need(WHOLE.test(f.buyQuantity) && buy >= 2 && buy <= 99, "buyQuantity", "Enter how many to buy, from 2 to 99.");
      need(WHOLE.test(f.payQuantity) && pay >= 1 && pay < buy, "payQuantity", "Enter how many are paid for: at least 1, fewer than bought.");
    }
    if (f.kind === "category_percent") {
      need(WHOLE.test(f.categoryId), "categoryId", "Choose a category.");
      need(percentOk, "percent", "Enter a percent between 0.01 and 100.");
    }
    need(f.endsOn === "" || (DAY.test(f.endsOn) && f.endsOn >= f.startsOn), "endsOn", "Choose a last day on or after the first, or leave it empty.");
  });

export type PromotionForm = z.infer<typeof promotionForm>;

function toBp(percent: string): number {
  return Math.round(Number(percent.replace(",", ".")) * 100);
}

function toCents(euros: string): number {
  return Math.round(Number(euros.replace(",", ".")) * 100);
}

const orNull = (value: string, parse: (v: string) => number) => (value === "" ? null : parse(value));

/** The row's values: a promotion runs from the first day's midnight to the end of its last day, shop time. */
export function promotionInput(f: PromotionForm): PromotionInput {
  const code = f.kind === "code";
  const percentKind = (code && f.discountType === "percent") || f.kind === "category_percent";
  return {
    kind: f.kind,
    name: f.name,
    code: code ? normalizeCode(f.code) : null,
    discountType: code ? (f.discountType ?? "percent") : f.kind === "category_percent" ? "percent" : null,
    percentBp: percentKind ? toBp(f.percent) : null,
    amountCents: code && f.discountType === "fixed" ? toCents(f.amount) : null,
    minBasketCents: code && f.minBasket !== "" ? toCents(f.minBasket) : 0,
    startsAt: dayRange(f.startsOn, SHOP_TIME_ZONE).from,
    endsAt: f.endsOn === "" ? null : dayRange(f.endsOn, SHOP_TIME_ZONE).to,
    maxUses: code ? orNull(f.maxUses, Number) : null,
    maxUsesPerCustomer: code ? orNull(f.maxUsesPerCustomer, Number) : null,
    productId: f.kind === "multibuy" ? Number(f.productId) : null,
    buyQuantity: f.kind === "multibuy" ? Number(f.buyQuantity) : null,
    payQuantity: f.kind === "multibuy" ? Number(f.payQuantity) : null,
    categoryId: f.kind === "category_percent" ? Number(f.categoryId) : null,
  };
}

const euros = (cents: number) => (cents / 100).toFixed(2);

/** A promotion as the form's values (editing); the last day is the one before its end. */
export function promotionFormValues(p: PromotionInput & { id: number }): Record<string, string> {
  const text = (n: number | null) => (n === null ? "" : String(n));
  return {
    id: String(p.id),
    name: p.name,
    code: p.code ?? "",
    discountType: p.discountType ?? "percent",
    percent: p.percentBp === null ? "" : String(p.percentBp / 100),
    amount: p.amountCents === null ? "" : euros(p.amountCents),
    minBasket: p.minBasketCents > 0 ? euros(p.minBasketCents) : "",
    startsOn: isoDay(p.startsAt, SHOP_TIME_ZONE),
    endsOn: p.endsAt === null ? "" : isoDay(new Date(p.endsAt.getTime() - 1), SHOP_TIME_ZONE),
    maxUses: text(p.maxUses),
    maxUsesPerCustomer: text(p.maxUsesPerCustomer),
    productId: text(p.productId),
    buyQuantity: text(p.buyQuantity),
    payQuantity: text(p.payQuantity),
    categoryId: text(p.categoryId),
  };
}
