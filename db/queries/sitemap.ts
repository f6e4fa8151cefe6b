// URLs for sitemap.xml; capped at the 50,000 URLs one sitemap file may hold.
import { asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { categories, products } from "../schema";

const MAX_URLS = 50_000;

export async function listSitemapEntries(db: Executor) {
  const cats = await db.select({ slug: categories.slug }).from(categories).orderBy(asc(categories.position));
  const prods = await db
    .select({ slug: products.slug, updatedAt: products.updatedAt })
    .from(products)
    .where(eq(products.active, true))
    .orderBy(asc(products.id))
    .limit(MAX_URLS - cats.length - 1);
  return { categories: cats, products: prods };
}
