// npm run bench:webhook -- [--orders 1000] [--rate 25] [--warmup 200] [--skip-build]
// Webhook-to-confirmed latency: the production build (`next start`), the order worker process
// and the Stripe test server delivering signed webhooks, on a fresh database. N orders are placed
// through `startCheckout`, then paid on the hosted page at a steady rate (card 4242…); each
// payment sends four webhooks, one of them checkout.session.completed. Measured per order: from
// the moment the test server starts delivering that webhook, and from the payment's answer, until
// the order's `confirmed` transition is committed (seen at once through LISTEN on
// graphile-worker's "jobs:insert", which the confirmation e-mail job raises in the same commit).
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { createDatabase } from "../db/client";
import { startCheckout } from "../lib/checkout/start-checkout";
import { createStripe } from "../lib/payments/stripe";
import { localAuthSecret } from "../scripts/lib/auth-secret";
import { NEXT_BIN, run, startService, typescript, waitForUrl, type Service } from "../scripts/lib/processes";
import { cpuMeter } from "./lib/cpu";
import { createBenchDatabase, percentiles, prepareShoppers } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000" },
    rate: { type: "string", default: "25" },
    warmup: { type: "string", default: "200" },
    "skip-build": { type: "boolean", default: false },
  },
});
const orderCount = Number(values.orders);
const rate = Number(values.rate);
const warmupCount = Number(values.warmup);
const WEB_PORT = 3310;
const STRIPE_PORT = 12_191;
const WORKER_HEALTH_PORT = 9191;
const base = `http://127.0.0.1:${WEB_PORT}`;
const stripeUrl = `http://127.0.0.1:${STRIPE_PORT}`;
const STRIPE = { STRIPE_SECRET_KEY: "sk_test_bench_webhook", STRIPE_WEBHOOK_SECRET: "whsec_bench_webhook" };

type CompletedEvent = { event: { data: { object: { metadata: { order_id: string } } } }; attempts: { at: string; statusCode: number | null; durationMs: number }[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Pays a session on the hosted page as a shopper would; resolves when the page answers. */
async function pay(sessionId: string): Promise<void> {
  const body = new URLSearchParams({ cardNumber: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Bench Shopper" });
  const response = await fetch(`${stripeUrl}/pay/${sessionId}`, { method: "POST", body, redirect: "manual" });
  await response.text();
  if (response.status !== 303) throw new Error(`payment of ${sessionId} answered ${response.status}`);
}

async function main() {
  const database = await createBenchDatabase();
  const services: Service[] = [];
  let stopStripeServer = async () => {};
  const env = {
    DATABASE_URL: database.url,
    PUBLIC_URL: base,
    NODE_ENV: "production" as const,
    AUTH_SECRET: localAuthSecret(),
    LOG_LEVEL: "warn",
    ...STRIPE,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(STRIPE_PORT),
    STRIPE_API_PROTOCOL: "http",
  };
  const listener = postgres(database.url, { max: 1, onnotice: () => {} });
  const { db, sql: pool } = createDatabase(database.url, 8);
  try {
    // One build at a time on this machine.
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);
    const launch = async (name: string, args: string[], extra: Record<string, string>, readyUrl: string) => {
      const service = startService(name, process.execPath, args, { ...env, ...extra });
      services.push(service);
      await waitForUrl(readyUrl, 60_000, service);
      return service;
    };
    // The test server logs every request and delivery: its stdout is dropped.
    const stripeServer = spawn(process.execPath, typescript("tools/stripe-test-server/cli.ts"), {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env, STRIPE_TEST_SERVER_PORT: String(STRIPE_PORT), STRIPE_WEBHOOK_URL: `${base}/api/webhooks/stripe` },
    });
    stopStripeServer = () => new Promise((resolve) => (stripeServer.exitCode !== null ? resolve() : (stripeServer.once("exit", () => resolve()), stripeServer.kill("SIGTERM"))));
    await waitForUrl(`${stripeUrl}/`, 30_000);
    const web = await launch("web", [NEXT_BIN, "start", "-p", String(WEB_PORT)], {}, `${base}/api/health/ready`);
    const worker = await launch("order-worker", typescript("workers/order-worker.ts"), { HEALTH_PORT: String(WORKER_HEALTH_PORT) }, `http://127.0.0.1:${WORKER_HEALTH_PORT}/health/ready`);

    const stripe = createStripe({ ...STRIPE, STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: STRIPE_PORT, STRIPE_API_PROTOCOL: "http" });
    const shoppers = await prepareShoppers(db, orderCount + warmupCount, "webhook");
    const sessions: { orderId: string; sessionId: string }[] = [];
    let nextShopper = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (nextShopper < shoppers.length) {
          const result = await startCheckout(db, stripe, { ...shoppers[nextShopper++], publicUrl: base });
          if (!result.ok) throw new Error(`checkout refused: ${result.error.code}`);
          sessions.push({ orderId: result.order.id, sessionId: new URL(result.paymentUrl).pathname.split("/").pop()! });
        }
      }),
    );
    const warmup = sessions.splice(0, warmupCount);
    const orders = sessions;

    // Confirmations, timed when their commit becomes visible: each notification (and a fallback
    // timer) re-reads which of the orders still waiting have a `confirmed` transition.
    const confirmedAt = new Map<string, number>();
    const waiting = new Set([...warmup, ...orders].map((s) => s.orderId));
    let polling: Promise<void> | null = null;
    let again = false;
    const poll = async (): Promise<void> => {
      if (polling) {
        again = true;
        return polling;
      }
      polling = (async () => {
        do {
          again = false;
          if (waiting.size === 0) break;
          const rows = await listener<{ order_id: string }[]>`
            select order_id from order_events
            where to_status = 'confirmed' and from_status <> to_status
              and order_id in (select value::uuid from json_array_elements_text(${JSON.stringify([...waiting])}::text::json))`;
          const now = Date.now();
          for (const row of rows) {
            confirmedAt.set(row.order_id, now);
            waiting.delete(row.order_id);
          }
        } while (again);
        polling = null;
      })();
      return polling;
    };
    await listener.listen("jobs:insert", () => void poll());
    const fallback = setInterval(() => void poll(), 50);

    // Paid at the same rate first, and confirmed, so that the measured orders meet warm processes.
    const payAll = async (list: typeof orders, paidAt?: Map<string, number>) => {
      const started = Date.now();
      await Promise.all(
        list.map(async (order, i) => {
          const due = started + (i * 1000) / rate;
          if (due > Date.now()) await sleep(due - Date.now());
          await pay(order.sessionId);
          paidAt?.set(order.orderId, Date.now());
        }),
      );
    };
    const allConfirmed = async (list: typeof orders) => {
      const deadline = Date.now() + 60_000;
      while (list.some((o) => !confirmedAt.has(o.orderId)) && Date.now() < deadline) await sleep(50);
    };
    await payAll(warmup);
    await allConfirmed(warmup);
    const meter = cpuMeter(database.url, { web: web.child.pid, "order-worker": worker.child.pid, "stripe-test-server": stripeServer.pid });
    const before = await meter.sample();
    const paidAt = new Map<string, number>();
    await payAll(orders, paidAt);
    await allConfirmed(orders);
    const after = await meter.sample();
    clearInterval(fallback);

    const events = (await (await fetch(`${stripeUrl}/_test/events?type=checkout.session.completed`)).json()) as { data: CompletedEvent[] };
    const sentAt = new Map<string, number>();
    const answeredIn = new Map<string, number>();
    let retried = 0;
    for (const record of events.data) {
      const delivered = record.attempts.find((a) => a.statusCode !== null && a.statusCode < 300);
      if (record.attempts.length > 1) retried++;
      if (!delivered) continue;
      sentAt.set(record.event.data.object.metadata.order_id, Date.parse(delivered.at));
      answeredIn.set(record.event.data.object.metadata.order_id, delivered.durationMs);
    }
    const fromWebhook: number[] = [];
    const fromPayment: number[] = [];
    const webhookAnswer: number[] = [];
    for (const { orderId } of orders) {
      const confirmed = confirmedAt.get(orderId);
      if (confirmed === undefined) continue;
      fromWebhook.push(confirmed - sentAt.get(orderId)!);
      fromPayment.push(confirmed - paidAt.get(orderId)!);
      webhookAnswer.push(answeredIn.get(orderId)!);
    }
    const missing = orders.length - fromWebhook.length;
    const raw = orders.map(({ orderId }) => ({
      orderId,
      paidAt: paidAt.get(orderId),
      sentAt: sentAt.get(orderId),
      answeredInMs: answeredIn.get(orderId),
      confirmedAt: confirmedAt.get(orderId),
    }));
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/webhook-latency.json", JSON.stringify(raw));
    const [{ n: confirmations }] = await pool<{ n: number }[]>`
      select count(*)::int as n from order_events where to_status = 'confirmed' and from_status <> to_status`;
    const cpu = meter.perUnit(before, after, orders.length);
    await meter.close();

    const row = (name: string, list: number[]) => {
      const { p50, p99 } = percentiles(list);
      return `| ${name} | ${p50} | ${p99} | ${Math.max(...list)} |`;
    };
    const table = [
      `${orders.length} orders paid at ${rate}/s after ${warmup.length} warm-up orders · order worker concurrency 4 · ${cpus().length} cores · ${new Date().toISOString().slice(0, 10)}`,
      "",
      "| from … to `confirmed` committed | p50 (ms) | p99 (ms) | max (ms) |",
      "| --- | ---: | ---: | ---: |",
      row("checkout.session.completed webhook sent", fromWebhook),
      row("payment answered (hosted page)", fromPayment),
      "",
      "| the app's answer to that webhook (stored, job enqueued) | p50 (ms) | p99 (ms) | max (ms) |",
      "| --- | ---: | ---: | ---: |",
      row("`POST /api/webhooks/stripe`", webhookAnswer),
      "",
      `Not confirmed within 60 s: ${missing}. Webhooks retried: ${retried}. Confirmed transitions: ${confirmations} for ${orders.length + warmup.length} orders.`,
      `CPU ms per paid order: ${Object.entries(cpu)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(", ")}.`,
    ].join("\n");
    console.log(`\n${table}\n`);
    writeFileSync("bench/results/webhook-latency.md", table + "\n");
  } finally {
    await listener.end();
    await pool.end({ timeout: 5 });
    await Promise.all(services.map((s) => s.stop()));
    await stopStripeServer();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
