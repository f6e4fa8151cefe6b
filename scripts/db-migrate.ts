// npm run db:migrate — applies pending migrations to DATABASE_URL (or the embedded database).
import { runMigrations } from "../db/migrate";
import { openDatabase } from "./database";

async function main() {
  const database = await openDatabase();
  try {
    await runMigrations(database.url);
    console.log("Migrations are up to date.");
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
