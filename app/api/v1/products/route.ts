// GET /api/v1/products: filter, search and page through the catalog at a store.
import { z } from "zod";
import { getDb } from "@/db/client";
import { findInTree, getCategoryTree } from "@/db/queries/categories";
import { listProducts } from "@/db/queries/products";
import { productCardJson, storeFromQuery } from "@/lib/api/catalog";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { parseListingParamsStrict } from "@/lib/catalog/listing-params";

const extra = z.object({
  category: z.string().regex(/^[a-z0-9-]{1,120}$/, "must be a category slug").optional(),
  limit: z.coerce.number().int("must be a whole number").min(1).max(100).default(24),
});

export const GET = apiHandler(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const listing = parseListingParamsStrict(search);
  const more = extra.safeParse({ category: search.get("category") ?? undefined, limit: search.get("limit") ?? undefined });
  const fields = { ...(listing.ok ? {} : listing.fields), ...(more.success ? {} : z.flattenError(more.error).fieldErrors) };
  if (!listing.ok || !more.success) throw new ApiError("bad_request", "Invalid query parameters.", fields as Record<string, string[]>);

  const store = await storeFromQuery(search);
  let categoryIds: number[] | undefined;
  if (more.data.category) {
    const found = findInTree(await getCategoryTree(getDb()), more.data.category);
    if (!found) throw new ApiError("bad_request", "Invalid query parameters.", { category: ["no such category, see /api/v1/categories"] });
    categoryIds = found.ids;
  }
  const result = await listProducts(getDb(), { storeId: store.id, categoryIds, params: listing.params, pageSize: more.data.limit });
  return Response.json({
    store: store.slug,
    data: result.items.map(productCardJson),
    pagination: { page: result.page, pageSize: result.pageSize, total: result.total, pageCount: result.pageCount },
    facets: result.facets,
    corrections: result.corrections,
  });
});
