// npm run test:e2e — Playwright against the production build on a fresh, seeded database
// (dropped afterwards). Set E2E_SKIP_BUILD=1 to reuse an existing build while iterating.
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { localAuthSecret } from "./lib/auth-secret";
import { createTemporaryDatabase, testServerUrl } from "./lib/postgres";
import { NEXT_BIN, run, runForExitCode, startService, waitForUrl, type Service } from "./lib/processes";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseUrl = `http://127.0.0.1:${port}`;

async function main(): Promise<number> {
  const server = await testServerUrl();
  const database = await createTemporaryDatabase(server.url, "halles_e2e");
  let web: Service | undefined;
  try {
    await runMigrations(database.url);
    const { db, sql } = createDatabase(database.url, 2);
    await seedDatabase(db);
    await sql.end();
    const env = { DATABASE_URL: database.url, PUBLIC_URL: baseUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret() };
    if (process.env.E2E_SKIP_BUILD !== "1") await run("npx", ["next", "build"], env);
    web = startService("web", process.execPath, [NEXT_BIN, "start", "-p", String(port)], { ...env, LOG_LEVEL: "warn" });
    await waitForUrl(`${baseUrl}/api/health/ready`, 60_000, web);
    return await runForExitCode("npx", ["playwright", "test", ...process.argv.slice(2)], { ...env, BASE_URL: baseUrl });
  } finally {
    await web?.stop();
    await database.drop();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
