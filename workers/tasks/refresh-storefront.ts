// refresh-storefront: expires storefront cache tags on every web instance once the change behind
// them has committed (the job is enqueued in the same transaction). The tags go out on the web
// instances' cache tag channel (lib/cache/tag-notifications.mjs): each instance listening applies
// them, and one that was not empties its cache when it listens again. A failed NOTIFY fails the
// job, so it is retried; a refresh done twice is harmless.
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { CACHE_TAGS_CHANNEL, encodeTagNotifications } from "@/lib/cache/tag-notifications.mjs";
import type { TaskPayload } from "@/lib/jobs/tasks";
import type { TaskHandler } from "../runtime";

export async function refreshStorefront(db: Executor, payload: TaskPayload<"refresh-storefront">): Promise<{ revalidated: string[] }> {
  // Expired now, not stale-while-revalidate: the next shopper must not be told "in stock" again.
  for (const message of encodeTagNotifications(payload.tags, { expire: 0 })) await db.execute(sql`select pg_notify(${CACHE_TAGS_CHANNEL}, ${message})`);
  return { revalidated: payload.tags };
}

export const refreshStorefrontTask: TaskHandler<"refresh-storefront"> = (payload, ctx) => refreshStorefront(ctx.db, payload);
