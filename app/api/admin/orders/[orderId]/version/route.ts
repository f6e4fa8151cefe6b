// GET /api/admin/orders/{orderId}/version: a token that changes whenever the order changes (status,
// picking, capture, refunds); its back-office page polls it and re-renders when it moves. Agents
// of the order's store and admins only; another store's order is a 404 like an unknown one.
import { getDb } from "@/db/client";
import { findOrder } from "@/db/queries/orders";
import { orderVersion } from "@/db/queries/staff-order";
import { ApiError } from "@/lib/api/errors";
import { STORE_ROLES } from "@/lib/backoffice/access";
import { backOfficeRoute } from "@/lib/backoffice/route";

export const GET = backOfficeRoute({ roles: STORE_ROLES, scope: "order" }, async (_request, { place }) => {
  const order = await findOrder(getDb(), place.orderId!);
  if (!order) throw new ApiError("not_found", "Not found.");
  return Response.json({ data: { version: orderVersion(order) } });
});
