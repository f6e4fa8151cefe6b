// POST /api/internal/revalidate: expires storefront cache tags (a store's stock, …) on every web
// instance (this one's cache handler tells the others), for Halles's own scripts and tests; the
// workers send the tags themselves (workers/tasks/refresh-storefront.ts). The bearer token is
// derived from AUTH_SECRET (lib/storefront/refresh-token.ts).
import { revalidateTag } from "next/cache";
import { z } from "zod";
import { readTextWithin } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { authSecret } from "@/lib/auth/secret";
import { TASK_PAYLOADS } from "@/lib/jobs/tasks";
import { isRefreshToken } from "@/lib/storefront/refresh-token";

export const POST = apiHandler(async (request: Request) => {
  if (!isRefreshToken(request.headers.get("authorization"), authSecret())) throw new ApiError("unauthorized", "This endpoint is for Halles's own services.");
  let body: unknown;
  try {
    body = JSON.parse(await readTextWithin(request, 16 * 1024));
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError("bad_request", "The body must be JSON.");
  }
  const parsed = TASK_PAYLOADS["refresh-storefront"].safeParse(body);
  if (!parsed.success) throw new ApiError("bad_request", "Invalid tags.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  // Expired now, not stale-while-revalidate: the next shopper must not be told "in stock" again.
  for (const tag of parsed.data.tags) revalidateTag(tag, { expire: 0 });
  return Response.json({ revalidated: parsed.data.tags }, { headers: { "Cache-Control": "no-store" } });
});
