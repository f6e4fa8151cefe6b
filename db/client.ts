// The one database client of a process: a small postgres.js pool wrapped by Drizzle.
import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "@/lib/env";
import { poolApplicationName, registerPoolMetrics } from "@/lib/metrics/db-pool";
import { sharedMetrics } from "@/lib/metrics/shared.mjs";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema>;
/** A database or a transaction: queries take either. */
export type Executor = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * Seconds a pool connection waits before connecting again after `failures` failed attempts in a
 * row. postgres.js's default grows to 10–20 s after seven failures, which a restart of a few
 * seconds reaches, and queries wait for that timer, not for the database: the pool came back up
 * to 20 s after PostgreSQL did (tests/drills/postgres-restart.int.test.ts). Capped at 1 s here.
 */
export function reconnectBackoff(failures: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** failures, 1);
}

export type DatabaseOptions = {
  /** PostgreSQL cancels any statement (lock waits included) that runs longer; 0 for none (scripts, seeding). */
  statementTimeoutMs?: number;
  /** How the pool's connections name themselves in pg_stat_activity (lib/metrics/db-pool.ts). */
  applicationName?: string;
};

export function createDatabase(url: string, max = 8, options: DatabaseOptions = {}): { db: Database; sql: postgres.Sql } {
  const sql = postgres(url, {
    max,
    backoff: reconnectBackoff,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "halles", ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}) },
  });
  return { db: drizzle(sql, { schema, casing: "snake_case" }), sql };
}

const globalForDb = globalThis as unknown as { hallesDb?: { db: Database; sql: postgres.Sql } };

/** The web app's database, created on first use (survives hot reloads in development); its pool is on /metrics. */
export function getDb(): Database {
  if (!globalForDb.hallesDb) {
    const config = env();
    const service = process.env.HALLES_SERVICE ?? "web";
    const created = createDatabase(config.DATABASE_URL, config.DATABASE_POOL_MAX, {
      statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
      applicationName: poolApplicationName(service, "app"),
    });
    registerPoolMetrics(sharedMetrics().registry, { db: created.db, service, pools: { app: config.DATABASE_POOL_MAX } });
    globalForDb.hallesDb = created;
  }
  return globalForDb.hallesDb.db;
}
