// An order's status as a coloured label, the same in lists and on the order page.
import type { OrderStatus } from "@/db/schema";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";

const TONES: Record<OrderStatus, string> = {
  pending_payment: "bg-amber-100 text-amber-900",
  authorized: "bg-amber-100 text-amber-900",
  confirmed: "bg-brand-50 text-brand-800",
  picking: "bg-sky-100 text-sky-900",
  picked: "bg-sky-100 text-sky-900",
  ready_for_collection: "bg-brand-50 text-brand-800",
  out_for_delivery: "bg-brand-50 text-brand-800",
  completed: "bg-stone-200 text-stone-800",
  cancelled: "bg-stone-200 text-stone-700",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${TONES[status]}`} data-testid="order-status">
      {ORDER_STATUS_LABELS[status]}
    </span>
  );
}
