"use client";
// The basket page's per-line forms: change the quantity (submitted on change with JavaScript,
// by the Update button without it) and remove. The choices come from the server, as on the product
// page (add-to-basket-form.tsx says why).
import { useActionState } from "react";
import type { SellingMode } from "@/db/schema";
import { updateBasketLine } from "@/lib/basket/actions";
import type { QuantityOption } from "@/lib/basket/pricing";
import { useHydrated, useRefreshBasketOn } from "./use-basket";

type Props = {
  variant: { id: number; sellingMode: SellingMode };
  quantity: number;
  /** `quantityOptions(variant, quantity)`, made on the server. */
  options: QuantityOption[];
  productName: string;
};

export function BasketLineForms({ variant, quantity, options, productName }: Props) {
  const [state, action, pending] = useActionState(updateBasketLine, {});
  const hydrated = useHydrated();
  useRefreshBasketOn(state.ok ? state : null);
  const id = `line-${variant.id}`;
  const jsFlag = hydrated && <input type="hidden" name="js" value="1" />;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={action} className="flex items-center gap-2">
        <input type="hidden" name="variantId" value={variant.id} />
        {jsFlag}
        <label htmlFor={id} className="sr-only">
          {variant.sellingMode === "weight" ? "Weight" : "Quantity"} of {productName}
        </label>
        <select
          id={id}
          name="quantity"
          defaultValue={quantity}
          key={quantity}
          disabled={pending}
          onChange={(e) => e.currentTarget.form?.requestSubmit()}
          className="rounded-lg border border-stone-300 bg-white px-2 py-1.5"
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {!hydrated && (
          <button type="submit" className="rounded-full border border-stone-300 px-3 py-1.5 text-sm font-medium">
            Update
          </button>
        )}
      </form>
      <form action={action}>
        <input type="hidden" name="variantId" value={variant.id} />
        <input type="hidden" name="quantity" value="0" />
        {jsFlag}
        <button type="submit" disabled={pending} className="rounded-full px-3 py-1.5 text-sm font-medium text-accent-600 underline hover:bg-orange-50">
          Remove<span className="sr-only"> {productName}</span>
        </button>
      </form>
      {state.ok === false && (
        <p role="alert" className="w-full text-sm font-medium text-accent-600">
          {state.message}
        </p>
      )}
    </div>
  );
}
