import type { MetadataRoute } from "next";
import { publicUrl } from "@/lib/env";

export default function robots(): MetadataRoute.Robots {
  const base = publicUrl();
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/admin", "/api/", "/search"] }],
    sitemap: `${base}/sitemap.xml`,
  };
}
