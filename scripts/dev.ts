// npm run dev — next dev on the embedded PostgreSQL (or DATABASE_URL), migrated and seeded.
import { openDatabase, prepareDatabase } from "./database";
import { readLocalConfig } from "./lib/config";
import { NEXT_BIN, startService } from "./lib/processes";

async function main() {
  const config = readLocalConfig();
  const database = await openDatabase(config);
  await prepareDatabase(database.url, console.log);
  const web = startService("web", process.execPath, [NEXT_BIN, "dev", "-p", String(config.ports.web)], { DATABASE_URL: database.url });
  const stop = async () => {
    await web.stop();
    await database.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
  web.child.on("exit", () => void stop());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
