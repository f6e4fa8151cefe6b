// GET /api/v1/orders: the signed-in shopper's own orders, newest first, paginated.
import { z } from "zod";
import { getDb } from "@/db/client";
import { listShopperOrders } from "@/db/queries/shopper-orders";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { requireApiUser } from "@/lib/api/session";
import { orderSummaryJson, ordersQuerySchema, type orderListSchema } from "./orders-json";

export const GET = apiHandler(async (request: Request) => {
  const user = await requireApiUser();
  const parsed = ordersQuerySchema.safeParse({ page: new URL(request.url).searchParams.get("page") ?? undefined });
  if (!parsed.success) throw new ApiError("bad_request", "Invalid query parameters.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const result = await listShopperOrders(getDb(), user.id, { page: parsed.data.page });
  return Response.json({
    data: result.items.map(orderSummaryJson),
    pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
  } satisfies z.infer<typeof orderListSchema>);
}, { personal: true });
