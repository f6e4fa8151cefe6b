// What promotions take off a basket or order line, and why: "3 for 2 · WELCOME10 −10%: −€1.99".
import { formatCents } from "@/lib/catalog/pricing";

export function LineDiscount({ discountCents, reasons = [] }: { discountCents: number; reasons?: string[] }) {
  if (discountCents <= 0) return null;
  return (
    <p className="text-sm font-medium text-brand-800" data-testid="line-discount">
      {reasons.length > 0 ? reasons.join(" · ") : "Promotion"}: −{formatCents(discountCents)}
    </p>
  );
}
