// GET /api/v1/categories: the category tree.
import { getDb } from "@/db/client";
import { getCategoryTree, type CategoryNode } from "@/db/queries/categories";
import { apiHandler } from "@/lib/api/handler";

type CategoryJson = { slug: string; name: string; description: string; children: CategoryJson[] };
const toJson = (c: CategoryNode): CategoryJson => ({ slug: c.slug, name: c.name, description: c.description, children: c.children.map(toJson) });

export const GET = apiHandler(async () => Response.json({ data: (await getCategoryTree(getDb())).map(toJson) }));
