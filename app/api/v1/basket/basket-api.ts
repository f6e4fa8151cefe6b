// The shopper's basket as the v1 API shows it (integer cents with currency, like the catalog),
// and BasketError mapped to API status codes.
import type { Store } from "@/db/schema";
import { getDb } from "@/db/client";
import { BasketError, findShopperBasketId, getBasketView, type BasketView, type BasketViewLine } from "@/db/queries/baskets";
import { storeFromQuery } from "@/lib/api/catalog";
import { isIntId } from "@/lib/ids";
import { ApiError } from "@/lib/api/errors";
import { basketTotals, type BasketTotals } from "@/lib/basket/pricing";
import { unitPriceCents } from "@/lib/catalog/pricing";

const money = (cents: number) => ({ amount: cents, currency: "EUR" as const });

function lineJson(l: BasketViewLine) {
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
    quantityUnit: l.sellingMode === "weight" ? "g" : "item",
    substitution: l.substitution,
    price: money(l.priceCents),
    pricedPer: l.sellingMode === "weight" ? "kg" : "item",
    unitPrice: unit === null ? null : { ...money(unit), per: l.unitPriceBasis },
    estimate: money(l.estimateCents),
    discount: money(l.discountCents),
    /** Why there is a discount: "3 for 2", "WELCOME10 −10%". */
    discountReasons: l.reasons,
    available: l.available,
    problem: l.problem,
    message: l.message,
    image: l.imageUrl ? { url: l.imageUrl } : null,
  };
}

function totalsJson(t: BasketTotals) {
  return {
    subtotal: money(t.subtotalCents),
    /** Taken off by promotions; the total and the VAT are net of it. */
    discount: money(t.discountCents),
    deliveryFee: money(t.deliveryFeeCents),
    total: money(t.totalCents),
    weighedEstimate: money(t.weighedEstimateCents),
    authorized: money(t.authorizedCents),
    freeDeliveryRemaining: money(t.freeDeliveryRemainingCents),
    vat: t.vat.map((v) => ({ rate: v.rateBp / 10_000, gross: money(v.grossCents), vat: money(v.vatCents), net: money(v.netCents) })),
  };
}

export function basketJson(view: BasketView) {
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
function emptyBasketJson(store: Pick<Store, "slug" | "name">) {
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
  const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : NaN;
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
