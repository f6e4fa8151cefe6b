// The options of the catalog forms' pickers: brands and categories (indented by depth).
import type { Executor } from "@/db/client";
import { flattenTree, listBrands, listCategoryRows } from "@/db/queries/catalog-admin";

export async function catalogChoices(db: Executor) {
  const [brands, rows] = await Promise.all([listBrands(db), listCategoryRows(db)]);
  return {
    brands: brands.map((b) => ({ value: String(b.id), label: b.name })),
    categories: flattenTree(rows).map((c) => ({ value: String(c.id), label: c.path })),
  };
}
