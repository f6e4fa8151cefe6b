// npm run test:e2e — Playwright against the production build and the worker services, with the
// local Stripe test server and mail capture, on a fresh, seeded database (dropped afterwards).
// Set E2E_SKIP_BUILD=1 to reuse an existing build while iterating, E2E_BUILD_ONLY=1 to make the
// build and stop (npm test builds beside the integration tests). Each service's output also goes
// to .data/e2e-logs/<E2E_PORT>/<service>.log (E2E_LOG_DIR for the tests), kept until the next run.
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { assertPortsFree } from "../lib/net/port-in-use";
import { localAuthSecret, localServerActionsKey } from "./lib/auth-secret";
import { readE2ePorts } from "./lib/config";
import { createTemporaryDatabase, testServerUrl } from "./lib/postgres";
import { run, runForExitCode } from "./lib/processes";
import { createStack, stackPortClaims, type Stack } from "./lib/stack";

async function main(): Promise<number> {
  // All from E2E_PORT (default 3100), apart from npm start's, so that both (or two runs) fit on one machine.
  const ports = readE2ePorts();
  const baseUrl = `http://127.0.0.1:${ports.web}`;
  // The build needs no database: what it bakes in is the mode and the public URL.
  const authSecret = localAuthSecret();
  const env = {
    PUBLIC_URL: baseUrl,
    NODE_ENV: "production",
    HALLES_MODE: "demo",
    AUTH_SECRET: authSecret,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localServerActionsKey(authSecret),
  };
  const buildOnly = process.env.E2E_BUILD_ONLY === "1";
  const standIns = { useStripeTestServer: true, useMailCapture: true };
  if (!buildOnly) await assertPortsFree(stackPortClaims({ ports, ...standIns }, () => "E2E_PORT (the first of 8 ports)"));
  if (process.env.E2E_SKIP_BUILD !== "1") await run("npx", ["next", "build"], env);
  if (buildOnly) return 0;
  const server = await testServerUrl();
  const database = await createTemporaryDatabase(server.url, "halles_e2e");
  let stack: Stack | undefined;
  try {
    await runMigrations(database.url);
    const { db, sql } = createDatabase(database.url, 2);
    await seedDatabase(db);
    await sql.end();
    // The database, pools of 4: npm test runs the integration tests on the same server (scripts/test.ts).
    const databaseEnv = { DATABASE_URL: database.url, DATABASE_POOL_MAX: "4" };
    // Per base port, so that two runs side by side keep their own logs.
    const logDir = path.resolve(".data", "e2e-logs", String(ports.web));
    rmSync(logDir, { recursive: true, force: true });
    mkdirSync(logDir, { recursive: true });
    stack = createStack({
      ports,
      logDir,
      // One machine plays every shopper: the per-address limits are scaled up (lib/limits/policies.ts).
      // Info lines too: e2e/observability.spec.ts follows a request id through them.
      env: { ...env, ...databaseEnv, LOG_LEVEL: "info", RATE_LIMIT_MULTIPLIER: "20" },
      ...standIns,
      onCrash: (service, code) => console.error(`e2e: ${service.name} exited with code ${code}`),
    });
    await stack.start();
    return await runForExitCode("npx", ["playwright", "test", ...process.argv.slice(2)], {
      ...env,
      ...databaseEnv, // the servers that specs start take the same pools
      BASE_URL: baseUrl,
      MAIL_CAPTURE_URL: `http://127.0.0.1:${ports.mailHttp}`,
      STRIPE_TEST_SERVER_URL: `http://127.0.0.1:${ports.stripe}`,
      E2E_LOG_DIR: logDir,
    });
  } finally {
    await stack?.stop();
    await database.drop();
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    // Typed errors (a taken port, a bad E2E_PORT) say it all; anything else keeps its stack.
    console.error(error instanceof Error && "code" in error ? error.message : error);
    process.exit(1);
  },
);
