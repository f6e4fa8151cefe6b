// GET /api/v1/products: filter, search and page through the catalog at a store.
import { z } from "zod";
import { getDb } from "@/db/client";
import { findInTree, getCategoryTree } from "@/db/queries/categories";
import { listProducts } from "@/db/queries/products";
import { productListExtraQuery, productListJson, storeFromQuery } from "@/lib/api/catalog";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { parseListingParamsStrict } from "@/lib/catalog/listing-params";

export const GET = apiHandler(async (request: Request) => {
  const search = new URL(request.url).searchParams;
  const listing = parseListingParamsStrict(search);
  const more = productListExtraQuery.safeParse({ category: search.get("category") ?? undefined, limit: search.get("limit") ?? undefined });
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
  return Response.json(productListJson(store, result));
});
