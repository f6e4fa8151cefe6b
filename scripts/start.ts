// npm start — the whole system from one command: database (embedded unless DATABASE_URL is set),
// migrations, demo data on first start, the production build when sources changed, then the web
// server, the three worker services and, unless real ones are configured, the local Stripe test
// server and mail capture (scripts/lib/stack.ts). Every port (scripts/lib/config.ts) is checked
// before anything starts. Ctrl-C stops everything.
import { assertPortsFree } from "../lib/net/port-in-use";
import { embeddedDataDir, openDatabase, prepareDatabase } from "./database";
import { localAuthSecret } from "./lib/auth-secret";
import { buildIsStale } from "./lib/build";
import { PORT_VARIABLES, readLocalConfig } from "./lib/config";
import { run } from "./lib/processes";
import { startStack, stackPortClaims, type Stack } from "./lib/stack";

const useStripeTestServer = !process.env.STRIPE_SECRET_KEY;
const useMailCapture = !process.env.SMTP_URL;
const log = (message: string) => console.log(`[halles] ${message}`);

async function main() {
  const config = readLocalConfig();
  const { ports } = config;
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${ports.web}`;
  const claims = stackPortClaims({ ports, useStripeTestServer, useMailCapture }, (port) => PORT_VARIABLES[port]);
  if (!process.env.DATABASE_URL) {
    claims.push({ port: config.postgresPort, host: "127.0.0.1", purpose: "embedded PostgreSQL", variable: PORT_VARIABLES.postgres });
  }
  await assertPortsFree(claims);

  const database = await openDatabase(config);
  log(database.embedded ? `Embedded PostgreSQL running (data in ${embeddedDataDir(config)}).` : "Using DATABASE_URL.");
  let stack: Stack | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log("Stopping…");
    await stack?.stop();
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    await prepareDatabase(database.url, log);
    const env: Record<string, string> = { DATABASE_URL: database.url, PUBLIC_URL: publicUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret(config.dataDir) };
    if (buildIsStale()) {
      log("Building the production app (takes a minute the first time)…");
      await run("npx", ["next", "build"], env);
    }
    stack = await startStack({
      ports,
      env,
      useStripeTestServer,
      useMailCapture,
      onCrash: (service, code) => {
        log(`${service.name} exited (code ${code}); stopping everything.`);
        void stop(code || 1);
      },
    });
    log(`Halles is running at ${publicUrl} — press Ctrl-C to stop.`);
    if (useStripeTestServer) log(`Payments: local Stripe test server (TEST MODE) on http://127.0.0.1:${ports.stripe}; pay with card 4242 4242 4242 4242`);
    if (useMailCapture) log(`E-mails are captured, not sent: read them at http://localhost:${ports.mailHttp}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

// A taken port, a bad variable, a database that does not start: the message alone, exit 1.
main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
