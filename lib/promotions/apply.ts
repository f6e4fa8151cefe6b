// The promotions engine: what automatic promotions (multi-buy, percent off a category) and one code
// take off a priced basket, line by line, with the reasons to show. Pure and in integer cents, so
// the basket, checkout, picking and the tests compute the same.
//
// How they combine: each line gets at most ONE automatic promotion, the one that takes the most off
// it (a "3 for 2" and "10 % off Dairy" do not stack on one yoghurt). The code then applies to the
// subtotal AFTER automatic discounts (a percent of it, or a fixed amount capped at it), spread over
// the lines pro rata to what is left of each, so every line's VAT is computed on what is paid. A
// code's minimum basket is checked on the subtotal BEFORE any discount (what the shopper sees
// first). The delivery fee is never discounted.
import { formatBasisPoints, formatCents } from "@/lib/catalog/pricing";

export type PromoLine = {
  variantId: number;
  /** null: no automatic promotion applies (a picker's substitute). */
  productId: number | null;
  /** The product's category and every ancestor. */
  categoryIds: readonly number[];
  sellingMode: "unit" | "weight";
  /** Items, or grams. */
  quantity: number;
  /** Per item, or per kg. */
  unitPriceCents: number;
  lineTotalCents: number;
  vatRateBp: number;
};

export type MultibuyRule = { id: number; kind: "multibuy"; name: string; productId: number; buyQuantity: number; payQuantity: number };
export type CategoryPercentRule = { id: number; kind: "category_percent"; name: string; categoryId: number; categoryName: string; percentBp: number };
export type AutomaticRule = MultibuyRule | CategoryPercentRule;
export type CodeRule = { id: number; code: string; discountType: "percent" | "fixed"; percentBp: number | null; amountCents: number | null };

export type LineDiscount = {
  variantId: number;
  /** Automatic plus this line's share of the code; never above the line's total. */
  discountCents: number;
  automaticCents: number;
  codeCents: number;
  /** The automatic promotion applied to this line, if any. */
  ruleId: number | null;
  reasons: string[];
};

export type PromotionResult = {
  lines: LineDiscount[];
  /** Before any discount. */
  subtotalCents: number;
  automaticCents: number;
  codeCents: number;
  discountCents: number;
  /** The code's reason ("WELCOME10 −10 %"), when a code took something off. */
  codeReason: string | null;
  /** Promotions that took something off, with how much. */
  applied: { promotionId: number; discountCents: number }[];
};

/** "10%", "12.5%". */
export const percentText = (bp: number) => `${formatBasisPoints(bp)}%`;

/** "3 for 2", "10% off Dairy". */
export function ruleReason(rule: AutomaticRule): string {
  return rule.kind === "multibuy" ? `${rule.buyQuantity} for ${rule.payQuantity}` : `${percentText(rule.percentBp)} off ${rule.categoryName}`;
}

/** "WELCOME10 −10%", "SPRING −€5.00". */
export function codeReason(code: CodeRule): string {
  const value = code.discountType === "percent" ? percentText(code.percentBp ?? 0) : formatCents(code.amountCents ?? 0);
  return `${code.code} −${value}`;
}

/** What one automatic rule takes off one line (0 when it does not apply). */
export function ruleDiscountCents(rule: AutomaticRule, line: PromoLine): number {
  if (line.productId === null || line.lineTotalCents <= 0) return 0;
  if (rule.kind === "multibuy") {
    // Items only: "3 for 2" on a weight makes no sense.
    if (line.sellingMode !== "unit" || line.productId !== rule.productId) return 0;
    const free = Math.floor(line.quantity / rule.buyQuantity) * (rule.buyQuantity - rule.payQuantity);
    return Math.min(line.lineTotalCents, free * line.unitPriceCents);
  }
  if (!line.categoryIds.includes(rule.categoryId)) return 0;
  return Math.min(line.lineTotalCents, Math.round((line.lineTotalCents * rule.percentBp) / 10_000));
}

/**
 * Spreads `total` cents over `weights` pro rata (largest remainder), never giving a weight more
 * than itself: the parts add up to `total` exactly when total ≤ the sum of weights.
 */
export function spreadProRata(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const amount = Math.min(total, sum);
  const exact = weights.map((w) => (amount * w) / sum);
  const parts = exact.map(Math.floor);
  let left = amount - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((e, i) => ({ i, frac: e - Math.floor(e) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    if (parts[i] < weights[i]) {
      parts[i] += 1;
      left -= 1;
    }
  }
  return parts;
}

/** The code's discount on what is left after automatic promotions: a percent of it, or a fixed amount capped at it. */
export function codeDiscountCents(code: CodeRule, afterAutomaticCents: number): number {
  if (afterAutomaticCents <= 0) return 0;
  const raw = code.discountType === "percent" ? Math.round((afterAutomaticCents * (code.percentBp ?? 0)) / 10_000) : (code.amountCents ?? 0);
  return Math.max(0, Math.min(raw, afterAutomaticCents));
}

/** Applies the automatic rules and (already checked) code to priced lines. */
export function applyPromotions(lines: readonly PromoLine[], promotions: { automatic: readonly AutomaticRule[]; code: CodeRule | null }): PromotionResult {
  const automatic = lines.map((line) => {
    let best: { rule: AutomaticRule; cents: number } | null = null;
    for (const rule of promotions.automatic) {
      const cents = ruleDiscountCents(rule, line);
      if (cents > 0 && (!best || cents > best.cents)) best = { rule, cents };
    }
    return best;
  });
  const remaining = lines.map((line, i) => Math.max(0, line.lineTotalCents - (automatic[i]?.cents ?? 0)));
  const afterAutomatic = remaining.reduce((s, r) => s + r, 0);
  const codeTotal = promotions.code ? codeDiscountCents(promotions.code, afterAutomatic) : 0;
  const codeParts = spreadProRata(codeTotal, remaining);
  const reasonOfCode = promotions.code && codeTotal > 0 ? codeReason(promotions.code) : null;

  const result = lines.map((line, i): LineDiscount => {
    const auto = automatic[i];
    const reasons = [...(auto ? [ruleReason(auto.rule)] : []), ...(reasonOfCode && codeParts[i] > 0 ? [reasonOfCode] : [])];
    const automaticCents = auto?.cents ?? 0;
    return { variantId: line.variantId, discountCents: automaticCents + codeParts[i], automaticCents, codeCents: codeParts[i], ruleId: auto?.rule.id ?? null, reasons };
  });
  const applied = new Map<number, number>();
  for (const a of automatic) if (a) applied.set(a.rule.id, (applied.get(a.rule.id) ?? 0) + a.cents);
  if (promotions.code && codeTotal > 0) applied.set(promotions.code.id, codeTotal);
  const automaticCents = result.reduce((s, l) => s + l.automaticCents, 0);
  return {
    lines: result,
    subtotalCents: lines.reduce((s, l) => s + l.lineTotalCents, 0),
    automaticCents,
    codeCents: codeTotal,
    discountCents: automaticCents + codeTotal,
    codeReason: reasonOfCode,
    applied: [...applied].map(([promotionId, discountCents]) => ({ promotionId, discountCents })),
  };
}

export const NO_PROMOTIONS: { automatic: AutomaticRule[]; code: null } = { automatic: [], code: null };
