// The order page's payment panel (server component): what the card authorised, what was captured
// and released, what was refunded, and each refund with its status. Amounts come from the order
// row and its refunds (db/queries/refunds.ts listRefunds), never recomputed in the browser.
import type { Order, Refund, RefundStatus } from "@/db/schema";
import { formatCents } from "@/lib/catalog/pricing";
import { formatDateTime } from "@/lib/orders/labels";

type Props = {
  order: Pick<Order, "authorizedCents" | "capturedCents" | "refundedCents" | "finalTotalCents" | "authorizationFlaggedAt" | "status">;
  refunds: Refund[];
};

const REFUND_STATUS: Record<RefundStatus, string> = { requested: "In progress", succeeded: "Refunded", failed: "Failed" };

export function PaymentSummary({ order, refunds }: Props) {
  const captured = order.capturedCents;
  const rows: [string, string][] = [
    ["Authorised", formatCents(order.authorizedCents)],
    ["Picked total", order.finalTotalCents === null ? "Not picked yet" : formatCents(order.finalTotalCents)],
    ["Captured", captured === null ? "Not captured yet" : formatCents(captured)],
    ["Released", captured === null ? "—" : formatCents(order.authorizedCents - captured)],
    ["Refunded", formatCents(order.refundedCents)],
  ];
  return (
    <section aria-labelledby="payment-heading" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="payment-heading" className="text-lg font-bold">
        Payment
      </h2>
      {order.authorizationFlaggedAt && captured === null && order.status !== "cancelled" && (
        <p role="status" className="mt-2 rounded-lg border border-accent-500 bg-orange-50 px-3 py-2 text-sm font-medium text-accent-600">
          The card authorisation is more than 6 days old. Stripe drops it at 7 days: finish picking so it can be captured.
        </p>
      )}
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1" data-testid="payment-amounts">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-stone-600">{label}</dt>
            <dd className="text-right font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {refunds.length > 0 && (
        <table className="mt-4 w-full text-sm">
          <caption className="text-left font-semibold">Refunds</caption>
          <thead>
            <tr className="border-b border-stone-200 text-left">
              <th scope="col" className="py-1 pr-2">When</th>
              <th scope="col" className="py-1 pr-2">Reason</th>
              <th scope="col" className="py-1 pr-2">Status</th>
              <th scope="col" className="py-1 text-right">Amount</th>
            </tr>
          </thead>
          <tbody>
            {refunds.map((refund) => (
              <tr key={refund.id} className="border-b border-stone-100 align-top">
                <td className="py-1 pr-2 whitespace-nowrap">{formatDateTime(refund.createdAt)}</td>
                <td className="py-1 pr-2">{refund.reason}</td>
                <td className="py-1 pr-2">
                  {REFUND_STATUS[refund.status]}
                  {refund.failureReason && <span className="block text-accent-600">{refund.failureReason}</span>}
                </td>
                <td className="py-1 text-right tabular-nums">{formatCents(refund.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
