// npm start — the whole system from one command: database (embedded unless DATABASE_URL is set),
// migrations, demo data on first start, the production build when sources changed, and the web
// server. Ctrl-C stops everything.
import { openDatabase, prepareDatabase } from "./database";
import { buildIsStale } from "./lib/build";
import { run, startService, waitForUrl, type Service } from "./lib/processes";

const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const log = (message: string) => console.log(`[halles] ${message}`);

async function main() {
  const database = await openDatabase();
  log(database.embedded ? `Embedded PostgreSQL running (data in .data/postgres).` : "Using DATABASE_URL.");
  const services: Service[] = [];
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await Promise.all(services.map((s) => s.stop()));
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await prepareDatabase(database.url, log);
    const env = { DATABASE_URL: database.url, PUBLIC_URL: publicUrl, NODE_ENV: "production" };
    if (buildIsStale()) {
      log("Building the production app (takes a minute the first time)…");
      await run("npx", ["next", "build"], env);
    }
    const web = startService("web", "npx", ["next", "start", "-p", String(port)], { ...env, HALLES_SERVICE: "web" });
    services.push(web);
    web.child.on("exit", (code) => !stopping && void stop(code ?? 1));
    await waitForUrl(`http://127.0.0.1:${port}/api/health/ready`, 60_000, web);
    log(`Halles is running at ${publicUrl} — press Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
