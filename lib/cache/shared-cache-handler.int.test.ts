// The 'use cache' handler of several web instances, against the real PostgreSQL: two handlers in
// this process stand for two instances. Both share this process's tags manifest, so what crosses is
// read from the invalidations each one applied to its own in-memory handler.
import { createServer, Socket, type Server } from "node:net";
import { createDefaultCacheHandler } from "next/dist/server/lib/cache-handlers/default.js";
import type { CacheEntry, CacheHandler } from "next/dist/server/lib/cache-handlers/types";
import pino from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createSharedCacheHandler, EVERYTHING_TAG, type SharedCacheHandler } from "./shared-cache-handler.mjs";
import { createDatabase } from "@/db/client";
import { refreshStorefront } from "@/workers/tasks/refresh-storefront";
import { CACHE_TAGS_CHANNEL } from "./tag-notifications.mjs";

const databaseUrl = process.env.DATABASE_URL!;
const logger = pino({ level: "silent" });
const open: { close(): Promise<void> }[] = [];

type Applied = { tags: string[]; durations?: { expire?: number } };

/** A handler, with the invalidations its in-memory handler received. */
function instance(url = databaseUrl): { handler: SharedCacheHandler; applied: Applied[] } {
  const applied: Applied[] = [];
  const createLocal = (maxSize: number): CacheHandler => {
    const local = createDefaultCacheHandler(maxSize);
    return { ...local, updateTags: (tags, durations) => (applied.push({ tags, ...(durations ? { durations } : {}) }), local.updateTags(tags, durations)) };
  };
  const handler = createSharedCacheHandler({ databaseUrl: url, createLocal, logger, retryDelayMs: 50 });
  open.push(handler);
  return { handler, applied };
}

function entry(tags: string[]): Promise<CacheEntry> {
  const value = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("<p>Bananas 1.99</p>"));
      controller.close();
    },
  });
  // Made a moment ago: an invalidation in the same millisecond would not expire it.
  return Promise.resolve({ value, tags, stale: 300, timestamp: Date.now() - 100, expire: 3600, revalidate: 900 });
}

/** A TCP relay to PostgreSQL that can be cut and restored, as a network fault or a restart would. */
async function relay(target: URL): Promise<{ url: string; cut(): Promise<void>; restore(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket().connect(Number(target.port || 5432), target.hostname);
        for (const socket of [client, upstream]) {
          sockets.add(socket);
          socket.on("error", () => {});
          socket.on("close", () => (sockets.delete(socket), client.destroy(), upstream.destroy()));
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  const url = new URL(target);
  url.host = `127.0.0.1:${port}`;
  const relayed = {
    url: url.toString(),
    cut: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server!.close(() => resolve());
      }),
    restore: listen,
  };
  open.push({ close: () => (server?.listening ? relayed.cut() : Promise.resolve()) });
  return relayed;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((o) => o.close()));
});

describe("shared 'use cache' handler (issue 9)", () => {
  it("applies an invalidation made on one instance on the other within 2 s, and once on its own", async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.handler.ready(), b.handler.ready()]);
    await a.handler.updateTags(["product:bananas", "catalog"], { expire: 0 });
    expect(a.applied).toEqual([{ tags: ["product:bananas", "catalog"], durations: { expire: 0 } }]);
    await expect.poll(() => b.applied, { timeout: 2_000, interval: 20 }).toEqual([{ tags: ["product:bananas", "catalog"], durations: { expire: 0 } }]);

    // PostgreSQL delivers notifications in commit order: once A has B's, it has had its own.
    await b.handler.updateTags(["stock:1"]);
    await expect.poll(() => a.applied.length, { timeout: 2_000, interval: 20 }).toBe(2);
    expect(a.applied[1]).toEqual({ tags: ["stock:1"] });
  });

  it("applies what a worker's refresh-storefront job sends, and ignores anything else on the channel", async () => {
    const b = instance();
    await b.handler.ready();
    const { db, sql } = createDatabase(databaseUrl, 1);
    try {
      await sql`select pg_notify(${CACHE_TAGS_CHANNEL}, ${"not a notification"})`;
      await refreshStorefront(db, { tags: ["stock:2"] });
    } finally {
      await sql.end();
    }
    await expect.poll(() => b.applied, { timeout: 2_000, interval: 20 }).toEqual([{ tags: ["stock:2"], durations: { expire: 0 } }]);
  });

  it("reads nothing while it cannot listen, and empties its cache once it listens again", async () => {
    const cut = await relay(new URL(databaseUrl));
    const b = instance(cut.url);
    await b.handler.ready();
    // A tag no other test expires: the tags manifest is this process's, and the first test's
    // expiry of product:bananas may be younger than the entry's 100 ms on a quick machine.
    await b.handler.set("page:/p/bananas", entry(["product:bananas-cut"]));
    expect(await b.handler.get("page:/p/bananas", [])).toBeDefined();

    await cut.cut();
    await expect.poll(() => b.handler.isListening(), { timeout: 5_000, interval: 20 }).toBe(false);
    // Invalidations sent now would be missed: the cache is not read.
    expect(await b.handler.get("page:/p/bananas", [])).toBeUndefined();
    const before = Date.now();

    await cut.restore();
    await expect.poll(() => b.handler.isListening(), { timeout: 10_000, interval: 20 }).toBe(true);
    expect(await b.handler.get("page:/p/bananas", [])).toBeUndefined();
    // Everything cached before, pages in Next.js's route cache included, carries the root layout's tag.
    expect(await b.handler.getExpiration([EVERYTHING_TAG])).toBeGreaterThanOrEqual(before);
    expect(b.applied.at(-1)).toEqual({ tags: [EVERYTHING_TAG] });

    // And it hears the other instances again.
    const a = instance();
    await a.handler.ready();
    await a.handler.updateTags(["catalog"], { expire: 0 });
    await expect.poll(() => b.applied.at(-1), { timeout: 2_000, interval: 20 }).toEqual({ tags: ["catalog"], durations: { expire: 0 } });
  });

  it("without a database it is a plain in-memory handler", async () => {
    const alone = createSharedCacheHandler({ logger });
    await alone.ready();
    await alone.set("k", entry(["t"]));
    expect(await alone.get("k", [])).toBeDefined();
    await alone.updateTags(["t"], { expire: 0 });
    // Next.js rounds the expiry to the millisecond: it may lie a fraction of one ahead.
    await expect.poll(() => alone.get("k", []), { timeout: 1_000, interval: 5 }).toBeUndefined();
  });
});
