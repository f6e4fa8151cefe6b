// GET /api/v1/categories: the category tree.
import { getDb } from "@/db/client";
import { getCategoryTree } from "@/db/queries/categories";
import { categoryJson } from "@/lib/api/catalog";
import { apiHandler } from "@/lib/api/handler";

export const GET = apiHandler(async () => Response.json({ data: (await getCategoryTree(getDb())).map(categoryJson) }));
