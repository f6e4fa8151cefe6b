// The database a command runs against: DATABASE_URL, or the embedded PostgreSQL in $HALLES_DATA_DIR/postgres.
import path from "node:path";
import { count } from "drizzle-orm";
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { stores } from "../db/schema";
import { seedDatabase } from "../db/seed";
import { PORT_VARIABLES, readLocalConfig, type LocalConfig } from "./lib/config";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";

export type OpenDatabase = RunningPostgres & { embedded: boolean };

export async function openDatabase(config: LocalConfig = readLocalConfig()): Promise<OpenDatabase> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  const pg = await startEmbeddedPostgres({
    dir: embeddedDataDir(config),
    port: config.postgresPort,
    portVariable: PORT_VARIABLES.postgres,
    database: "halles",
  });
  return { ...pg, embedded: true };
}

export const embeddedDataDir = (config: LocalConfig) => path.join(config.dataDir, "postgres");

/** Applies pending migrations and, on an empty database, loads the demo data. */
export async function prepareDatabase(url: string, log: (message: string) => void): Promise<void> {
  await runMigrations(url);
  const { db, sql } = createDatabase(url, 2);
  try {
    const [{ value }] = await db.select({ value: count() }).from(stores);
    if (value > 0) return;
    log("First start: loading the demo catalog…");
    const summary = await seedDatabase(db);
    log(`Demo data ready: ${summary.products} products in ${summary.stores} stores.`);
  } finally {
    await sql.end();
  }
}
