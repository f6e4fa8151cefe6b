// Money and EU unit-price arithmetic for catalog variants, in integer cents. Also runs in the
// browser (basket button, add-to-basket form): no database code here.
import type { SellingMode, UnitPriceBasis } from "@/db/schema";

export type PricedVariant = {
  sellingMode: SellingMode;
  priceCents: number;
  netQuantity: number | null;
  unitPriceBasis: UnitPriceBasis;
};

// Formatters are made once, when first used: a phone spends milliseconds on each (a
// toLocaleString call with options makes a new one every time), and pages format dozens of figures.
let euro: Intl.NumberFormat | undefined;
let percent: Intl.NumberFormat | undefined;

/** 1234 → "€12.34". */
export function formatCents(cents: number): string {
  euro ??= new Intl.NumberFormat("en-IE", { style: "currency", currency: "EUR" });
  return euro.format(cents / 100);
}

const basisLabel: Record<UnitPriceBasis, string> = { kg: "kg", l: "l", piece: "piece" };

/**
 * The price per kg, per litre or per piece, as EU price-indication rules require.
 * Weighed items are already priced per kg; unit items divide by their net content.
 */
export function unitPriceCents(v: PricedVariant): number | null {
  if (v.sellingMode === "weight") return v.priceCents;
  if (!v.netQuantity || v.netQuantity <= 0) return null;
  if (v.unitPriceBasis === "piece") return Math.round(v.priceCents / v.netQuantity);
  return Math.round((v.priceCents * 1000) / v.netQuantity);
}

/** "€2.58 / kg", or null when the variant has no meaningful unit price. */
export function formatUnitPrice(v: PricedVariant): string | null {
  const cents = unitPriceCents(v);
  return cents === null ? null : `${formatCents(cents)} / ${basisLabel[v.unitPriceBasis]}`;
}

/** The headline price: "€1.99 / kg" for weighed items, "€1.29" for unit items. */
export function formatPrice(v: PricedVariant): string {
  return v.sellingMode === "weight" ? `${formatCents(v.priceCents)} / kg` : formatCents(v.priceCents);
}

/** Basis points as a percentage figure, without the sign: 550 → "5.5", 1000 → "10". */
export function formatBasisPoints(bp: number): string {
  percent ??= new Intl.NumberFormat("en-IE", { maximumFractionDigits: 2 });
  return percent.format(bp / 100);
}

/** VAT rate in basis points → "5.5 %". */
export function formatVatRate(bp: number): string {
  return `${formatBasisPoints(bp)} %`;
}

/** Price of a weighed item for a weight in grams, rounded to the cent. */
export function priceForWeight(pricePerKgCents: number, grams: number): number {
  return Math.round((pricePerKgCents * grams) / 1000);
}
