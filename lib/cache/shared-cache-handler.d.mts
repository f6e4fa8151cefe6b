import type { CacheHandler } from "next/dist/server/lib/cache-handlers/types";
import type { Logger } from "pino";

export const EVERYTHING_TAG: string;

export type SharedCacheHandlerOptions = {
  /** Unset: a plain in-memory handler that tells nobody (builds, no database). */
  databaseUrl?: string;
  /** Bytes of cached values per instance. */
  maxSize?: number;
  /** The in-memory handler behind it: Next.js's default one. */
  createLocal?: (maxSize: number) => CacheHandler;
  logger?: Logger;
  /** Between attempts to LISTEN again. */
  retryDelayMs?: number;
};

export type SharedCacheHandler = CacheHandler & {
  /** Resolves once the first LISTEN is in place. */
  ready(): Promise<void>;
  isListening(): boolean;
  close(): Promise<void>;
};

export function createSharedCacheHandler(options?: SharedCacheHandlerOptions): SharedCacheHandler;
