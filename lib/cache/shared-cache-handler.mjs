// The 'use cache' handler of every web instance (./next-cache-handler.mjs): Next.js's own
// in-memory LRU per instance, whose tag invalidations reach every instance through PostgreSQL
// LISTEN/NOTIFY. Plain JavaScript: Next.js imports this file as it is, uncompiled.
//
// Next.js keeps one tags manifest per process (next/dist/server/lib/incremental-cache/
// tags-manifest.external.js), read both by its default handler and by the route cache that holds
// the prerendered pages. Applying a remote invalidation through the default handler's updateTags
// therefore expires both, as a revalidateTag on this instance would. A LISTEN connection that drops
// may have missed invalidations: until it listens again nothing is read from the cache, and then
// everything cached before is expired, as `revalidatePath("/", "layout")` would.
import { randomUUID } from "node:crypto";
import { createDefaultCacheHandler } from "next/dist/server/lib/cache-handlers/default.js";
import { NEXT_CACHE_IMPLICIT_TAG_ID } from "next/dist/lib/constants.js";
import pino from "pino";
import postgres from "postgres";
import { CACHE_TAGS_CHANNEL, decodeTagNotification, encodeTagNotifications } from "./tag-notifications.mjs";

/** The root layout's implicit tag: every page, and every 'use cache' entry through its request's soft tags. */
export const EVERYTHING_TAG = `${NEXT_CACHE_IMPLICIT_TAG_ID}/layout`;

const DEFAULT_MAX_SIZE = 50 * 1024 * 1024;

/**
 * @param {import("./shared-cache-handler.d.mts").SharedCacheHandlerOptions} options
 * @returns {import("./shared-cache-handler.d.mts").SharedCacheHandler}
 */
export function createSharedCacheHandler(options = {}) {
  const { databaseUrl, maxSize = DEFAULT_MAX_SIZE, createLocal = createDefaultCacheHandler, retryDelayMs = 500 } = options;
  const log = options.logger ?? pino({ level: process.env.LOG_LEVEL ?? "info", base: { service: process.env.HALLES_SERVICE ?? "web" } }).child({ component: "cache-handler" });
  const instance = randomUUID();
  let local = createLocal(maxSize);
  let listening = false;
  let listenedBefore = false;
  let stopped = false;
  let reconnecting = null;

  const applyLocally = (tags, durations) => (durations ? local.updateTags(tags, durations) : local.updateTags(tags));

  // One connection, never recycled: LISTEN lives in its session. Notifications are sent on it too.
  const sql = databaseUrl
    ? postgres(databaseUrl, {
        max: 1,
        idle_timeout: null,
        max_lifetime: null,
        fetch_types: false,
        onnotice: () => {},
        connection: { application_name: "halles-cache-tags" },
        onnotify: (channel, payload) => {
          if (channel !== CACHE_TAGS_CHANNEL) return;
          const message = decodeTagNotification(payload);
          if (!message) return log.warn({ payload: payload.slice(0, 200) }, "ignored a cache tag notification that is not one");
          if (message.from === instance) return;
          void applyLocally(message.tags, message.durations);
        },
        onclose: () => {
          if (stopped) return;
          if (listening) log.warn("the cache tag LISTEN connection closed: not reading the cache until it listens again");
          listening = false;
          void listen();
        },
      })
    : null;

  async function listen() {
    reconnecting ??= (async () => {
      while (!stopped && !listening) {
        try {
          await sql.unsafe(`listen ${CACHE_TAGS_CHANNEL}`);
          if (stopped) return;
          // Whatever was cached before may have missed an invalidation while nobody listened.
          if (listenedBefore) {
            local = createLocal(maxSize);
            await local.updateTags([EVERYTHING_TAG]);
            log.info("listening for cache tag invalidations again; the cache was emptied");
          }
          listening = true;
          listenedBefore = true;
        } catch (error) {
          if (stopped) return;
          log.warn({ err: error }, "could not LISTEN for cache tag invalidations; trying again");
          await new Promise((resolve) => setTimeout(resolve, retryDelayMs));
        }
      }
    })().finally(() => {
      reconnecting = null;
    });
    return reconnecting;
  }
  const ready = sql ? listen() : Promise.resolve();

  return {
    async get(cacheKey, softTags) {
      if (sql && !listening) return undefined;
      return local.get(cacheKey, softTags);
    },
    set(cacheKey, pendingEntry) {
      return local.set(cacheKey, pendingEntry);
    },
    refreshTags() {
      return local.refreshTags();
    },
    getExpiration(tags) {
      return local.getExpiration(tags);
    },
    async updateTags(tags, durations) {
      await applyLocally(tags, durations);
      if (!sql || tags.length === 0) return;
      try {
        for (const payload of encodeTagNotifications(tags, durations, instance)) await sql`select pg_notify(${CACHE_TAGS_CHANNEL}, ${payload})`;
      } catch (error) {
        // The write behind it has committed: failing the request would not undo it.
        log.error({ err: error, tags }, "could not send a cache tag invalidation to the other instances");
      }
    },
    ready: () => ready,
    isListening: () => listening,
    async close() {
      stopped = true;
      await sql?.end({ timeout: 1 });
    },
  };
}
