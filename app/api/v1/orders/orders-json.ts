// The shopper's orders as the v1 API shows them: integer cents with currency.
import type { OrderDetail, ShopperOrderSummary } from "@/db/queries/shopper-orders";

const money = (cents: number) => ({ amount: cents, currency: "EUR" as const });

export function orderSummaryJson(o: ShopperOrderSummary) {
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    fulfilment: o.fulfilment,
    store: o.store,
    slot: { startsAt: o.slot.startsAt.toISOString(), endsAt: o.slot.endsAt.toISOString() },
    total: money(o.totalCents),
    lineCount: o.lineCount,
    createdAt: o.createdAt.toISOString(),
    url: `/api/v1/orders/${o.id}`,
  };
}

export function orderDetailJson({ order, store, slot, lines, timeline }: OrderDetail) {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    fulfilment: order.fulfilment,
    store,
    slot: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString() },
    deliveryAddress: order.deliveryAddress,
    contactEmail: order.contactEmail,
    subtotal: money(order.subtotalCents),
    deliveryFee: money(order.deliveryFeeCents),
    total: money(order.totalCents),
    authorized: money(order.authorizedCents),
    captured: order.capturedCents === null ? null : money(order.capturedCents),
    refunded: money(order.refundedCents),
    cancelReason: order.cancelReason,
    createdAt: order.createdAt.toISOString(),
    lines: lines.map((l) => ({
      variantId: l.variantId,
      name: l.productName,
      size: l.sizeLabel,
      sku: l.sku,
      soldBy: l.sellingMode,
      quantity: l.quantity,
      quantityUnit: l.sellingMode === "weight" ? "g" : "item",
      price: money(l.unitPriceCents),
      pricedPer: l.sellingMode === "weight" ? "kg" : "item",
      vatRate: l.vatRateBp / 10_000,
      lineTotal: money(l.lineTotalCents),
      substitution: l.substitution,
      picked: l.pickedQuantity === null ? null : { quantity: l.pickedQuantity, total: l.pickedTotalCents === null ? null : money(l.pickedTotalCents) },
    })),
    timeline: timeline.map((e) => ({ from: e.fromStatus, to: e.toStatus, reason: e.reason, at: e.at.toISOString() })),
  };
}
