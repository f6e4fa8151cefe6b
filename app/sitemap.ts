import type { MetadataRoute } from "next";
import { cacheLife, cacheTag } from "next/cache";
import { connection } from "next/server";
import { getDb } from "@/db/client";
import { listSitemapEntries } from "@/db/queries/sitemap";
import { TAGS } from "@/lib/cache-tags";
import { publicUrl } from "@/lib/env";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  await connection();
  return cachedSitemap();
}

async function cachedSitemap(): Promise<MetadataRoute.Sitemap> {
  "use cache";
  cacheTag(TAGS.catalog);
  cacheLife("hours");
  const base = publicUrl();
  const { categories, products } = await listSitemapEntries(getDb());
  return [
    { url: `${base}/`, changeFrequency: "daily", priority: 1 },
    ...categories.map((c) => ({ url: `${base}/c/${c.slug}`, changeFrequency: "daily" as const, priority: 0.8 })),
    ...products.map((p) => ({ url: `${base}/p/${p.slug}`, lastModified: p.updatedAt, changeFrequency: "weekly" as const, priority: 0.6 })),
  ];
}
