// What the running processes say about themselves: one heartbeat row per process (web instance,
// worker service), refreshed every few seconds, for the back office's operations page.
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/** What a process last said of itself; a row not refreshed for a while is shown as down instead. */
export const serviceState = pgEnum("service_state", ["ready", "not_ready", "stopping", "stopped"]);

export const serviceHeartbeats = pgTable(
  "service_heartbeats",
  {
    /** Made by the process when it starts: one row per process, never reused. */
    instanceId: uuid("instance_id").primaryKey(),
    /** "web", "order-worker", "notification-worker", "scheduler". */
    service: text("service").notNull(),
    hostName: text("host_name").notNull(),
    pid: integer("pid").notNull(),
    /** The release it runs (HALLES_VERSION, else the package version). */
    version: text("version").notNull(),
    state: serviceState("state").notNull(),
    /** The process's own readiness checks, e.g. { database: "ok", runner: "running" }. */
    checks: jsonb("checks").$type<Record<string, string>>().notNull().default({}),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("service_heartbeats_last_seen_at_idx").on(t.lastSeenAt)],
);

export type ServiceHeartbeat = typeof serviceHeartbeats.$inferSelect;
export type ServiceState = (typeof serviceState.enumValues)[number];
