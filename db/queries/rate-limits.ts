// Rate-limit counters: one atomic upsert per request (lib/limits/rate-limit.ts decides).
import { lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { rateLimitCounters } from "../schema";
import { rateDecision, windowStartOf, type RateDecision, type RateLimit } from "@/lib/limits/rate-limit";

/**
 * Counts one request against `limit` for `subject` (an address, an account, or "all") and
 * decides. Refused requests count too: a client that keeps hammering stays refused.
 */
export async function hitRateLimit(db: Executor, limit: RateLimit, subject: string, now: Date = new Date()): Promise<RateDecision> {
  const key = `${limit.name}:${subject}`.slice(0, 300);
  const start = windowStartOf(now, limit.windowMs);
  const previousStart = new Date(start.getTime() - limit.windowMs);
  const [counts] = await db.execute<{ current: number; previous: number }>(sql`
    with hit as (
      insert into ${rateLimitCounters} (key, window_start, count) values (${key}, ${start.toISOString()}::timestamptz, 1)
      on conflict (key, window_start) do update set count = ${rateLimitCounters}.count + 1
      returning count)
    select (select count from hit)::int as current,
      coalesce((select count from ${rateLimitCounters} where key = ${key} and window_start = ${previousStart.toISOString()}::timestamptz), 0)::int as previous`);
  return rateDecision(limit, counts, now);
}

/**
 * Counts one request against each limit in turn (with its subject) and stops at the first refusal,
 * so that a request refused by its own address's limit does not use up the global one.
 */
export async function hitRateLimits(db: Executor, hits: readonly (readonly [RateLimit, string])[], now: Date = new Date()): Promise<RateDecision> {
  for (const [limit, subject] of hits) {
    const decision = await hitRateLimit(db, limit, subject, now);
    if (!decision.allowed) return decision;
  }
  return { allowed: true };
}

/** Drops counters of windows that ended before `before` (the scheduler, hourly). */
export async function pruneRateLimits(db: Executor, before: Date): Promise<number> {
  const deleted = await db.delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, before)).returning({ key: rateLimitCounters.key });
  return deleted.length;
}
