// PUT /api/v1/basket/lines/{variantId}: set a line's quantity (items, or grams for weighed
// products; 0 removes a line already in the basket). DELETE removes the line. Both answer with
// the basket. Prices are never read from the body: the basket is priced from the catalog.
import { z } from "zod";
import { getDb } from "@/db/client";
import { BasketError, findShopperBasketId, getBasketView, getOrCreateBasket, removeBasketLine, setBasketLine } from "@/db/queries/baskets";
import { storeFromQuery } from "@/lib/api/catalog";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/api/session";
import { basketApiError, basketLineBodySchema, shopperBasketResponse, variantIdFromPath } from "../../basket-api";

type Context = RouteContext<"/api/v1/basket/lines/[variantId]">;

async function readBody(request: Request): Promise<z.infer<typeof basketLineBodySchema>> {
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    throw new ApiError("bad_request", "The request body must be valid JSON.");
  }
  const parsed = basketLineBodySchema.safeParse(raw);
  if (!parsed.success) throw new ApiError("bad_request", "Invalid request body.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  return parsed.data;
}

export const PUT = apiHandler(async (request: Request, { params }: Context) => {
  const user = await requireApiUser();
  const variantId = variantIdFromPath((await params).variantId);
  const body = await readBody(request);
  const search = new URL(request.url).searchParams;
  const existingId = await findShopperBasketId(getDb(), user.id);

  if (body.quantity === 0) {
    // 0 removes a line the basket has; it is not a quantity one can add.
    const view = existingId ? await getBasketView(getDb(), existingId) : null;
    if (!view?.lines.some((l) => l.variantId === variantId)) {
      const message = "Choose a quantity above 0 to add a product; 0 only removes a line already in the basket.";
      throw new ApiError("bad_request", message, { quantity: [message] });
    }
    await removeBasketLine(getDb(), { basketId: view.basket.id, variantId });
    return shopperBasketResponse(user.id, search);
  }

  const storeId = existingId ? null : (await storeFromQuery(search)).id;
  try {
    // One transaction: a refused line leaves no new, empty basket behind.
    await getDb().transaction(async (tx) => {
      const basketId = existingId ?? (await getOrCreateBasket(tx, { userId: user.id, storeId: storeId! })).id;
      await setBasketLine(tx, { basketId, variantId, quantity: body.quantity, substitution: body.substitution });
    });
  } catch (error) {
    if (error instanceof BasketError) throw basketApiError(error);
    throw error;
  }
  return shopperBasketResponse(user.id, search);
}, { personal: true });

export const DELETE = apiHandler(async (request: Request, { params }: Context) => {
  const user = await requireApiUser();
  const variantId = variantIdFromPath((await params).variantId);
  const basketId = await findShopperBasketId(getDb(), user.id);
  if (basketId) await removeBasketLine(getDb(), { basketId, variantId });
  return shopperBasketResponse(user.id, new URL(request.url).searchParams);
}, { personal: true });
