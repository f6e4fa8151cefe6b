// npm run dev — next dev on the embedded PostgreSQL (or DATABASE_URL), migrated and seeded.
// Ctrl-C at any moment stops what has started, the database last.
import { openDatabase, prepareDatabase } from "./database";
import { readLocalConfig } from "./lib/config";
import { NEXT_BIN, startService } from "./lib/processes";
import { runUntilStopped, type Shutdown } from "./lib/shutdown";

async function main(shutdown: Shutdown) {
  const config = readLocalConfig();
  const database = await shutdown.step(() => openDatabase(config), (started) => started.stop());
  await prepareDatabase(database.url, console.log); // in transactions: safe to cut short
  shutdown.signal.throwIfAborted();
  const web = startService("web", process.execPath, [NEXT_BIN, "dev", "-p", String(config.ports.web)], { DATABASE_URL: database.url });
  shutdown.onStop(web.stop);
  web.child.on("exit", () => void shutdown.stop(0));
}

runUntilStopped(main);
