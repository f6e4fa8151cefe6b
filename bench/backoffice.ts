// npm run bench:backoffice -- [--orders 1000000] [--duration 15] [--connections 1,4] [--runs 10] [--skip-build]
// The store agents' back office under a year of orders: a fresh database with N orders in the
// three stores (bench/lib/bulk-orders.ts), the production build (`next start`), the order worker
// and the Stripe test server. Measured: the order queue page through HTTP as a signed-in agent,
// filtered by status and slot over many days (and its four queries in-process, with EXPLAIN of
// the main one); a 60-line order's picking page; finishing that order's pick until the order
// worker has captured it at the Stripe test server and the order is ready for collection.
// Prints Markdown and writes bench/results/backoffice.md.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { createDatabase, type Database } from "../db/client";
import { listQueue, queueCounts, queueVersion, slotsOfDay, type QueueFilter } from "../db/queries/order-queue";
import { finishPicking } from "../db/queries/picking";
import { createUser, setStaffStores } from "../db/queries/users";
import * as schema from "../db/schema";
import type { SessionUser } from "../lib/auth/access";
import { hashPassword } from "../lib/auth/password";
import { parseQueueParams, searchFilter } from "../lib/backoffice/queue-params";
import { SHOP_TIME_ZONE } from "../lib/orders/labels";
import { createStripe } from "../lib/payments/stripe";
import { dayRange, isoDay } from "../lib/time/zoned";
import { localAuthSecret } from "../scripts/lib/auth-secret";
import { NEXT_BIN, run, startService, typescript, waitForUrl, WEB_PRELOAD, type Service } from "../scripts/lib/processes";
import { generateOrders } from "./lib/bulk-orders";
import { cpuMeter } from "./lib/cpu";
import { fetchPage, load, signIn, type LoadResult } from "./lib/http-load";
import { paidBigOrders, settleAllLines } from "./lib/picking-orders";
import { createBenchDatabase, percentiles } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    orders: { type: "string", default: "1000000" },
    duration: { type: "string", default: "15" },
    connections: { type: "string", default: "1,4" },
    runs: { type: "string", default: "10" },
    "skip-build": { type: "boolean", default: false },
  },
});
const orderCount = Number(values.orders);
const seconds = Number(values.duration);
const connectionCounts = values.connections.split(",").map(Number);
const runs = Number(values.runs);
const WEB_PORT = 3600;
const STRIPE_PORT = 3601;
const WORKER_HEALTH_PORT = 3602;
const base = `http://127.0.0.1:${WEB_PORT}`;
const stripeUrl = `http://127.0.0.1:${STRIPE_PORT}`;
const STRIPE = { STRIPE_SECRET_KEY: "sk_test_bench_backoffice", STRIPE_WEBHOOK_SECRET: "whsec_bench_backoffice" };
const PASSWORD = "bench-agent-password";
const PICK_STORE = "lyon-part-dieu";
const QUEUE_URLS = 300;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => (n < 10 ? n.toFixed(1) : Math.round(n).toString());

type QueueSample = { slug: string; storeId: number; day: string; status: string; slotId: number };

/** Real queue filters: half on today and the coming week (where agents work), half over the past year; each matches at least one order. */
async function queueSamples(pool: postgres.Sql): Promise<QueueSample[]> {
  // Text, not Dates: Drizzle's client leaves timestamps as strings both ways.
  const today = dayRange(isoDay(new Date(), SHOP_TIME_ZONE), SHOP_TIME_ZONE).from.toISOString();
  const rows = await pool<{ slug: string; store_id: number; slot_starts_at: string; status: string; slot_id: number }[]>`
    (select s.slug, o.store_id, o.slot_starts_at, o.status::text, o.slot_id from orders o join stores s on s.id = o.store_id
      where o.slot_starts_at >= ${today} and o.status not in ('pending_payment', 'authorized') order by md5(o.id::text) limit ${QUEUE_URLS / 2})
    union all
    (select s.slug, o.store_id, o.slot_starts_at, o.status::text, o.slot_id from orders o tablesample bernoulli (0.1) repeatable (7) join stores s on s.id = o.store_id
      where o.slot_starts_at < ${today} and o.status not in ('pending_payment', 'authorized') limit ${QUEUE_URLS / 2})`;
  return rows.map((r) => ({ slug: r.slug, storeId: r.store_id, day: isoDay(new Date(r.slot_starts_at), SHOP_TIME_ZONE), status: r.status, slotId: r.slot_id }));
}

const queuePath = (s: QueueSample, filters: { status?: boolean; slot?: boolean }) =>
  `/admin/stores/${s.slug}/orders?day=${s.day}${filters.status ? `&status=${s.status}` : ""}${filters.slot ? `&slot=${s.slotId}` : ""}`;

/** The queue page's four queries for `path`, run as the page runs them (in parallel on the pool). */
function pageQueries(db: Database, storeId: number, path: string) {
  const query = Object.fromEntries(new URL(path, base).searchParams);
  const filter = parseQueueParams(query);
  const range = dayRange(filter.day, SHOP_TIME_ZONE);
  const common = { storeId, ...range, slotId: filter.slot, fulfilment: filter.fulfilment, ...searchFilter(filter.q) };
  return {
    list: (): QueueFilter => ({ ...common, status: filter.status, after: filter.after }),
    all: () =>
      Promise.all([listQueue(db, { ...common, status: filter.status }), queueCounts(db, common), queueVersion(db, { storeId, ...range }), slotsOfDay(db, { storeId, ...range })]),
  };
}

async function main() {
  const database = await createBenchDatabase();
  const services: Service[] = [];
  let stopStripeServer = async () => {};
  const env = {
    DATABASE_URL: database.url,
    PUBLIC_URL: base,
    NODE_ENV: "production" as const,
    HALLES_MODE: "demo",
    AUTH_SECRET: localAuthSecret(),
    LOG_LEVEL: "warn",
    ...STRIPE,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(STRIPE_PORT),
    STRIPE_API_PROTOCOL: "http",
  };
  const { db, sql: pool } = createDatabase(database.url, 8);
  const listener = postgres(database.url, { max: 1, onnotice: () => {} });
  const report: string[] = [];
  const out = (line = "") => {
    report.push(line);
    console.log(line);
  };
  try {
    const generated = performance.now();
    await generateOrders(db, pool, orderCount, (m) => console.log(`  ${m}`));
    const generationSeconds = (performance.now() - generated) / 1000;
    const [{ n: lineCount }] = await pool<{ n: number }[]>`select count(*)::int as n from order_lines`;
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);

    const stripeServer = spawn(process.execPath, typescript("tools/stripe-test-server/cli.ts"), {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env, STRIPE_TEST_SERVER_PORT: String(STRIPE_PORT), STRIPE_WEBHOOK_URL: `${base}/api/webhooks/stripe` },
    });
    stopStripeServer = () => new Promise((resolve) => (stripeServer.exitCode !== null ? resolve() : (stripeServer.once("exit", () => resolve()), stripeServer.kill("SIGTERM"))));
    await waitForUrl(`${stripeUrl}/`, 30_000);
    const launch = async (name: string, args: string[], extra: Record<string, string>, readyUrl: string) => {
      const service = startService(name, process.execPath, args, { ...env, ...extra });
      services.push(service);
      await waitForUrl(readyUrl, 60_000, service);
      return service;
    };
    const web = await launch("web", [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(WEB_PORT)], {}, `${base}/api/health/ready`);
    await launch("order-worker", typescript("workers/order-worker.ts"), { HEALTH_PORT: String(WORKER_HEALTH_PORT) }, `http://127.0.0.1:${WORKER_HEALTH_PORT}/health/ready`);

    // The agent: works at the three stores, signs in through Auth.js as the sign-in form does.
    const user = await createUser(db, { email: "bench-agent@example.test", name: "Bench Agent", passwordHash: await hashPassword(PASSWORD), role: "agent" });
    const storeIds = (await db.select({ id: schema.stores.id }).from(schema.stores)).map((s) => s.id);
    await setStaffStores(db, user.id, storeIds);
    const agent: SessionUser = { id: user.id, email: user.email, name: user.name, role: "agent", storeIds };
    const cookie = await signIn(base, user.email, PASSWORD);
    // What else kept the machine busy during each load (other people's work on the same 2 cores).
    const meter = cpuMeter(database.url, { web: web.child.pid });
    const measured = async (paths: string[], connections: number) => {
      const before = await meter.sample();
      const result = await load(base, paths, { connections, seconds, cookie });
      const busy = meter.perUnit(before, await meter.sample(), seconds * 1000);
      return { ...result, web: busy.web, others: busy.others };
    };

    // 1. The order queue.
    const samples = await queueSamples(pool);
    const targets = [
      { name: "status + slot", paths: samples.map((s) => queuePath(s, { status: true, slot: true })) },
      { name: "status", paths: samples.map((s) => queuePath(s, { status: true })) },
      { name: "whole day, no filter", paths: samples.map((s) => queuePath(s, {})) },
    ];
    for (const target of targets) for (const path of target.paths) await fetchPage(base, path, cookie, 'data-testid="order-queue"');
    const httpRows: string[] = [];
    for (const target of targets) {
      for (const connections of connectionCounts) {
        httpRows.push(loadRow(`${target.name}, ${connections} conn.`, await measured(target.paths, connections)));
      }
    }
    const storeOf = new Map(samples.map((s) => [s.slug, s.storeId]));
    const inProcess: string[] = [];
    for (const target of targets) {
      const pageTimes: number[] = [];
      const listTimes: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const path of target.paths) {
          const queries = pageQueries(db, storeOf.get(path.split("/")[3])!, path);
          let t0 = performance.now();
          await queries.all();
          pageTimes.push(performance.now() - t0);
          t0 = performance.now();
          await listQueue(db, queries.list());
          listTimes.push(performance.now() - t0);
        }
      }
      const page = percentiles(pageTimes);
      const list = percentiles(listTimes);
      inProcess.push(`| ${target.name} | ${ms(page.p50)} / ${ms(page.p95)} / ${ms(page.p99)} | ${ms(list.p50)} / ${ms(list.p95)} / ${ms(list.p99)} |`);
    }
    const plans = await explainQueue(pool, storeOf.get(samples[0].slug)!, [targets[0].paths[0], targets[2].paths[0]]);

    // 2 and 3. A 60-line order: its picking page, then finishing its pick, capture included.
    const stripe = createStripe({ ...STRIPE, STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: STRIPE_PORT, STRIPE_API_PROTOCOL: "http" });
    const big = await paidBigOrders(db, stripe, { storeSlug: PICK_STORE, count: runs, lines: 60, agent, publicUrl: base });
    const pickPath = `/admin/orders/${big[0]}/pick`;
    const pickPage = await fetchPage(base, pickPath, cookie, 'data-testid="pick-line"');
    const pickRows = [];
    for (const connections of connectionCounts) pickRows.push(loadRow(`60 lines to pick, ${connections} conn.`, await measured([pickPath], connections)));
    await meter.close();

    const finish = await finishRuns(db, listener, big, agent);

    out(`${orderCount.toLocaleString("en")} orders (${lineCount.toLocaleString("en")} lines) in 3 stores, generated in ${Math.round(generationSeconds)} s · ${cpus().length} cores shared with the load generator · ${new Date().toISOString().slice(0, 10)}`);
    out();
    out(`### Order queue page, HTTP (${QUEUE_URLS} different filters per row, ${seconds} s each)`);
    out();
    out("| filter | req/s | p50 (ms) | p95 (ms) | p99 (ms) | kB | errors | web server (cores) | rest of the machine (cores) |");
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    httpRows.forEach((r) => out(r));
    out();
    out("### The same filters in-process (3 rounds, one at a time)");
    out();
    out("| filter | the page's 4 queries: p50 / p95 / p99 (ms) | listQueue alone: p50 / p95 / p99 (ms) |");
    out("| --- | --- | --- |");
    inProcess.forEach((r) => out(r));
    out();
    out(`### Picking page of a 60-line order (${(pickPage.length / 1024).toFixed(0)} kB, ${seconds} s each)`);
    out();
    out("| page | req/s | p50 (ms) | p95 (ms) | p99 (ms) | kB | errors | web server (cores) | rest of the machine (cores) |");
    out("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    pickRows.forEach((r) => out(r));
    out();
    out(`### Finishing the pick of a 60-line order, capture included (${finish.length} orders, one at a time)`);
    out();
    out("| from the finish action … | p50 (ms) | p95 (ms) | max (ms) |");
    out("| --- | ---: | ---: | ---: |");
    const column = (name: string, pick: (f: FinishTimes) => number) => {
      const list = finish.map(pick);
      const { p50, p95 } = percentiles(list);
      out(`| ${name} | ${ms(p50)} | ${ms(p95)} | ${ms(Math.max(...list))} |`);
    };
    column("finish transaction (finishPicking, committed)", (f) => f.transaction);
    column("commit → captured at the Stripe test server (job pickup, reading the order, the capture request)", (f) => f.toCapture);
    column("captured → capture recorded (Stripe's answer back, the order's update begins)", (f) => f.toRecord);
    column("recording → `ready_for_collection` committed and seen", (f) => f.toReady);
    column("**total: finish action → `ready_for_collection`**", (f) => f.total);
    out();
    out(`Captured amounts equal the picked totals: ${finish.every((f) => f.capturedMatches) ? "yes" : "NO"}.`);
    out();
    out("### EXPLAIN (ANALYZE, BUFFERS) of listQueue");
    plans.forEach((p) => out(p));
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/backoffice.md", report.join("\n") + "\n");
  } finally {
    await listener.end();
    await pool.end({ timeout: 5 });
    await Promise.all(services.map((s) => s.stop()));
    await stopStripeServer();
    await database.drop();
  }
}

/** A load's row; `web` and `others`: the cores the web server and the rest of the machine kept busy. */
const loadRow = (name: string, r: LoadResult & { web: number; others: number }) =>
  `| ${name} | ${Math.round(r.perSecond)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${r.kilobytes.toFixed(0)} | ${r.errors} | ${r.web.toFixed(2)} | ${Math.max(0, r.others).toFixed(2)} |`;

/** EXPLAIN (ANALYZE, BUFFERS) of listQueue's statement for each path, as Drizzle sends it. */
async function explainQueue(pool: postgres.Sql, storeId: number, paths: string[]): Promise<string[]> {
  let captured: { query: string; params: unknown[] } | undefined;
  const logged = drizzle(pool, { schema, casing: "snake_case", logger: { logQuery: (query, params) => (captured = { query, params }) } });
  const plans: string[] = [];
  for (const path of paths) {
    await listQueue(logged, pageQueries(logged, storeId, path).list());
    const rows = await pool.unsafe(`explain (analyze, buffers) ${captured!.query}`, captured!.params as postgres.ParameterOrJSON<never>[]);
    plans.push("", `\`${path}\``, "", "```", ...rows.map((r) => r["QUERY PLAN"] as string), "```");
  }
  return plans;
}

/**
 * When the Stripe test server captured a PaymentIntent: the start of its charge.captured webhook's
 * delivery, which begins as the capture is answered (recorded once the delivery is done).
 */
async function captureTime(paymentIntentId: string): Promise<number> {
  for (let tries = 0; tries < 100; tries++) {
    const events = (await (await fetch(`${stripeUrl}/_test/events?type=charge.captured`)).json()) as {
      data: { event: { data: { object: { payment_intent: string } } }; attempts: { at: string }[] }[];
    };
    const attempt = events.data.find((e) => e.event.data.object.payment_intent === paymentIntentId)?.attempts[0];
    if (attempt) return Date.parse(attempt.at);
    await sleep(50);
  }
  throw new Error(`no charge.captured delivery for ${paymentIntentId}`);
}

type FinishTimes = { transaction: number; toCapture: number; toRecord: number; toReady: number; total: number; capturedMatches: boolean };

/**
 * Settles every line of each order, then times `finishPicking` in a transaction (as the server
 * action runs it) until the order is `ready_for_collection`: the capture's commit adds the
 * shopper's e-mail job, whose NOTIFY wakes the check at once (a 20 ms timer backs it up).
 */
async function finishRuns(db: Database, listener: postgres.Sql, orderIds: string[], agent: SessionUser): Promise<FinishTimes[]> {
  let wake: () => void = () => {};
  await listener.listen("jobs:insert", () => wake());
  const times: FinishTimes[] = [];
  for (const orderId of orderIds) {
    await settleAllLines(db, orderId, agent);
    await sleep(200);
    const startedAt = Date.now();
    const t0 = performance.now();
    const finished = await db.transaction((tx) => finishPicking(tx, orderId, agent));
    const committed = performance.now();
    if (!finished.ok) throw new Error(`finishPicking refused: ${finished.code}`);
    let readyAt = 0;
    const deadline = Date.now() + 30_000;
    while (!readyAt) {
      const [{ status }] = await listener<{ status: string }[]>`select status::text from orders where id = ${orderId}`;
      if (status === "ready_for_collection") readyAt = performance.now();
      else if (Date.now() > deadline) throw new Error(`order ${orderId} is ${status} 30 s after finishing`);
      else await new Promise<void>((resolve) => ((wake = resolve), setTimeout(resolve, 20)));
    }
    const [order] = await listener<{ captured_cents: number; final_total_cents: number; authorized_cents: number; payment_intent_id: string; recorded_at: Date }[]>`
      select o.captured_cents, o.final_total_cents, o.authorized_cents, o.payment_intent_id, e.created_at as recorded_at
      from orders o join order_events e on e.order_id = o.id and e.to_status = 'ready_for_collection' where o.id = ${orderId}`;
    const capturedAt = await captureTime(order.payment_intent_id);
    const recordedAt = new Date(order.recorded_at).getTime();
    const commitAt = startedAt + (committed - t0);
    const readyWall = startedAt + (readyAt - t0);
    times.push({
      transaction: committed - t0,
      toCapture: capturedAt - commitAt,
      toRecord: recordedAt - capturedAt,
      toReady: readyWall - recordedAt,
      total: readyAt - t0,
      capturedMatches: order.captured_cents === Math.min(order.final_total_cents, order.authorized_cents),
    });
  }
  return times;
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
