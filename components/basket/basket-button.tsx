"use client";
// The header's basket link. The cached page renders the plain link; the count and total come
// from the shopper's own request once the page runs.
import { Link } from "@/components/layout/shop-link";
import { ShoppingBasketIcon } from "@/components/layout/icons";
import { formatCents } from "@/lib/catalog/pricing";
import { useBasketSummary } from "./use-basket";

export function BasketButton() {
  const data = useBasketSummary();
  const count = data?.lines ?? 0;
  // The link's name is its visible words, then what they mean (WCAG 2.5.3: label in name).
  return (
    <Link
      href="/basket"
      data-testid="header-basket"
      className="flex items-center gap-1.5 rounded-full bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
    >
      <ShoppingBasketIcon className="size-4" />
      <span>Basket</span>
      {data && count > 0 && (
        <>
          <span className="rounded-full bg-white px-1.5 text-xs text-brand-800" data-testid="header-basket-count">
            {count} · {formatCents(data.subtotal.amount)}
          </span>
          <span className="sr-only">
            : {count} {count === 1 ? "item" : "items"}, {formatCents(data.subtotal.amount)}
          </span>
        </>
      )}
    </Link>
  );
}
