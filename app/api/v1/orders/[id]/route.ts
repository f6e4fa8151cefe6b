// GET /api/v1/orders/{id}: one of the signed-in shopper's orders with its lines and status
// timeline. Another shopper's order is a 404 like a missing one, so ids cannot be probed.
import { getDb } from "@/db/client";
import { getShopperOrder } from "@/db/queries/shopper-orders";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/api/session";
import { orderDetailJson, orderPathSchema } from "../orders-json";

export const GET = apiHandler(async (_request: Request, { params }: RouteContext<"/api/v1/orders/[id]">) => {
  const user = await requireApiUser();
  const path = orderPathSchema.safeParse(await params);
  const order = path.success ? await getShopperOrder(getDb(), user.id, path.data.id) : null;
  if (!order) throw new ApiError("not_found", "No such order.");
  return Response.json({ data: orderDetailJson(order) });
}, { personal: true });
