// Whether a promotion code may be used on a basket now, and what to tell the shopper when not.
// Pure: the basket (each time it is priced) and checkout (again, under locks) decide the same way.
import { formatCents } from "@/lib/catalog/pricing";

export type CodeState = {
  active: boolean;
  startsAt: Date;
  endsAt: Date | null;
  minBasketCents: number;
  maxUses: number | null;
  usesCount: number;
  maxUsesPerCustomer: number | null;
};

export type CodeRefusal =
  | { code: "unknown" }
  | { code: "expired" }
  | { code: "not_yet_valid"; startsAt: Date }
  | { code: "min_basket"; missingCents: number; minBasketCents: number }
  | { code: "used_up" }
  | { code: "already_used" };

/** Codes are stored upper-case without spaces; shoppers type them any way. */
export function normalizeCode(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase();
}

/**
 * Null when the code applies: known and not archived, within its window, the basket's subtotal
 * (before discounts) at its minimum, uses left in all and for this customer (`customerUses`:
 * their orders holding it; 0 for a guest, checked again at checkout).
 */
export function codeRefusal(promo: CodeState | null, at: { now: Date; subtotalCents: number; customerUses: number }): CodeRefusal | null {
  if (!promo || !promo.active) return { code: "unknown" };
  if (promo.startsAt > at.now) return { code: "not_yet_valid", startsAt: promo.startsAt };
  if (promo.endsAt !== null && promo.endsAt <= at.now) return { code: "expired" };
  if (promo.maxUses !== null && promo.usesCount >= promo.maxUses) return { code: "used_up" };
  if (promo.maxUsesPerCustomer !== null && at.customerUses >= promo.maxUsesPerCustomer) return { code: "already_used" };
  if (at.subtotalCents < promo.minBasketCents) {
    return { code: "min_basket", missingCents: promo.minBasketCents - at.subtotalCents, minBasketCents: promo.minBasketCents };
  }
  return null;
}

const dateText = (d: Date) => d.toLocaleDateString("en-IE", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });

/** One sentence per refusal, for the basket page and checkout. */
export function codeRefusalMessage(refusal: CodeRefusal, code: string): string {
  switch (refusal.code) {
    case "unknown":
      return `We do not know the code ${code}. Check how it is spelt.`;
    case "expired":
      return `The code ${code} has expired.`;
    case "not_yet_valid":
      return `The code ${code} is valid from ${dateText(refusal.startsAt)}.`;
    case "min_basket":
      return `The code ${code} needs a basket of ${formatCents(refusal.minBasketCents)}: add ${formatCents(refusal.missingCents)} more.`;
    case "used_up":
      return `The code ${code} has been used as many times as it may be.`;
    case "already_used":
      return `You have already used the code ${code}.`;
  }
}
