// A shopper's orders as a list: number, date, status, total and slot, each linking to its page.
// Used by the account page (the latest few) and the order history.
import { Link } from "@/components/layout/shop-link";
import type { ShopperOrderSummary } from "@/db/queries/shopper-orders";
import { formatCents } from "@/lib/catalog/pricing";
import { formatDate, formatSlotShort } from "@/lib/orders/labels";
import { OrderStatusBadge } from "./order-status-badge";

export function OrderSummaryList({ orders, label = "Your orders" }: { orders: ShopperOrderSummary[]; label?: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-stone-200 rounded-xl border border-stone-200 bg-white">
      {orders.map((o) => (
        <li key={o.id} className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 p-4" data-testid="order-summary">
          <div className="min-w-0">
            <Link href={`/account/orders/${o.id}`} className="font-semibold text-brand-700 underline">
              Order {o.number}
            </Link>
            <p className="text-sm text-stone-600">
              Placed <time dateTime={o.createdAt.toISOString()}>{formatDate(o.createdAt)}</time> · {o.lineCount} {o.lineCount === 1 ? "product" : "products"}
            </p>
            <p className="text-sm text-stone-700">
              {o.fulfilment === "delivery" ? "Delivery" : "Collection"} {formatSlotShort(o.slot)}
            </p>
          </div>
          <div className="flex flex-col items-end gap-1">
            <OrderStatusBadge status={o.status} />
            <span className="font-semibold tabular-nums">{formatCents(o.totalCents)}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
