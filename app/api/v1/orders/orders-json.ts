// The shopper's orders as the v1 API shows them (integer cents with currency), the schemas of
// the requests and answers (OpenAPI, app/api/v1/operations.ts).
import { z } from "zod";
import type { OrderDetail, ShopperOrderSummary } from "@/db/queries/shopper-orders";
import { substitutionPreference } from "@/db/schema/baskets";
import { fulfilment, orderStatus } from "@/db/schema/orders";
import { money, moneySchema, paginationSchema, pricedPerSchema, soldBySchema } from "@/lib/api/schemas";
import { UUID_PATTERN } from "@/lib/ids";

export const ordersQuerySchema = z.object({ page: z.coerce.number().int("must be a whole number").min(1).max(10_000).default(1) });
/** An order's id in the path: anything but a UUID cannot name an order (404). */
export const orderPathSchema = z.object({ id: z.string().regex(UUID_PATTERN) });

const status = z.enum(orderStatus.enumValues);
const slotSchema = z.object({ startsAt: z.iso.datetime(), endsAt: z.iso.datetime() });
const storeRefSchema = z.object({ slug: z.string(), name: z.string() });

export const orderSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status,
    fulfilment: z.enum(fulfilment.enumValues),
    store: storeRefSchema,
    slot: slotSchema,
    total: moneySchema,
    lineCount: z.number().int(),
    createdAt: z.iso.datetime(),
    url: z.string(),
  })
  .meta({ id: "OrderSummary" });
export const orderListSchema = z.object({ data: z.array(orderSummarySchema), pagination: paginationSchema });

export const orderDetailSchema = z
  .object({
    id: z.uuid(),
    number: z.string(),
    status,
    fulfilment: z.enum(fulfilment.enumValues),
    store: storeRefSchema,
    slot: slotSchema,
    deliveryAddress: z.object({ recipient: z.string(), street: z.string(), postcode: z.string(), city: z.string(), phone: z.string().nullable() }).nullable(),
    contactEmail: z.string(),
    subtotal: moneySchema,
    deliveryFee: moneySchema,
    total: moneySchema,
    authorized: moneySchema,
    captured: moneySchema.nullable(),
    refunded: moneySchema,
    cancelReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    lines: z.array(
      z.object({
        variantId: z.number().int().nullable().describe("null once the product variant is deleted from the catalog."),
        name: z.string(),
        size: z.string(),
        sku: z.string(),
        soldBy: soldBySchema,
        quantity: z.number().int().describe("Items, or grams for weighed products."),
        quantityUnit: z.enum(["item", "g"]),
        price: moneySchema,
        pricedPer: pricedPerSchema,
        vatRate: z.number(),
        lineTotal: moneySchema,
        substitution: z.enum(substitutionPreference.enumValues),
        picked: z.object({ quantity: z.number().int(), total: moneySchema.nullable() }).nullable(),
      }),
    ),
    timeline: z.array(z.object({ from: status.nullable(), to: status, reason: z.string().nullable(), at: z.iso.datetime() })),
  })
  .meta({ id: "OrderDetail" });
export const orderSchema = z.object({ data: orderDetailSchema });

export function orderSummaryJson(o: ShopperOrderSummary): z.infer<typeof orderSummarySchema> {
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

export function orderDetailJson({ order, store, slot, lines, timeline }: OrderDetail): z.infer<typeof orderDetailSchema> {
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
      quantityUnit: l.sellingMode === "weight" ? ("g" as const) : ("item" as const),
      price: money(l.unitPriceCents),
      pricedPer: l.sellingMode === "weight" ? ("kg" as const) : ("item" as const),
      vatRate: l.vatRateBp / 10_000,
      lineTotal: money(l.lineTotalCents),
      substitution: l.substitution,
      picked: l.pickedQuantity === null ? null : { quantity: l.pickedQuantity, total: l.pickedTotalCents === null ? null : money(l.pickedTotalCents) },
    })),
    timeline: timeline.map((e) => ({ from: e.fromStatus, to: e.toStatus, reason: e.reason, at: e.at.toISOString() })),
  };
}
