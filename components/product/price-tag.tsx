import { formatPrice, formatUnitPrice, type PricedVariant } from "@/lib/catalog/pricing";

/** The price with the EU unit price next to it. */
export function PriceTag({ variant, size = "md" }: { variant: PricedVariant; size?: "md" | "lg" }) {
  const unit = formatUnitPrice(variant);
  return (
    <p className="flex flex-wrap items-baseline gap-x-2">
      <span className={size === "lg" ? "text-3xl font-extrabold" : "text-lg font-bold"} data-testid="price">
        {formatPrice(variant)}
      </span>
      {unit && variant.sellingMode !== "weight" && (
        <span className="text-sm text-stone-600" data-testid="unit-price">
          {unit}
        </span>
      )}
    </p>
  );
}
