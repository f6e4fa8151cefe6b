// npm start — the whole system from one command: database (embedded unless DATABASE_URL is set),
// migrations, demo data on first start, the production build when sources changed, then the web
// server, the three worker services and, unless real ones are configured, the local Stripe test
// server and mail capture (scripts/lib/stack.ts). Ctrl-C stops everything.
import { openDatabase, prepareDatabase } from "./database";
import { localAuthSecret } from "./lib/auth-secret";
import { buildIsStale } from "./lib/build";
import { run } from "./lib/processes";
import { DEFAULT_PORTS, startStack, type Stack } from "./lib/stack";

const ports = { ...DEFAULT_PORTS, web: Number(process.env.PORT ?? 3000), stripe: Number(process.env.STRIPE_TEST_SERVER_PORT ?? DEFAULT_PORTS.stripe) };
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${ports.web}`;
const useStripeTestServer = !process.env.STRIPE_SECRET_KEY;
const useMailCapture = !process.env.SMTP_URL;
const log = (message: string) => console.log(`[halles] ${message}`);

async function main() {
  const database = await openDatabase();
  log(database.embedded ? `Embedded PostgreSQL running (data in .data/postgres).` : "Using DATABASE_URL.");
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
    const env: Record<string, string> = {
      DATABASE_URL: database.url,
      PUBLIC_URL: publicUrl,
      NODE_ENV: "production",
      // A production build with test payments, captured e-mails and demo accounts: lib/deployment.ts.
      HALLES_MODE: "demo",
      AUTH_SECRET: localAuthSecret(),
    };
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
    log("DEMO MODE: test payments only, demo accounts with a published password (see README). Not for a real shop: see \"Running in production\".");
    if (useStripeTestServer) log(`Payments: local Stripe test server (TEST MODE) on http://127.0.0.1:${ports.stripe}; pay with card 4242 4242 4242 4242`);
    if (useMailCapture) log(`E-mails are captured, not sent: read them at http://localhost:${ports.mailHttp}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
