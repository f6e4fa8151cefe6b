import { badgeLabel, badgeText, promotionExplanation, type ShelfPromotion } from "@/lib/promotions/badges";

/** "3 for 2", "−10%" on a product card; a screen reader hears "Promotion: buy 3, pay for 2". */
export function PromotionBadge({ promotion }: { promotion: ShelfPromotion }) {
  return (
    <span className="card-promo" data-testid="promotion-badge">
      <span aria-hidden="true">{badgeText(promotion)}</span>
      <span className="sr-only">{badgeLabel(promotion)}</span>
    </span>
  );
}

/** The product page's promotions, each with how it applies; codes are never advertised. */
export function ProductPromotions({ promotions }: { promotions: ShelfPromotion[] }) {
  if (promotions.length === 0) return null;
  return (
    <section aria-label="Promotions" className="rounded-2xl border border-accent-600/40 bg-orange-50 p-4" data-testid="product-promotions">
      <ul className="space-y-2">
        {promotions.map((p) => (
          <li key={p.id} className="flex flex-wrap items-center gap-2">
            <span className="rounded-full bg-accent-600 px-2.5 py-0.5 text-sm font-bold text-white" aria-hidden="true">
              {badgeText(p)}
            </span>
            <span className="text-stone-800">{promotionExplanation(p)}</span>
          </li>
        ))}
      </ul>
      {promotions.length > 1 && <p className="mt-2 text-sm text-stone-600">Promotions do not add up on one item: your basket applies the one that saves you most.</p>}
    </section>
  );
}
