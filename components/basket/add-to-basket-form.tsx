"use client";
// "Add to basket" on the product page: a plain form that works without JavaScript (the action
// then sends the browser to the basket); with it, the page stays and the header updates.
// The quantity choices and their prices come from the server (`quantityOptions`): formatting
// money in the browser would load the locale's number data while the page hydrates, the longest
// single task of a product page's start-up on a phone (bench/README.md, Lighthouse).
import { useActionState } from "react";
import { FormMessage, primaryButton } from "@/components/account/form-field";
import type { SellingMode } from "@/db/schema";
import { addToBasket } from "@/lib/basket/actions";
import type { QuantityOption } from "@/lib/basket/pricing";
import { useHydrated, useRefreshBasketOn } from "./use-basket";

type Props = {
  variant: { id: number; sellingMode: SellingMode; sizeLabel: string };
  /** `quantityOptions(variant)`, made on the server. */
  options: QuantityOption[];
  productName: string;
  inStock: boolean;
  compact?: boolean;
};

/** `compact`: one line per size, in the product page's list of sizes. */
export function AddToBasketForm({ variant, options, productName, inStock, compact = false }: Props) {
  const [state, action, pending] = useActionState(addToBasket, {});
  const hydrated = useHydrated();
  useRefreshBasketOn(state.ok ? state : null);
  if (!inStock) return null;
  const weighed = variant.sellingMode === "weight";
  const id = `quantity-${variant.id}`;
  return (
    <form action={action} className={compact ? "space-y-2" : "mt-4 space-y-3"}>
      <input type="hidden" name="variantId" value={variant.id} />
      {hydrated && <input type="hidden" name="js" value="1" />}
      <div className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={id} className={compact ? "sr-only" : "block text-sm font-medium text-stone-800"}>
            {weighed ? "Weight" : "Quantity"}
            {compact && ` of ${variant.sizeLabel}`}
          </label>
          <select id={id} name="quantity" defaultValue={options[0].value} className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2">
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {/* The visible words come first in the name (WCAG 2.5.3: speech users say what they see). */}
        <button type="submit" disabled={pending} className={primaryButton} aria-label={`${compact ? "Add" : "Add to basket"}: ${productName}, ${variant.sizeLabel}`}>
          {pending ? "Adding…" : compact ? "Add" : "Add to basket"}
        </button>
      </div>
      {weighed && !compact && <p className="text-sm text-stone-600">Weighed items are charged at the weight picked for you; we hold up to 10% more on your card.</p>}
      <div aria-live="polite">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
