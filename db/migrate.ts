// Applies pending migrations from db/migrations, then installs or upgrades graphile-worker's
// job queue schema (so the app can enqueue at once); used by `npm run db:migrate`, start-up and tests.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { Logger, runMigrations as runQueueMigrations } from "graphile-worker";
import { createDatabase } from "./client";

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), "migrations");

// graphile-worker logs every migration step to the console; only its warnings and errors matter.
const queueLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[graphile-worker] ${message}`);
});

export async function runMigrations(url: string): Promise<void> {
  const { db, sql } = createDatabase(url, 1);
  try {
    await migrate(db, { migrationsFolder });
  } finally {
    await sql.end();
  }
  await runQueueMigrations({ connectionString: url, maxPoolSize: 1, logger: queueLogger });
}
