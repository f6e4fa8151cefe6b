import { formatPrice, formatUnitPrice, type PricedVariant } from "@/lib/catalog/pricing";

/** The price with the EU unit price next to it (weighed items are already priced per kg). */
export function PriceTag({ variant, size = "md" }: { variant: PricedVariant; size?: "md" | "lg" }) {
  const unit = variant.sellingMode === "weight" ? null : formatUnitPrice(variant);
  return (
    <p className={size === "lg" ? "price price-lg" : "price"}>
      <span data-testid="price">{formatPrice(variant)}</span>
      {unit && (
        <span className="unit" data-testid="unit-price">
          {unit}
        </span>
      )}
    </p>
  );
}
