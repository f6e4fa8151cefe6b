// The shopper's basket as the v1 API shows it (integer cents with currency, like the catalog),
// the schemas of its requests and answers (OpenAPI, app/api/v1/operations.ts), and BasketError
// mapped to API status codes.
import { z } from "zod";
import type { Store } from "@/db/schema";
import { substitutionPreference } from "@/db/schema/baskets";
import { getDb } from "@/db/client";
import { BasketError, findShopperBasketId, getBasketView, type BasketView, type BasketViewLine } from "@/db/queries/baskets";
import { storeFromQuery } from "@/lib/api/catalog";
import { isIntId } from "@/lib/ids";
import { ApiError } from "@/lib/api/errors";
import { basketTotals, type BasketTotals } from "@/lib/basket/pricing";
import { unitPriceCents } from "@/lib/catalog/pricing";
import { money, moneySchema, pricedPerSchema, soldBySchema, unitPriceSchema } from "@/lib/api/schemas";

/** PUT /api/v1/basket/lines/{variantId}. Unknown keys (a client's `priceCents`, say) are dropped, not trusted. */
export const basketLineBodySchema = z.object({
  quantity: z.number({ error: "must be a number: items, or grams for weighed products" }).describe("Items, or grams for weighed products; 0 removes a line in the basket."),
  substitution: z.enum(substitutionPreference.enumValues, { error: 'must be "allow" or "refuse"' }).optional(),
});

/** A variant id in the path: a positive int4; anything else cannot name a variant (404). */
export const basketLinePathSchema = z.object({ variantId: z.string().regex(/^[1-9][0-9]{0,9}$/) });

const basketLineSchema = z.object({
  variantId: z.number().int(),
  product: z.object({ slug: z.string(), name: z.string(), url: z.string() }),
  size: z.string(),
  sku: z.string(),
  soldBy: soldBySchema,
  weightStepGrams: z.number().int().nullable(),
  quantity: z.number().int().describe("Items, or grams for weighed products."),
  quantityUnit: z.enum(["item", "g"]),
  substitution: z.enum(substitutionPreference.enumValues),
  price: moneySchema,
  pricedPer: pricedPerSchema,
  unitPrice: unitPriceSchema,
  estimate: moneySchema.describe("The line's price; for weighed products an estimate until picked."),
  discount: moneySchema.describe("Taken off this line by promotions."),
  discountReasons: z.array(z.string()).describe('Why there is a discount: "3 for 2", "WELCOME10 −10%".'),
  available: z.number().int().describe("Available at the basket's store now."),
  problem: z.enum(["unavailable", "insufficient_stock", "invalid_quantity"]).nullable(),
  message: z.string().nullable().describe("What the problem means for the shopper."),
  image: z.object({ url: z.string() }).nullable(),
});

/** The basket's totals: a new amount (a discount, say) is one line here and one in totalsJson. */
const basketTotalsSchema = z.object({
  subtotal: moneySchema,
  discount: moneySchema.describe("Taken off by promotions; the total and the VAT are net of it."),
  deliveryFee: moneySchema,
  total: moneySchema,
  weighedEstimate: moneySchema.describe("The part of the subtotal from weighed lines, known after picking."),
  authorized: moneySchema.describe("What the card is authorised for: the total plus a buffer for weighed lines."),
  freeDeliveryRemaining: moneySchema,
  vat: z.array(z.object({ rate: z.number(), gross: moneySchema, vat: moneySchema, net: moneySchema })),
});

export const basketSchema = z
  .object({
    data: z.object({
      store: z.object({ slug: z.string(), name: z.string() }),
      lines: z.array(basketLineSchema),
      totals: basketTotalsSchema,
      promotionCode: z
        .object({ code: z.string(), applies: z.boolean(), message: z.string().nullable().describe("Why the code does not apply now, if it does not.") })
        .nullable()
        .describe("The promotion code entered at the basket, checked again whenever the basket is priced."),
      ready: z.boolean().describe("Whether the basket can go to checkout as it is."),
    }),
  })
  .meta({ id: "Basket" });
type BasketJson = z.infer<typeof basketSchema>;

function lineJson(l: BasketViewLine): BasketJson["data"]["lines"][number] {
  const unit = unitPriceCents(l);
  return {
    variantId: l.variantId,
    product: { slug: l.productSlug, name: l.productName, url: `/p/${l.productSlug}` },
    size: l.sizeLabel,
    sku: l.sku,
    soldBy: l.sellingMode,
    weightStepGrams: l.weightStepGrams,
    /** Items, or grams for weighed products. */
    quantity: l.quantity,
    quantityUnit: l.sellingMode === "weight" ? ("g" as const) : ("item" as const),
    substitution: l.substitution,
    price: money(l.priceCents),
    pricedPer: l.sellingMode === "weight" ? ("kg" as const) : ("item" as const),
    unitPrice: unit === null ? null : { ...money(unit), per: l.unitPriceBasis },
    estimate: money(l.estimateCents),
    discount: money(l.discountCents),
    discountReasons: l.reasons,
    available: l.available,
    problem: l.problem,
    message: l.message,
    image: l.imageUrl ? { url: l.imageUrl } : null,
  };
}

function totalsJson(t: BasketTotals): BasketJson["data"]["totals"] {
  return {
    subtotal: money(t.subtotalCents),
    discount: money(t.discountCents),
    deliveryFee: money(t.deliveryFeeCents),
    total: money(t.totalCents),
    weighedEstimate: money(t.weighedEstimateCents),
    authorized: money(t.authorizedCents),
    freeDeliveryRemaining: money(t.freeDeliveryRemainingCents),
    vat: t.vat.map((v) => ({ rate: v.rateBp / 10_000, gross: money(v.grossCents), vat: money(v.vatCents), net: money(v.netCents) })),
  };
}

export function basketJson(view: BasketView): BasketJson {
  return {
    data: {
      store: { slug: view.store.slug, name: view.store.name },
      lines: view.lines.map(lineJson),
      totals: totalsJson(view.totals),
      promotionCode: view.promotions.code ? { code: view.promotions.code, applies: view.promotions.refusal === null, message: view.promotions.refusalMessage } : null,
      ready: view.ready,
    },
  };
}

/** What a shopper without a basket sees: nothing in it, at the store a new basket would use. */
function emptyBasketJson(store: Pick<Store, "slug" | "name">): BasketJson {
  return { data: { store: { slug: store.slug, name: store.name }, lines: [], totals: totalsJson(basketTotals([], "delivery")), promotionCode: null, ready: false } };
}

/** The caller's basket view, or the empty shape; creates nothing. `store` only matters when there is no basket. */
export async function shopperBasketResponse(userId: string, search: URLSearchParams): Promise<Response> {
  const basketId = await findShopperBasketId(getDb(), userId);
  const view = basketId ? await getBasketView(getDb(), basketId) : null;
  return Response.json(view ? basketJson(view) : emptyBasketJson(await storeFromQuery(search)));
}

/** A variant id from the URL: a positive int4, else the variant cannot exist (404, never a database error). */
export function variantIdFromPath(raw: string): number {
  const id = basketLinePathSchema.safeParse({ variantId: raw }).success ? Number(raw) : NaN;
  if (!isIntId(id)) throw new ApiError("not_found", "No such product variant.");
  return id;
}

export function basketApiError(error: BasketError): ApiError {
  switch (error.code) {
    case "invalid_quantity":
      return new ApiError("bad_request", error.message, { quantity: [error.message] });
    case "insufficient_stock":
      return new ApiError("conflict", error.message, { quantity: [error.message] });
    case "unknown_variant":
      return new ApiError("not_found", error.message);
    case "store_not_found":
      return new ApiError("not_found", error.message);
    case "basket_not_found":
      return new ApiError("conflict", "Your basket changed meanwhile. Please try again.");
  }
}
