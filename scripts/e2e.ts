// npm run test:e2e — Playwright against the production build and the worker services, with the
// local Stripe test server and mail capture, on a fresh, seeded database (dropped afterwards).
// Set E2E_SKIP_BUILD=1 to reuse an existing build while iterating.
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { localAuthSecret } from "./lib/auth-secret";
import { createTemporaryDatabase, testServerUrl } from "./lib/postgres";
import { run, runForExitCode } from "./lib/processes";
import { startStack, type Stack, type StackPorts } from "./lib/stack";

// Apart from npm start's ports, so that both can run on one machine.
const ports: StackPorts = {
  web: Number(process.env.E2E_PORT ?? 3100),
  stripe: 12112,
  smtp: 1026,
  mailHttp: 1081,
  orderWorkerHealth: 9111,
  notificationWorkerHealth: 9112,
  schedulerHealth: 9113,
};
const baseUrl = `http://127.0.0.1:${ports.web}`;

async function main(): Promise<number> {
  const server = await testServerUrl();
  const database = await createTemporaryDatabase(server.url, "halles_e2e");
  let stack: Stack | undefined;
  try {
    await runMigrations(database.url);
    const { db, sql } = createDatabase(database.url, 2);
    await seedDatabase(db);
    await sql.end();
    const env = { DATABASE_URL: database.url, PUBLIC_URL: baseUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret() };
    if (process.env.E2E_SKIP_BUILD !== "1") await run("npx", ["next", "build"], env);
    stack = await startStack({
      ports,
      env: { ...env, LOG_LEVEL: "warn" },
      useStripeTestServer: true,
      useMailCapture: true,
      onCrash: (service, code) => console.error(`e2e: ${service.name} exited with code ${code}`),
    });
    return await runForExitCode("npx", ["playwright", "test", ...process.argv.slice(2)], {
      ...env,
      BASE_URL: baseUrl,
      MAIL_CAPTURE_URL: `http://127.0.0.1:${ports.mailHttp}`,
      STRIPE_TEST_SERVER_URL: `http://127.0.0.1:${ports.stripe}`,
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
    console.error(error);
    process.exit(1);
  },
);
