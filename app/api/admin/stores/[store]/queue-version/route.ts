// GET /api/admin/stores/{store}/queue-version?day=2026-12-02: a token that changes whenever one of
// the day's orders at the store changes; the queue page polls it and re-renders when it moves.
// Agents of the store and admins only; another store is a 404 like an unknown one.
import { z } from "zod";
import { getDb } from "@/db/client";
import { queueVersion } from "@/db/queries/order-queue";
import { ApiError } from "@/lib/api/errors";
import { STORE_ROLES } from "@/lib/backoffice/access";
import { backOfficeRoute } from "@/lib/backoffice/route";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { dayRange } from "@/lib/time/zoned";

const query = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Give the day as YYYY-MM-DD.") });

export const GET = backOfficeRoute({ roles: STORE_ROLES, scope: "store" }, async (request, { place }) => {
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new ApiError("bad_request", "Invalid query.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const version = await queueVersion(getDb(), { storeId: place.storeId, ...dayRange(parsed.data.day, SHOP_TIME_ZONE) });
  return Response.json({ data: { version } });
});
