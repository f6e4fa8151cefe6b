// The module next.config.ts names in `cacheHandlers`: this instance's handler (shared-cache-handler.mjs).
import { createSharedCacheHandler } from "./shared-cache-handler.mjs";

// Next.js also loads it while building, when there is nobody to tell.
const building = process.env.NEXT_PHASE === "phase-production-build";

export default createSharedCacheHandler({ databaseUrl: building ? undefined : process.env.DATABASE_URL });
