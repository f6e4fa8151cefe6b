// Totals of a basket or an order: subtotal, promotions, delivery, total, VAT by rate (on the
// discounted amounts), and what the card authorisation holds for weighed items.
import type { BasketTotals } from "@/lib/basket/pricing";
import { formatCents, formatVatRate } from "@/lib/catalog/pricing";

type Props = {
  totals: Pick<BasketTotals, "subtotalCents" | "deliveryFeeCents" | "totalCents" | "authorizedCents" | "vat"> & { discountCents?: number };
  /** Why there is a discount ("3 for 2", "WELCOME10 −10%"), listed under it. */
  reasons?: string[];
  deliveryLabel: string;
  /** False once an order is picked: the amounts are the final ones. */
  estimated?: boolean;
};

export function BasketTotalsTable({ totals, deliveryLabel, estimated = true, reasons = [] }: Props) {
  const buffer = estimated ? totals.authorizedCents - totals.totalCents : 0;
  const discount = totals.discountCents ?? 0;
  return (
    <div className="space-y-3" data-testid="totals">
      <dl className="grid grid-cols-[1fr_auto] gap-x-6 gap-y-1">
        <dt>{estimated ? "Subtotal (estimated)" : "Subtotal"}</dt>
        <dd className="text-right tabular-nums">{formatCents(totals.subtotalCents)}</dd>
        {discount > 0 && (
          <>
            <dt className="text-brand-800">
              Discounts
              {reasons.length > 0 && <span className="block text-sm text-stone-600">{reasons.join(" · ")}</span>}
            </dt>
            <dd className="text-right font-medium text-brand-800 tabular-nums" data-testid="discount-total">
              −{formatCents(discount)}
            </dd>
          </>
        )}
        <dt>{deliveryLabel}</dt>
        <dd className="text-right tabular-nums">{totals.deliveryFeeCents === 0 ? "Free" : formatCents(totals.deliveryFeeCents)}</dd>
        <dt className="text-lg font-bold">Total</dt>
        <dd className="text-right text-lg font-bold tabular-nums" data-testid="total">
          {formatCents(totals.totalCents)}
        </dd>
      </dl>
      {totals.vat.length > 0 && (
        <table className="w-full text-sm text-stone-600">
          <caption className="text-left font-medium text-stone-700">VAT included</caption>
          <thead className="sr-only">
            <tr>
              <th scope="col">Rate</th>
              <th scope="col">Net</th>
              <th scope="col">VAT</th>
            </tr>
          </thead>
          <tbody>
            {totals.vat.map((v) => (
              <tr key={v.rateBp}>
                <td>VAT {formatVatRate(v.rateBp)}</td>
                <td className="text-right tabular-nums">net {formatCents(v.netCents)}</td>
                <td className="text-right tabular-nums">VAT {formatCents(v.vatCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {buffer > 0 && (
        <p className="text-sm text-stone-600">
          Weighed items are charged at their picked weight. Your card is authorised for up to {formatCents(totals.authorizedCents)} (
          {formatCents(buffer)} more than the estimate) and charged only the final amount.
        </p>
      )}
    </div>
  );
}
