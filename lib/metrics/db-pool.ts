// Database connections per process, as PostgreSQL sees them. postgres.js keeps no pool statistics,
// so each pool of a process connects under its own application_name (`halles/<service>/<process
// tag>/<pool>`) and a scrape counts this process's rows in pg_stat_activity by pool and state.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { Gauge, type Registry } from "prom-client";
import type { Executor } from "@/db/client";

/** Tells this process's connections from its replicas' (same service, other pods or processes); one per process, whichever bundle asks. */
const processTag = () => ((globalThis as { hallesProcessTag?: string }).hallesProcessTag ??= randomBytes(4).toString("hex"));

/** The application_name a pool of this process connects with (PostgreSQL keeps 63 bytes). */
export function poolApplicationName(service: string, pool: string): string {
  return `halles/${service.slice(0, 30)}/${processTag()}/${pool.slice(0, 16)}`;
}

/** The connection string with application_name set (for pools configured by URL: graphile-worker's). */
export function withApplicationName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("application_name", name);
  return parsed.toString();
}

type Row = { pool: string; state: string; connections: number };

/**
 * `halles_db_connections{pool,state}` (this process's connections but the one the scrape uses)
 * and `halles_db_pool_max{pool}`. `db` is one of the pools; the counts are read at most once a second.
 */
export function registerPoolMetrics(registry: Registry, options: { db: Executor; service: string; pools: Record<string, number> }): void {
  const prefix = poolApplicationName(options.service, "");
  let cached: { at: number; rows: Promise<Row[]> } | null = null;
  const read = () => {
    if (!cached || Date.now() - cached.at > 1_000) {
      const rows = options.db
        .execute<Row>(sql`
          select substr(application_name, ${prefix.length + 1}) as pool, coalesce(state, 'unknown') as state, count(*)::int as connections
          from pg_stat_activity
          where starts_with(application_name, ${prefix}) and pid <> pg_backend_pid()
          group by 1, 2`)
        .then((result) => [...result]);
      cached = { at: Date.now(), rows };
    }
    return cached.rows;
  };
  new Gauge({
    name: "halles_db_connections",
    help: "This process's open PostgreSQL connections by pool and state (pg_stat_activity), not counting the one reading them.",
    labelNames: ["pool", "state"],
    registers: [registry],
    async collect() {
      try {
        const rows = await read();
        this.reset();
        for (const pool of Object.keys(options.pools)) for (const state of ["active", "idle", "idle in transaction"]) this.set({ pool, state }, 0);
        for (const row of rows) this.set({ pool: row.pool, state: row.state }, row.connections);
      } catch {
        // left as they were: the readiness check reports an unreachable database
      }
    },
  });
  const max = new Gauge({ name: "halles_db_pool_max", help: "The most connections each pool of this process opens.", labelNames: ["pool"], registers: [registry] });
  for (const [pool, size] of Object.entries(options.pools)) max.set({ pool }, size);
}
