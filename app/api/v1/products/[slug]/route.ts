// GET /api/v1/products/{slug}: one product with its variants and their stock at a store.
import type { z } from "zod";
import { getDb } from "@/db/client";
import { getProductDetail } from "@/db/queries/products";
import { productDetailJson, productSlugParam, storeFromQuery, type productSchema } from "@/lib/api/catalog";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";

export const GET = apiHandler(async (request: Request, { params }: RouteContext<"/api/v1/products/[slug]">) => {
  const { slug } = await params;
  const store = await storeFromQuery(new URL(request.url).searchParams);
  const detail = productSlugParam.safeParse(slug).success ? await getProductDetail(getDb(), slug, store.id) : null;
  if (!detail) throw new ApiError("not_found", `No product "${slug.slice(0, 120)}".`);
  return Response.json({ store: store.slug, data: productDetailJson(detail) } satisfies z.infer<typeof productSchema>);
});
