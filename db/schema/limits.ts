// Request counters for rate limits (lib/limits/rate-limit.ts): one row per key and window,
// incremented atomically, so every instance of the web app shares them.
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    /** The limit and what it counts, e.g. "sign-in:address:203.0.113.7". */
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index("rate_limit_counters_window_start_idx").on(t.windowStart)],
);

export type RateLimitCounter = typeof rateLimitCounters.$inferSelect;
