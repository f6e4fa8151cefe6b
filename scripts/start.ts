// npm start — the whole system from one command: database (embedded unless DATABASE_URL is set),
// migrations, demo data on first start, the production build when sources changed, then the web
// server, the three worker services and, unless real ones are configured, the local Stripe test
// server and mail capture (scripts/lib/stack.ts). Every port (scripts/lib/config.ts) is checked
// before anything starts. Ctrl-C at any moment stops whatever has started, the database last.
import { assertPortsFree } from "../lib/net/port-in-use";
import { embeddedDataDir, openDatabase, prepareDatabase } from "./database";
import { localAuthSecret, localServerActionsKey } from "./lib/auth-secret";
import { buildIsStale } from "./lib/build";
import { PORT_VARIABLES, readLocalConfig } from "./lib/config";
import { NEXT_BIN, run } from "./lib/processes";
import { runUntilStopped, type Shutdown } from "./lib/shutdown";
import { createStack, stackPortClaims } from "./lib/stack";

const log = (message: string) => console.log(`[halles] ${message}`);

async function main(shutdown: Shutdown): Promise<void> {
  const config = readLocalConfig();
  const { ports } = config;
  const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${ports.web}`;
  const useEmbeddedDatabase = !process.env.DATABASE_URL;
  const useStripeTestServer = !process.env.STRIPE_SECRET_KEY;
  const useMailCapture = !process.env.SMTP_URL;

  const claims = stackPortClaims({ ports, useStripeTestServer, useMailCapture }, (port) => PORT_VARIABLES[port]);
  if (useEmbeddedDatabase) {
    claims.push({ port: config.postgresPort, host: "127.0.0.1", purpose: "embedded PostgreSQL", variable: PORT_VARIABLES.postgres });
  }
  await assertPortsFree(claims);

  const database = await shutdown.step(() => openDatabase(config), (started) => started.stop());
  log(database.embedded ? `Embedded PostgreSQL running (data in ${embeddedDataDir(config)}).` : "Using DATABASE_URL.");
  // Migrations and demo data run in transactions: a stop may cut them short (the database stops
  // under them, or got the terminal's Ctrl-C itself), and the next start does them again.
  await prepareDatabase(database.url, log);
  shutdown.signal.throwIfAborted();
  const authSecret = localAuthSecret(config.dataDir);
  const env: Record<string, string> = {
    DATABASE_URL: database.url,
    PUBLIC_URL: publicUrl,
    NODE_ENV: "production",
    // A production build with test payments, captured e-mails and demo accounts: lib/deployment.ts.
    HALLES_MODE: "demo",
    AUTH_SECRET: authSecret,
    // The build and the web server must agree on it, as several instances would (docs/operations.md).
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localServerActionsKey(authSecret),
  };
  if (buildIsStale()) {
    await shutdown.step(() => {
      log("Building the production app (takes a minute the first time)…");
      return run(process.execPath, [NEXT_BIN, "build"], env, { signal: shutdown.signal });
    });
  }

  shutdown.signal.throwIfAborted();
  const stack = createStack({
    ports,
    env,
    useStripeTestServer,
    useMailCapture,
    onCrash: (service, code) => {
      log(`${service.name} exited (code ${code}); stopping everything.`);
      void shutdown.stop(code || 1);
    },
  });
  shutdown.onStop(stack.stop);
  await stack.start();
  log(`Halles is running at ${publicUrl} — press Ctrl-C to stop.`);
  log('DEMO MODE: test payments only, and demo accounts whose password is published (README). Not for a real shop: see "Running in production".');
  if (useStripeTestServer) log(`Payments: local Stripe test server (TEST MODE) on http://127.0.0.1:${ports.stripe}; pay with card 4242 4242 4242 4242`);
  if (useMailCapture) log(`E-mails are captured, not sent: read them at http://localhost:${ports.mailHttp}`);
}

runUntilStopped(main, { onStopping: () => log("Stopping…") });
