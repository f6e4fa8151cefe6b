// Rate limits as a sliding window, pure: the count of the current fixed window plus the previous
// window's count weighted by how much of it still overlaps the sliding window. Two counters per
// key, atomic upserts in PostgreSQL (db/queries/rate-limits.ts), shared by every web instance.

export interface RateLimit {
  /** Part of the counter's key, e.g. "sign-in:address". */
  name: string;
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** The start of the fixed window `now` falls in. */
export function windowStartOf(now: Date, windowMs: number): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * `current` counts this request. Refused when the sliding count is over the limit; then
 * `retryAfterSeconds` is how long until it is back under, if nothing else arrives.
 */
export function rateDecision(limit: RateLimit, counts: { current: number; previous: number }, now: Date): RateDecision {
  const elapsed = now.getTime() - windowStartOf(now, limit.windowMs).getTime();
  const overlap = 1 - elapsed / limit.windowMs;
  if (counts.previous * overlap + counts.current <= limit.limit) return { allowed: true };
  let waitMs: number;
  if (counts.current <= limit.limit && counts.previous > 0) {
    // Later in this window, less of the previous one overlaps.
    waitMs = limit.windowMs * (1 - (limit.limit - counts.current) / counts.previous) - elapsed;
  } else {
    // Only once this window has become the previous one and partly slid out.
    waitMs = limit.windowMs - elapsed + limit.windowMs * (1 - limit.limit / counts.current);
  }
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** "5 minutes", "1 minute", rounded up. */
export function minutesText(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
