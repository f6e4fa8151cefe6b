// The wrapper for back-office route handlers (live data for the agents' pages), like
// backOfficeAction for actions: 401 signed out or deactivated, 403 for other roles, 404 for a
// store (`[store]` segment) or order (`[orderId]` segment) outside the agent's stores.
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import type { SessionUser } from "@/lib/auth/access";
import { requireApiRole } from "@/lib/api/session";
import { ORDER_FIELD, resolvePlace, STORE_FIELD, withAccess, type ActionPlace, type BackOfficeAccess } from "./action";

type Params = Record<string, string | string[] | undefined>;

export function backOfficeRoute<P extends Params>(
  access: BackOfficeAccess,
  handler: (request: Request, context: { params: P; user: SessionUser; place: ActionPlace }) => Promise<Response>,
): (request: Request, context: { params: Promise<P> }) => Promise<Response> {
  const route = apiHandler(
    async (request: Request, context: { params: Promise<P> }) => {
      const user = await requireApiRole(access.roles);
      // A route without dynamic segments gets no params.
      const params = ((await context?.params) ?? {}) as P;
      const place = await resolvePlace(user, access.scope, params[access.scope === "store" ? STORE_FIELD : ORDER_FIELD]);
      if (!place) throw new ApiError("not_found", "Not found.");
      return handler(request, { params, user, place });
    },
    { personal: true },
  );
  return withAccess(route, access);
}
