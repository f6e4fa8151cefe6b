export function StockStatus({ inStock, storeName, compact = false }: { inStock: boolean; storeName: string; compact?: boolean }) {
  return (
    <p className={`flex items-center gap-2 text-sm font-medium ${inStock ? "text-brand-700" : "text-accent-600"}`} data-testid="stock-status">
      <span aria-hidden className={`size-2.5 rounded-full ${inStock ? "bg-brand-600" : "bg-accent-500"}`} />
      {inStock ? "In stock" : "Out of stock"}
      {!compact && ` at ${storeName}`}
    </p>
  );
}
