// GET /api/v1/basket: the signed-in shopper's basket with current prices, stock problems and totals.
import { apiHandler } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/api/session";
import { shopperBasketResponse } from "./basket-api";

export const GET = apiHandler(async (request: Request) => {
  const user = await requireApiUser();
  return shopperBasketResponse(user.id, new URL(request.url).searchParams);
}, { personal: true });
