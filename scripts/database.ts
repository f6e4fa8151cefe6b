// The database a command runs against: DATABASE_URL, or the embedded PostgreSQL in .data/postgres.
import { count } from "drizzle-orm";
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { stores } from "../db/schema";
import { seedDatabase } from "../db/seed";
import { startEmbeddedPostgres, type RunningPostgres } from "./lib/postgres";

export const EMBEDDED_PORT = Number(process.env.HALLES_PG_PORT ?? 54320);

export async function openDatabase(): Promise<RunningPostgres & { embedded: boolean }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {}, embedded: false };
  const pg = await startEmbeddedPostgres({ dir: ".data/postgres", port: EMBEDDED_PORT, portVariable: "HALLES_PG_PORT", database: "halles" });
  return { ...pg, embedded: true };
}

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
