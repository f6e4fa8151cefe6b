// GET /api/v1/stores: all stores, or those delivering to ?postcode=.
import { z } from "zod";
import { getDb } from "@/db/client";
import { findStoresDeliveringTo, listStores } from "@/db/queries/stores";
import { storeJson } from "@/lib/api/catalog";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";

const postcode = z.string().trim().regex(/^[0-9A-Za-z ]{2,10}$/, "must be a postcode such as 69003");

export const GET = apiHandler(async (request: Request) => {
  const raw = new URL(request.url).searchParams.get("postcode");
  if (raw === null) return Response.json({ data: (await listStores(getDb())).map(storeJson) });
  const parsed = postcode.safeParse(raw);
  if (!parsed.success) throw new ApiError("bad_request", "Invalid query parameters.", { postcode: parsed.error.issues.map((i) => i.message) });
  return Response.json({ data: (await findStoresDeliveringTo(getDb(), parsed.data)).map(storeJson) });
});
