// Basket arithmetic in integer cents: line estimates, quantity rules, totals, delivery fee, VAT
// breakdown and the card authorisation amount. Pure, so the web layer, workers and tests agree.
import type { Fulfilment, SellingMode } from "@/db/schema";
import { formatCents } from "@/lib/catalog/pricing";

/** The checkout rules, in one place. */
export const BASKET_RULES = {
  /** Most items of one unit product in a basket. */
  maxUnitQuantity: 99,
  /** Most grams of one weighed product in a basket. */
  maxWeightGrams: 10_000,
  homeDeliveryFeeCents: 499,
  /** Home delivery is free from this subtotal. */
  freeDeliveryFromCents: 5_000,
  collectionFeeCents: 0,
  /** VAT on the delivery fee, basis points (standard rate). */
  deliveryVatRateBp: 2_000,
  /** Extra authorised on weighed lines, which may be picked heavier than ordered. */
  weighedBufferPercent: 10,
} as const;

export type SellableVariant = { sellingMode: SellingMode; priceCents: number; weightStepGrams: number | null };

/** `discountCents`: what promotions take off the line (lib/promotions/apply.ts), VAT included. */
export type PricedLine = SellableVariant & { quantity: number; vatRateBp: number; discountCents?: number };

export type QuantityCheck = { ok: true; quantity: number } | { ok: false; message: string };

let kilograms: Intl.NumberFormat | undefined;

/** 2500 → "2.5 kg", 750 → "750 g". One formatter, made when first needed (lib/catalog/pricing.ts says why). */
export function formatGrams(grams: number): string {
  if (grams < 1000) return `${grams} g`;
  kilograms ??= new Intl.NumberFormat("en-IE", { maximumFractionDigits: 3 });
  return `${kilograms.format(grams / 1000)} kg`;
}

/** A quantity for people: "3" items or "750 g". */
export function formatQuantity(variant: Pick<SellableVariant, "sellingMode">, quantity: number): string {
  return variant.sellingMode === "weight" ? formatGrams(quantity) : String(quantity);
}

/** Estimated price of a line: price × items, or price per kg × grams / 1000 rounded to the cent. */
export function lineEstimateCents(variant: SellableVariant, quantity: number): number {
  if (variant.sellingMode === "weight") return Math.round((variant.priceCents * quantity) / 1000);
  return variant.priceCents * quantity;
}

/** The ordering step of a variant: 1 item, or its weight step in grams. */
export function quantityStep(variant: SellableVariant): number {
  return variant.sellingMode === "weight" ? (variant.weightStepGrams ?? 1) : 1;
}

/** The most a basket may hold of a variant, by the rules alone. */
export function maxQuantity(variant: SellableVariant): number {
  if (variant.sellingMode === "unit") return BASKET_RULES.maxUnitQuantity;
  const step = quantityStep(variant);
  return Math.floor(BASKET_RULES.maxWeightGrams / step) * step;
}

/** The largest valid quantity not above `limit` (stock, say); 0 when even one step does not fit. */
export function largestQuantityWithin(variant: SellableVariant, limit: number): number {
  const step = quantityStep(variant);
  const capped = Math.min(Math.max(0, Math.floor(limit)), maxQuantity(variant));
  return Math.floor(capped / step) * step;
}

/**
 * Checks a quantity a shopper asked for: items are a whole number from 1 to 99; weighed items
 * a positive multiple of their step up to 10 kg. Zero is refused here (removing a line is the
 * caller's decision).
 */
export function validateQuantity(variant: SellableVariant, quantity: unknown): QuantityCheck {
  const weighed = variant.sellingMode === "weight";
  const step = quantityStep(variant);
  if (typeof quantity !== "number" || Number.isNaN(quantity)) {
    return { ok: false, message: weighed ? "Enter a weight in grams." : "Enter a quantity as a whole number." };
  }
  if (quantity < 0) return { ok: false, message: "The quantity cannot be negative." };
  if (quantity === 0) {
    return { ok: false, message: weighed ? `Choose at least ${formatGrams(step)}.` : "Choose at least 1 item." };
  }
  if (quantity > maxQuantity(variant)) {
    return {
      ok: false,
      message: weighed
        ? `You can order at most ${formatGrams(BASKET_RULES.maxWeightGrams)} of a weighed item.`
        : `You can order at most ${BASKET_RULES.maxUnitQuantity} of an item.`,
    };
  }
  if (!Number.isInteger(quantity)) {
    return { ok: false, message: weighed ? `Choose a weight in steps of ${formatGrams(step)}.` : "Choose a whole number of items." };
  }
  if (quantity % step !== 0) return { ok: false, message: `Choose a weight in steps of ${formatGrams(step)}.` };
  return { ok: true, quantity };
}

/** Home delivery costs €4.99 below €50 of shopping; collection is free; an empty basket costs nothing. */
export function deliveryFeeCents(fulfilment: Fulfilment, subtotalCents: number): number {
  if (fulfilment === "collection" || subtotalCents <= 0) return BASKET_RULES.collectionFeeCents;
  return subtotalCents >= BASKET_RULES.freeDeliveryFromCents ? 0 : BASKET_RULES.homeDeliveryFeeCents;
}

/** VAT contained in a VAT-inclusive amount: round(g × r / (10000 + r)). */
export function vatOfGross(grossCents: number, rateBp: number): number {
  return Math.round((grossCents * rateBp) / (10_000 + rateBp));
}

export type VatLine = { rateBp: number; grossCents: number; vatCents: number; netCents: number };

/** VAT per rate over VAT-inclusive amounts, the VAT computed once per rate, lowest rate first. */
export function vatBreakdown(amounts: { grossCents: number; rateBp: number }[]): VatLine[] {
  const byRate = new Map<number, number>();
  for (const a of amounts) byRate.set(a.rateBp, (byRate.get(a.rateBp) ?? 0) + a.grossCents);
  return [...byRate.entries()]
    .filter(([, gross]) => gross > 0)
    .sort(([a], [b]) => a - b)
    .map(([rateBp, grossCents]) => {
      const vatCents = vatOfGross(grossCents, rateBp);
      return { rateBp, grossCents, vatCents, netCents: grossCents - vatCents };
    });
}

/** The card authorisation: the total plus 10 % of the weighed lines' estimate, rounded up. */
export function authorizationCents(totalCents: number, weighedEstimateCents: number): number {
  return totalCents + Math.ceil((weighedEstimateCents * BASKET_RULES.weighedBufferPercent) / 100);
}

export type BasketTotals = {
  /** Before promotions. */
  subtotalCents: number;
  /** Taken off by promotions; the total and the VAT are net of it. */
  discountCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  /** The part of the subtotal from weighed lines, whose final price is known after picking. */
  weighedEstimateCents: number;
  authorizedCents: number;
  /** What is still missing for free home delivery (0 when reached). */
  freeDeliveryRemainingCents: number;
  vat: VatLine[];
};

/**
 * Subtotal, promotions, delivery, total and VAT of priced lines. Free delivery is reached on the
 * subtotal before promotions; the buffer for weighed items is on their estimate before promotions
 * (a little more than needed, never less).
 */
export function basketTotals(lines: PricedLine[], fulfilment: Fulfilment): BasketTotals {
  const estimates = lines.map((line) => ({ line, cents: lineEstimateCents(line, line.quantity) }));
  const subtotalCents = estimates.reduce((sum, e) => sum + e.cents, 0);
  const discountCents = lines.reduce((sum, l) => sum + (l.discountCents ?? 0), 0);
  const weighedEstimateCents = estimates.filter((e) => e.line.sellingMode === "weight").reduce((sum, e) => sum + e.cents, 0);
  const fee = deliveryFeeCents(fulfilment, subtotalCents);
  const totalCents = subtotalCents - discountCents + fee;
  return {
    subtotalCents,
    discountCents,
    deliveryFeeCents: fee,
    totalCents,
    weighedEstimateCents,
    authorizedCents: authorizationCents(totalCents, weighedEstimateCents),
    freeDeliveryRemainingCents: fulfilment === "delivery" ? Math.max(0, BASKET_RULES.freeDeliveryFromCents - subtotalCents) : 0,
    vat: vatBreakdown([
      ...estimates.map((e) => ({ grossCents: e.cents - (e.line.discountCents ?? 0), rateBp: e.line.vatRateBp })),
      { grossCents: fee, rateBp: BASKET_RULES.deliveryVatRateBp },
    ]),
  };
}

export type QuantityOption = { value: number; label: string };

/**
 * The quantities a shopper picks from: 1–10 items, or 1–10 weight steps with the estimated price
 * ("500 g · about €1.29"); `current` is kept when it lies outside that list.
 */
export function quantityOptions(variant: SellableVariant, current?: number): QuantityOption[] {
  const step = quantityStep(variant);
  const values = Array.from({ length: 10 }, (_, i) => (i + 1) * step).filter((v) => v <= maxQuantity(variant));
  if (current !== undefined && current > 0 && !values.includes(current)) values.push(current);
  return values
    .sort((a, b) => a - b)
    .map((value) => ({
      value,
      label: variant.sellingMode === "weight" ? `${formatGrams(value)} · about ${formatCents(lineEstimateCents(variant, value))}` : String(value),
    }));
}
