// GET /api/admin/orders/{id}/version: a token that changes whenever the order changes (status,
// picking, capture, refunds); its back-office page polls it and re-renders when it moves. Agents
// of the order's store and admins only; another store's order is a 404 like an unknown one.
import { getDb } from "@/db/client";
import { findOrder } from "@/db/queries/orders";
import { orderVersion } from "@/db/queries/staff-order";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { requireApiRole } from "@/lib/api/session";
import { worksAtStore } from "@/lib/auth/access";
import { STORE_ROLES } from "@/lib/backoffice/access";
import { UUID_PATTERN } from "@/lib/ids";

export const GET = apiHandler(async (_request: Request, { params }: RouteContext<"/api/admin/orders/[id]/version">) => {
  const user = await requireApiRole(STORE_ROLES);
  const { id } = await params;
  const order = UUID_PATTERN.test(id) ? await findOrder(getDb(), id) : null;
  if (!order || !worksAtStore(user, order.storeId)) throw new ApiError("not_found", "No such order.");
  return Response.json({ data: { version: orderVersion(order) } });
}, { personal: true });
