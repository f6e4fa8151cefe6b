// How a picker settles an order line, and what the order comes to once every line is settled.
// Pure: the picking queries (db/queries/picking.ts) check and store what these compute, and the
// picking page shows the same numbers.
import type { LinePickStatus, LineSubstitute, OrderLine } from "@/db/schema";
import { lineEstimateCents, vatBreakdown, BASKET_RULES, type VatLine } from "@/lib/basket/pricing";
import { applyPromotions, type PromoLine } from "@/lib/promotions/apply";
import type { PromotionSnapshot } from "@/lib/promotions/basket";

export type PickableLine = Pick<OrderLine, "sellingMode" | "unitPriceCents" | "quantity" | "lineTotalCents" | "substitution" | "variantId" | "vatRateBp">;

/** What the picker did with a line; quantities in items, or grams for weighed products. */
export type PickOutcome =
  | { kind: "picked"; quantity: number }
  | { kind: "missing"; found: number }
  | { kind: "substituted"; substitute: LineSubstitute };

export type SettledLine = { pickStatus: LinePickStatus; pickedQuantity: number; pickedTotalCents: number; substitute: LineSubstitute | null };

export type SettleResult = { ok: true; line: SettledLine } | { ok: false; message: string };

/** A weighed item may come out heavier than ordered, but not absurdly so (a typo in grams). */
export const MAX_WEIGHT_FACTOR = 2;

const priceOf = (mode: "unit" | "weight", unitPriceCents: number, quantity: number) =>
  lineEstimateCents({ sellingMode: mode, priceCents: unitPriceCents, weightStepGrams: mode === "weight" ? 1 : null }, quantity);

/**
 * Picked: every item ordered (fewer is "missing in part"), or a weighed product's actual weight.
 * Missing: what was found, fewer than ordered (0: none). Substituted: only where the shopper
 * allowed it; charged at the substitute's own price, never more than the original line.
 */
export function settleLine(line: PickableLine, outcome: PickOutcome): SettleResult {
  const weighed = line.sellingMode === "weight";
  switch (outcome.kind) {
    case "picked": {
      const q = outcome.quantity;
      if (!Number.isInteger(q) || q <= 0) return { ok: false, message: weighed ? "Enter the weight in grams." : "Enter how many you picked." };
      if (weighed && q > line.quantity * MAX_WEIGHT_FACTOR) return { ok: false, message: `That is more than twice the ${line.quantity} g ordered. Check the weight.` };
      if (!weighed && q > line.quantity) return { ok: false, message: `The customer ordered ${line.quantity}.` };
      const status: LinePickStatus = !weighed && q < line.quantity ? "missing" : "picked";
      return { ok: true, line: { pickStatus: status, pickedQuantity: q, pickedTotalCents: priceOf(line.sellingMode, line.unitPriceCents, q), substitute: null } };
    }
    case "missing": {
      const found = outcome.found;
      if (!Number.isInteger(found) || found < 0 || found >= line.quantity) {
        return { ok: false, message: `What was found must be between 0 and ${line.quantity - 1}${weighed ? " g" : ""}.` };
      }
      return { ok: true, line: { pickStatus: "missing", pickedQuantity: found, pickedTotalCents: priceOf(line.sellingMode, line.unitPriceCents, found), substitute: null } };
    }
    case "substituted": {
      const s = outcome.substitute;
      if (line.substitution !== "allow") return { ok: false, message: "The customer did not allow a substitute for this item." };
      if (s.variantId === line.variantId) return { ok: false, message: "A substitute must be another product." };
      if (!Number.isInteger(s.quantity) || s.quantity <= 0) return { ok: false, message: "Enter how many of the substitute you picked." };
      const cost = Math.min(priceOf(s.sellingMode, s.unitPriceCents, s.quantity), line.lineTotalCents);
      return { ok: true, line: { pickStatus: "substituted", pickedQuantity: 0, pickedTotalCents: cost, substitute: s } };
    }
  }
}

/** `discountCents`: what promotions take off the picked line (pickedDiscounts); none when absent. */
export type SettledOrderLine = Pick<OrderLine, "vatRateBp" | "pickStatus" | "pickedTotalCents" | "substitute"> & { discountCents?: number };

export type PickTotals = { itemsCents: number; discountCents: number; deliveryFeeCents: number; totalCents: number; vat: VatLine[] };

/**
 * The final total of a picked order and its VAT: each line at its picked price less its discount,
 * at its (substitute's) rate.
 */
export function pickTotals(lines: readonly SettledOrderLine[], deliveryFeeCents: number): PickTotals {
  const itemsCents = lines.reduce((sum, l) => sum + (l.pickedTotalCents ?? 0), 0);
  const amounts = lines.map((l) => ({ grossCents: (l.pickedTotalCents ?? 0) - (l.discountCents ?? 0), rateBp: l.substitute?.vatRateBp ?? l.vatRateBp }));
  const discountCents = lines.reduce((sum, l) => sum + (l.discountCents ?? 0), 0);
  return {
    itemsCents,
    discountCents,
    deliveryFeeCents,
    totalCents: itemsCents - discountCents + deliveryFeeCents,
    vat: vatBreakdown([...amounts, { grossCents: deliveryFeeCents, rateBp: BASKET_RULES.deliveryVatRateBp }]),
  };
}

export type DiscountableLine = PickableLine & Pick<OrderLine, "pickStatus" | "pickedQuantity" | "pickedTotalCents">;

/**
 * The order's promotions applied again to what was picked, with the engine of the basket: a
 * multi-buy on the quantity picked, a percent code on the picked amounts, a fixed code as it was
 * (capped at what is picked). A substitute gets no automatic promotion (it is another product) but
 * its share of the code. A line not settled yet counts as ordered. No snapshot: no discounts.
 */
export function pickedDiscounts(lines: readonly DiscountableLine[], snapshot: PromotionSnapshot | null): number[] {
  return pickedPromotions(lines, snapshot).map((d) => d.discountCents);
}

/**
 * Each line's discount as pickedDiscounts computes it, with its reasons ("3 for 2", "WELCOME10
 * −10%"): what an order's lines show. No snapshot: no discounts, no reasons.
 */
export function pickedPromotions(lines: readonly DiscountableLine[], snapshot: PromotionSnapshot | null): { discountCents: number; reasons: string[] }[] {
  if (!snapshot) return lines.map(() => ({ discountCents: 0, reasons: [] }));
  const facts = new Map(snapshot.lines.map((l) => [l.variantId, l]));
  const promoLines = lines.map((l): PromoLine => {
    const settled = l.pickStatus !== null;
    const fact = l.variantId === null ? undefined : facts.get(l.variantId);
    return {
      variantId: l.variantId ?? 0,
      productId: l.pickStatus === "substituted" ? null : (fact?.productId ?? null),
      categoryIds: fact?.categoryIds ?? [],
      sellingMode: l.sellingMode,
      quantity: settled ? (l.pickedQuantity ?? 0) : l.quantity,
      unitPriceCents: l.unitPriceCents,
      lineTotalCents: settled ? (l.pickedTotalCents ?? 0) : l.lineTotalCents,
      vatRateBp: l.vatRateBp,
    };
  });
  return applyPromotions(promoLines, { automatic: snapshot.automatic, code: snapshot.code }).lines.map(({ discountCents, reasons }) => ({ discountCents, reasons }));
}
