// An order's lines as ordered (and, once picked, as picked) with its totals and VAT table; shared by
// the shopper's order page and the back office.
import { BasketTotalsTable } from "@/components/basket/basket-totals";
import { LineDiscount } from "@/components/basket/line-discount";
import type { OrderDetail } from "@/db/queries/shopper-orders";
import { formatQuantity } from "@/lib/basket/pricing";
import { formatCents } from "@/lib/catalog/pricing";
import { orderVatBreakdown } from "@/lib/mail/order-emails";
import { pickOutcomeText } from "@/lib/picking/labels";
import { pickedPromotions, pickTotals } from "@/lib/picking/settle";

export function OrderLines({ detail: { order, lines, promotions }, heading }: { detail: Pick<OrderDetail, "order" | "lines" | "promotions">; heading: string }) {
  // Why each line is discounted, from the promotions checkout recorded ("3 for 2", "WELCOME10 −10%").
  const reasons = pickedPromotions(lines, promotions).map((p) => p.reasons);
  // Once picked, the amounts are the picked ones; until then, the estimates of checkout.
  const picked = order.finalTotalCents !== null ? pickTotals(lines, order.deliveryFeeCents) : null;
  const totals = picked
    ? { subtotalCents: picked.itemsCents, discountCents: picked.discountCents, deliveryFeeCents: picked.deliveryFeeCents, totalCents: picked.totalCents, authorizedCents: order.authorizedCents, vat: picked.vat }
    : {
        subtotalCents: order.subtotalCents,
        discountCents: order.discountCents,
        deliveryFeeCents: order.deliveryFeeCents,
        totalCents: order.totalCents,
        authorizedCents: order.authorizedCents,
        vat: orderVatBreakdown({ lines, deliveryFeeCents: order.deliveryFeeCents }),
      };
  return (
    <section aria-labelledby="lines-heading" className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5">
      <h2 id="lines-heading" className="text-xl font-bold">
        {heading}
      </h2>
      <ul aria-label="Items in this order" className="divide-y divide-stone-200">
        {lines.map((line, i) => {
          const weighed = line.sellingMode === "weight";
          return (
            <li key={line.id} className="flex flex-wrap justify-between gap-x-4 gap-y-1 py-3" data-testid="order-line">
              <div className="min-w-0">
                <p className="font-medium">{line.productName}</p>
                <p className="text-sm text-stone-600">
                  {weighed
                    ? `Estimated weight ${formatQuantity(line, line.quantity)} at ${formatCents(line.unitPriceCents)} / kg`
                    : `${line.quantity} × ${formatCents(line.unitPriceCents)} · ${line.sizeLabel}`}
                </p>
                <LineDiscount discountCents={line.discountCents} reasons={reasons[i]} />
                <p className="text-sm text-stone-600">{line.substitution === "allow" ? "Substitute allowed if out of stock" : "No substitute"}</p>
                {line.pickStatus && (
                  <p className="text-sm font-medium text-stone-800" data-testid="pick-outcome">
                    {pickOutcomeText(line)} · {formatCents(line.pickedTotalCents ?? 0)}
                  </p>
                )}
              </div>
              <p className="text-right tabular-nums">
                {weighed && <span className="block text-xs text-stone-500">about</span>}
                {formatCents(line.lineTotalCents)}
              </p>
            </li>
          );
        })}
      </ul>
      <BasketTotalsTable totals={totals} reasons={order.promotionCode ? [`Code ${order.promotionCode}`] : []} estimated={!picked} deliveryLabel={order.fulfilment === "delivery" ? "Delivery" : "Collection"} />
    </section>
  );
}
