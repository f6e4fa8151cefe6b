// Promotions on a basket: the code checked (each time the basket is priced), the engine run, and
// what checkout records so that picking can apply the same promotions to what was picked.
import { applyPromotions, type AutomaticRule, type CodeRule, type PromoLine, type PromotionResult } from "./apply";
import { codeRefusal, codeRefusalMessage, type CodeRefusal, type CodeState } from "./codes";

export type CodeRow = CodeState & CodeRule & { customerUses: number };

/** What an order's promotions were at checkout: the rules applied and the lines' product facts. */
export type PromotionSnapshot = {
  automatic: AutomaticRule[];
  code: CodeRule | null;
  lines: Pick<PromoLine, "variantId" | "productId" | "categoryIds">[];
};

export type BasketPromotions = {
  /** The code on the basket, as entered (upper-case), whether it applies or not. */
  code: string | null;
  refusal: CodeRefusal | null;
  /** Why the code does not apply, for the shopper. */
  refusalMessage: string | null;
  result: PromotionResult;
  snapshot: PromotionSnapshot;
};

export function basketPromotions(
  lines: readonly PromoLine[],
  input: { automatic: readonly AutomaticRule[]; code: string | null; codeRow: CodeRow | null; now: Date },
): BasketPromotions {
  const subtotalCents = lines.reduce((s, l) => s + l.lineTotalCents, 0);
  const refusal = input.code ? codeRefusal(input.codeRow, { now: input.now, subtotalCents, customerUses: input.codeRow?.customerUses ?? 0 }) : null;
  const code = input.code && !refusal ? input.codeRow : null;
  const result = applyPromotions(lines, { automatic: input.automatic, code });
  const usedRules = new Set(result.lines.map((l) => l.ruleId));
  return {
    code: input.code,
    refusal,
    refusalMessage: refusal && input.code ? codeRefusalMessage(refusal, input.code) : null,
    result,
    snapshot: {
      automatic: input.automatic.filter((r) => usedRules.has(r.id)),
      code: code && result.codeCents > 0 ? { id: code.id, code: code.code, discountType: code.discountType, percentBp: code.percentBp, amountCents: code.amountCents } : null,
      lines: lines.map(({ variantId, productId, categoryIds }) => ({ variantId, productId, categoryIds })),
    },
  };
}

/** Each promotion's reason once, in the order of the lines ("3 for 2", "WELCOME10 −10%"). */
export function discountReasons(lines: readonly { reasons: string[] }[]): string[] {
  return [...new Set(lines.flatMap((l) => l.reasons))];
}
