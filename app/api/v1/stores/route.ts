// GET /api/v1/stores: all stores, or those delivering to ?postcode=.
import { z } from "zod";
import { getDb } from "@/db/client";
import { findStoresDeliveringTo, listStores } from "@/db/queries/stores";
import { storeJson, storesQuerySchema, type storeListSchema } from "@/lib/api/catalog";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";

export const GET = apiHandler(async (request: Request) => {
  const raw = new URL(request.url).searchParams.get("postcode");
  const parsed = storesQuerySchema.safeParse({ postcode: raw ?? undefined });
  if (!parsed.success) throw new ApiError("bad_request", "Invalid query parameters.", z.flattenError(parsed.error).fieldErrors as Record<string, string[]>);
  const { postcode } = parsed.data;
  const stores = postcode === undefined ? await listStores(getDb()) : await findStoresDeliveringTo(getDb(), postcode);
  return Response.json({ data: stores.map(storeJson) } satisfies z.infer<typeof storeListSchema>);
});
