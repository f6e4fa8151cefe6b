// npm start — the whole system from one command: database (embedded unless DATABASE_URL is set),
// migrations, demo data on first start, the production build when sources changed, then the web
// server, the three worker services and, unless real ones are configured, the local Stripe test
// server and mail capture. Ctrl-C stops everything.
import { openDatabase, prepareDatabase } from "./database";
import { localAuthSecret } from "./lib/auth-secret";
import { buildIsStale } from "./lib/build";
import { NEXT_BIN, run, startService, typescript, waitForUrl, type Service } from "./lib/processes";

const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const log = (message: string) => console.log(`[halles] ${message}`);

/** Local stand-ins, used when no real Stripe key / SMTP relay is configured. */
const STRIPE_TEST_PORT = Number(process.env.STRIPE_TEST_SERVER_PORT ?? 12111);
const MAIL_SMTP_PORT = 1025;
const MAIL_HTTP_PORT = 1080;
const useStripeTestServer = !process.env.STRIPE_SECRET_KEY;
const useMailCapture = !process.env.SMTP_URL;

const stripeEnv: Record<string, string> = useStripeTestServer
  ? {
      STRIPE_SECRET_KEY: "sk_test_halles_local",
      STRIPE_WEBHOOK_SECRET: "whsec_halles_local",
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(STRIPE_TEST_PORT),
      STRIPE_API_PROTOCOL: "http",
    }
  : {};
const mailEnv: Record<string, string> = useMailCapture ? { SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}` } : {};

const WORKERS = [
  { name: "order-worker", entry: "workers/order-worker.ts", healthPort: 9101 },
  { name: "notification-worker", entry: "workers/notification-worker.ts", healthPort: 9102 },
  { name: "scheduler", entry: "workers/scheduler.ts", healthPort: 9103 },
];

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

  /** Starts a service, stops everything if it dies, and waits until it answers `readyUrl`. */
  const launch = async (name: string, args: string[], env: Record<string, string>, readyUrl: string) => {
    const service = startService(name, process.execPath, args, { ...env, HALLES_SERVICE: name });
    services.push(service);
    service.child.on("exit", (code) => !stopping && void stop(code ?? 1));
    await waitForUrl(readyUrl, 60_000, service);
  };

  try {
    await prepareDatabase(database.url, log);
    const env: Record<string, string> = { DATABASE_URL: database.url, PUBLIC_URL: publicUrl, NODE_ENV: "production", AUTH_SECRET: localAuthSecret(), ...stripeEnv, ...mailEnv };
    if (buildIsStale()) {
      log("Building the production app (takes a minute the first time)…");
      await run("npx", ["next", "build"], env);
    }
    if (useMailCapture) {
      const mail = { MAIL_CAPTURE_SMTP_PORT: String(MAIL_SMTP_PORT), MAIL_CAPTURE_HTTP_PORT: String(MAIL_HTTP_PORT) };
      await launch("mail-capture", typescript("tools/mail-capture/cli.ts"), mail, `http://127.0.0.1:${MAIL_HTTP_PORT}/api/messages`);
    }
    if (useStripeTestServer) {
      const stripe = {
        STRIPE_TEST_SERVER_PORT: String(STRIPE_TEST_PORT),
        STRIPE_WEBHOOK_SECRET: stripeEnv.STRIPE_WEBHOOK_SECRET,
        STRIPE_WEBHOOK_URL: `http://127.0.0.1:${port}/api/webhooks/stripe`,
      };
      await launch("stripe-test-server", typescript("tools/stripe-test-server/cli.ts"), stripe, `http://127.0.0.1:${STRIPE_TEST_PORT}/`);
    }
    await launch("web", [NEXT_BIN, "start", "-p", String(port)], env, `http://127.0.0.1:${port}/api/health/ready`);
    await Promise.all(
      WORKERS.map((w) => launch(w.name, typescript(w.entry), { ...env, HEALTH_PORT: String(w.healthPort) }, `http://127.0.0.1:${w.healthPort}/health/ready`)),
    );
    log(`Halles is running at ${publicUrl} — press Ctrl-C to stop.`);
    if (useStripeTestServer) log(`Payments: local Stripe test server (TEST MODE) on http://127.0.0.1:${STRIPE_TEST_PORT}`);
    if (useMailCapture) log(`E-mails are captured, not sent: read them at http://localhost:${MAIL_HTTP_PORT}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();
