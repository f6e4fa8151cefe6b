// How the storefront advertises live automatic promotions (codes are never advertised): the badge
// on a product card, what a screen reader hears, and the product page's line explaining it.
import { percentText } from "./apply";

/** A live automatic promotion as the storefront shows it on a product (db/queries/promotions.ts `shelfPromotionsSql`). */
export type ShelfPromotion =
  | { id: number; kind: "multibuy"; buyQuantity: number; payQuantity: number }
  | { id: number; kind: "category_percent"; percentBp: number; categoryName: string };

/** "3 for 2", "−10%". */
export function badgeText(p: ShelfPromotion): string {
  return p.kind === "multibuy" ? `${p.buyQuantity} for ${p.payQuantity}` : `−${percentText(p.percentBp)}`;
}

/** "Promotion: buy 3, pay for 2", "Promotion: 10% off Dairy". */
export function badgeLabel(p: ShelfPromotion): string {
  return p.kind === "multibuy" ? `Promotion: buy ${p.buyQuantity}, pay for ${p.payQuantity}` : `Promotion: ${percentText(p.percentBp)} off ${p.categoryName}`;
}

/** "Buy 3, pay for 2 — applied in your basket." */
export function promotionExplanation(p: ShelfPromotion): string {
  const what = p.kind === "multibuy" ? `Buy ${p.buyQuantity}, pay for ${p.payQuantity}` : `${percentText(p.percentBp)} off everything in ${p.categoryName}`;
  return `${what} — applied in your basket.`;
}
