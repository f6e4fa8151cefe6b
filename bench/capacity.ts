// npm run bench:capacity -- [--requests 1000] [--connections 16] [--orders 300] [--skip-build]
// CPU cost per unit of work, for the capacity model (issue 9, docs/operations.md "Capacity"). The
// production build on the demo catalog with the whole stack (scripts/lib/stack.ts: web, the three
// workers, the Stripe test server, mail capture) and nginx from deploy/nginx/ in front, on a fresh
// database. First a phone (Chromium) walks the shop as a guest, and every request it sends is
// counted by kind; then autocannon sends each kind N times (the walk's own requests replayed, with
// their Next.js router headers) and the CPU time of every process is read from /proc before and
// after: nginx, the web server, each worker, the stand-ins, and the database's PostgreSQL backends,
// less what each spent idle over as long. Then orders: checkout, payment to confirmation e-mail,
// picking to capture. Prints the costs and the model (bench/lib/capacity-model.ts) and writes
// bench/results/capacity.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import type postgres from "postgres";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { startGateway, type Gateway } from "../deploy/nginx/gateway";
import { createDatabase, type Database } from "../db/client";
import { claimOrder, finishPicking, settleOrderLine } from "../db/queries/picking";
import { getDefaultStore } from "../db/queries/stores";
import { createUser } from "../db/queries/users";
import { basketLines, baskets, orderLines, orders, products, productVariants, stockLevels, stores } from "../db/schema";
import { PASSWORD } from "../e2e/helpers";
import type { SessionUser } from "../lib/auth/access";
import { hashPassword } from "../lib/auth/password";
import { startCheckout } from "../lib/checkout/start-checkout";
import { createStripe } from "../lib/payments/stripe";
import { localAuthSecret, localServerActionsKey } from "../scripts/lib/auth-secret";
import { run } from "../scripts/lib/processes";
import { createStack, LOCAL_STRIPE, type Stack } from "../scripts/lib/stack";
import { GOOD_CARD, submitCard } from "../tools/stripe-test-server/test-helpers";
import { browserCensus, type RecordedRequest } from "./lib/browser-census";
import { capacityModel, type Costs, type UnitCost } from "./lib/capacity-model";
import { cpuMeter, type CpuSample } from "./lib/cpu";
import { signIn } from "./lib/http-load";
import { createBenchDatabase, prepareShoppers, type Shopper } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    requests: { type: "string", default: "1000" },
    connections: { type: "string", default: "16" },
    orders: { type: "string", default: "300" },
    "skip-build": { type: "boolean", default: false },
  },
});
const requestCount = Number(values.requests);
const connections = Number(values.connections);
const orderCount = Number(values.orders);
const PORTS = { web: 3700, stripe: 3701, smtp: 3702, mailHttp: 3703, orderWorkerHealth: 3704, notificationWorkerHealth: 3705, schedulerHealth: 3706, webMetrics: 3707 };
const GATEWAY_PORT = 3708;
const ORDER_WARMUP = 60;
const web = `http://127.0.0.1:${PORTS.web}`;
/** A document request as a browser sends it, but without its User-Agent (as autocannon sends by default). */
const NO_USER_AGENT = { accept: "text/html,*/*", "accept-encoding": "gzip, deflate, br" };
const PAGES = ["/", "/c/pantry", "/c/fruit-vegetables", "/p/bananas", "/p/extra-virgin-olive-oil", "/search?q=pasta"];

type ReplayedRequest = { method: string; path: string; headers: Record<string, string>; body?: Buffer };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const database = await createBenchDatabase();
  const { db, sql: pool } = createDatabase(database.url, 8);
  let stack: Stack | undefined;
  let gateway: Gateway | undefined;
  let meter: ReturnType<typeof cpuMeter> | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "halles-bench-capacity-"));
  try {
    const authSecret = localAuthSecret();
    const env = {
      DATABASE_URL: database.url,
      PUBLIC_URL: web,
      NODE_ENV: "production",
      HALLES_MODE: "demo",
      AUTH_SECRET: authSecret,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localServerActionsKey(authSecret),
      LOG_LEVEL: "warn",
      // One address plays every shopper.
      RATE_LIMIT_MULTIPLIER: "1000000",
    };
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);
    stack = createStack({ ports: PORTS, env, useStripeTestServer: true, useMailCapture: true });
    await stack.start();
    gateway = await startGateway({ dir, port: GATEWAY_PORT, upstreams: [`127.0.0.1:${PORTS.web}`], upstreamHost: `127.0.0.1:${PORTS.web}` });
    const groups = Object.fromEntries([["nginx", gateway.pid], ...stack.services.map((s) => [s.name, s.child.pid!])]);
    meter = cpuMeter(database.url, {}, groups);

    const census = await browserCensus(gateway.url, path.join(gateway.dir, "access.log"));
    console.log(`Walk: ${census.steps.map((s) => `${s.name} ${JSON.stringify(s.counts)}`).join("; ")}`);
    const recorded = (kind: RecordedRequest["kind"]) => census.requests.filter((r) => r.kind === kind);
    // Next.js renders for a request with a User-Agent otherwise than for one without (next.config.ts
    // htmlLimitedBots: every client gets its metadata before the first byte): measured both ways.
    const browser = { ...NO_USER_AGENT, "user-agent": recorded("document")[0].headers["user-agent"] };
    const withoutUserAgent = (list: RecordedRequest[]) => list.map((r) => ({ ...r, headers: Object.fromEntries(Object.entries(r.headers).filter(([name]) => name !== "user-agent")) }));
    const guests = await guestBaskets(db, requestCount);

    // Warm every path once, then idle: what each process spends doing nothing is taken off below.
    for (const r of census.requests.filter((r) => r.method === "GET")) await fetch(gateway.url + r.path, { headers: r.headers }).then((res) => res.arrayBuffer());
    for (const path of PAGES) await fetch(web + path, { headers: NO_USER_AGENT }).then((res) => res.arrayBuffer());
    const idle = await idleRates(meter, 15);
    const load0 = loadavg()[0];

    const measure = async (key: string, name: string, via: string, base: string, requests: (i: number) => ReplayedRequest): Promise<UnitCost> => {
      let i = 0;
      const before = await meter!.sample();
      const started = performance.now();
      const result = await autocannon({
        url: base,
        connections,
        amount: requestCount,
        requests: [{ setupRequest: (request) => ({ ...request, ...requests(i++) }) as typeof request }],
      });
      const cost = unitCost(key, name, via, before, await meter!.sample(), (performance.now() - started) / 1000, idle, result.requests.total);
      cost.errors = result.errors + result.timeouts + result.non2xx;
      cost.rps = result.requests.average;
      console.log(`${name}: ${Math.round(cost.rps)} req/s, ${cost.errors} errors, CPU ms ${JSON.stringify(round(cost.ms))}`);
      return cost;
    };
    const rotate = (list: RecordedRequest[], extra: (i: number) => Record<string, string> = () => ({})) => (i: number) => {
      const r = list[i % list.length];
      return { method: r.method, path: r.path, headers: { ...r.headers, ...extra(i) }, body: r.body };
    };
    const guestCookie = (i: number) => ({ cookie: `halles_basket=${guests[i % guests.length]}` });
    const statics = [...recorded("build asset"), ...recorded("picture")];
    const words = await searchWords(db);

    // A signed-in shopper's documents pass the gateway by: the same pages, from Next.js's cache.
    const shopper = await createUser(db, { email: "bench-capacity-shopper@example.test", name: "Bench Shopper", passwordHash: await hashPassword(PASSWORD), role: "customer" });
    const signedIn = { ...browser, cookie: await signIn(web, shopper.email, PASSWORD) };
    const page = (headers: Record<string, string>) => (i: number) => ({ method: "GET", path: PAGES[i % PAGES.length], headers });

    const http: UnitCost[] = [];
    http.push(await measure("gateway-hit", "document, from the gateway's cache", "nginx", gateway.url, page(browser)));
    http.push(await measure("static", "build asset or picture, from the gateway's cache", "nginx", gateway.url, rotate(statics, () => browser)));
    http.push(await measure("next-hit", "document, Next.js cache hit (a signed-in shopper's: the gateway passes it on)", "nginx", gateway.url, page(signedIn)));
    http.push(await measure("next-hit-no-ua", "the same without a User-Agent", "nginx", gateway.url, page({ ...NO_USER_AGENT, cookie: signedIn.cookie })));
    http.push(
      await measure("render", "document, uncached render (a search never asked before)", "nginx", gateway.url, (i) => ({
        method: "GET",
        path: `/search?q=${encodeURIComponent(words[i % words.length])}&max=${1 + Math.floor(i / words.length)}`,
        headers: browser,
      })),
    );
    http.push(await measure("navigation", "client navigation (RSC payload)", "nginx", gateway.url, rotate(recorded("navigation"))));
    http.push(await measure("navigation-no-ua", "the same without a User-Agent", "nginx", gateway.url, rotate(withoutUserAgent(recorded("navigation")))));
    http.push(await measure("prefetch", "link prefetch (RSC segment)", "nginx", gateway.url, rotate(recorded("prefetch"))));
    http.push(await measure("prefetch-no-ua", "the same without a User-Agent", "nginx", gateway.url, rotate(withoutUserAgent(recorded("prefetch")))));
    http.push(await measure("basket-summary", "basket summary (/api/storefront/basket)", "nginx", gateway.url, rotate(recorded("basket summary"), guestCookie)));
    http.push(await measure("add-to-basket", "add to basket (server action, page refreshed)", "nginx", gateway.url, rotate(recorded("action"), guestCookie)));
    http.push(await measure("basket-page", "basket page (personal, rendered each time)", "nginx", gateway.url, (i) => ({ method: "GET", path: "/basket", headers: { ...browser, ...guestCookie(i) } })));

    // Orders: a warm-up batch first, as the processes would be at a peak.
    const staff = await createUser(db, { email: "bench-capacity-agent@example.test", name: "Bench Agent", passwordHash: "not-used", role: "agent" });
    const agent: SessionUser = { id: staff.id, email: staff.email, name: staff.name, role: "agent", storeIds: (await db.select({ id: stores.id }).from(stores)).map((s) => s.id) };
    const shoppers = await prepareShoppers(db, orderCount + ORDER_WARMUP, "capacity");
    await runOrders(db, pool, shoppers.slice(0, ORDER_WARMUP), agent);
    const order = await runOrders(db, pool, shoppers.slice(ORDER_WARMUP), agent, meter, await idleRates(meter, 15));
    const costs: Costs = { http, order, census: census.steps };
    const load1 = loadavg()[0];
    const header = `${new Date().toISOString().slice(0, 10)} · ${availableParallelism()} cores shared by every process · ${requestCount} requests per row at ${connections} connections · ${orderCount} orders · load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after`;
    const report = capacityModel(costs, header);
    console.log(`\n${report}\n`);
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/capacity.md", report + "\n");
    writeFileSync("bench/results/capacity.json", JSON.stringify(costs, null, 2) + "\n");
  } finally {
    await meter?.close();
    await gateway?.stop();
    await stack?.stop();
    await pool.end({ timeout: 5 });
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** CPU seconds per second of each group while nothing is asked of it (heartbeats, polling, metrics). */
async function idleRates(meter: ReturnType<typeof cpuMeter>, seconds: number): Promise<CpuSample> {
  const before = await meter.sample();
  await sleep(seconds * 1000);
  const after = await meter.sample();
  return Object.fromEntries(Object.keys(after).map((k) => [k, (after[k] - before[k]) / seconds]));
}

/** CPU ms per unit of each server process between two samples, less its idle rate. */
function unitCost(key: string, name: string, via: string, before: CpuSample, after: CpuSample, seconds: number, idle: CpuSample, units: number): UnitCost {
  const ms: Record<string, number> = {};
  for (const key of Object.keys(after)) {
    if (key === "others") continue;
    ms[key] = Math.max(0, ((after[key] - before[key] - (key === "bench" ? 0 : idle[key] * seconds)) * 1000) / units);
  }
  return { key, name, via, units, seconds, ms, errors: 0, rps: units / seconds };
}

const round = (ms: Record<string, number>) => Object.fromEntries(Object.entries(ms).map(([k, v]) => [k, Number(v.toFixed(3))]));

/** Guest baskets of three lines at the default store: their ids, the halles_basket cookie's value. */
async function guestBaskets(db: Database, count: number): Promise<string[]> {
  const store = (await getDefaultStore(db))!;
  const variants = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .innerJoin(stockLevels, and(eq(stockLevels.variantId, productVariants.id), eq(stockLevels.storeId, store.id)))
    .where(and(eq(products.active, true), eq(productVariants.sellingMode, "unit"), sql`${stockLevels.quantity} > 10`))
    .limit(30);
  const made = await db
    .insert(baskets)
    .values(Array.from({ length: count }, () => ({ storeId: store.id })))
    .returning({ id: baskets.id });
  await db.insert(basketLines).values(made.flatMap((b, i) => [0, 1, 2].map((n) => ({ basketId: b.id, variantId: variants[(i + n * 7) % variants.length].id, quantity: 1 }))));
  return made.map((b) => b.id);
}

/** Words of product names, for searches that no cache has seen. */
async function searchWords(db: Database): Promise<string[]> {
  const names = await db.select({ name: products.name }).from(products).where(eq(products.active, true));
  return [...new Set(names.flatMap((p) => p.name.toLowerCase().match(/[a-z]{4,}/g) ?? []))].sort();
}

/**
 * Orders through the stack: checkout in this process (placeOrder and the Checkout Session, as the
 * checkout action runs it), payment on the hosted page until confirmed with its e-mail sent, then
 * picking finished (in this process, as the agent's action runs it) until captured, with its e-mail.
 * Without a meter, a warm-up.
 */
async function runOrders(db: Database, pool: postgres.Sql, shoppers: Shopper[], agent: SessionUser, meter?: ReturnType<typeof cpuMeter>, idle?: CpuSample): Promise<UnitCost[]> {
  const stripe = createStripe({
    STRIPE_SECRET_KEY: LOCAL_STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: PORTS.stripe,
    STRIPE_API_PROTOCOL: "http",
  });
  const results: UnitCost[] = [];
  const phase = async (key: string, name: string, work: () => Promise<void>) => {
    const before = await meter?.sample();
    const started = performance.now();
    await work();
    if (!meter || !before || !idle) return;
    const cost = unitCost(key, name, "stack", before, await meter.sample(), (performance.now() - started) / 1000, idle, shoppers.length);
    console.log(`${name}: ${cost.seconds.toFixed(1)} s, CPU ms per order ${JSON.stringify(round(cost.ms))}`);
    results.push(cost);
  };
  const mailsBefore = await mails();

  const sessions: { orderId: string; url: string }[] = [];
  await phase("checkout", "checkout: placeOrder + Checkout Session (startCheckout, in the bench process)", () =>
    inParallel(shoppers, 10, async (s: Shopper) => {
      const result = await startCheckout(db, stripe, { ...s, publicUrl: web });
      if (!result.ok) throw new Error(`checkout refused: ${result.error.code}`);
      sessions.push({ orderId: result.order.id, url: result.paymentUrl });
    }),
  );
  const ids = sessions.map((s) => s.orderId);
  await phase("payment", "payment: webhooks, confirmation, confirmation e-mail", async () => {
    const started = Date.now();
    // Ten payments a second: each sends four webhooks, and this machine's two shared cores must keep up.
    await Promise.all(
      sessions.map(async (s, i) => {
        await sleep(Math.max(0, started + i * 100 - Date.now()));
        const paid = await submitCard(s.url, GOOD_CARD);
        await paid.arrayBuffer();
        if (paid.status !== 303) throw new Error(`payment answered ${paid.status}`);
      }),
    );
    await until(async () => ({ done: await confirmed(pool, ids), mails: (await mails()) - mailsBefore, jobs: await jobsLeft(pool) }), ids.length, ids.length);
  });

  // Picking, not measured: claimed, every line picked as ordered.
  await inParallel(ids, 8, async (id: string) => {
    const claimed = await db.transaction((tx) => claimOrder(tx, id, agent));
    if (!claimed.ok) throw new Error(`claim refused: ${claimed.code}`);
    for (const line of await db.select().from(orderLines).where(eq(orderLines.orderId, id))) {
      const settled = await db.transaction((tx) => settleOrderLine(tx, { orderId: id, lineId: line.id, outcome: { kind: "picked", quantity: line.quantity }, staff: agent }));
      if (!settled.ok) throw new Error(`settling refused: ${settled.code}`);
    }
  });
  await phase("capture", "picking finished → capture, its webhooks and e-mail", async () => {
    await inParallel(ids, 4, async (id: string) => {
      const finished = await db.transaction((tx) => finishPicking(tx, id, agent));
      if (!finished.ok) throw new Error(`finish refused: ${finished.code}`);
    });
    await until(async () => ({ done: await captured(db, ids), mails: (await mails()) - mailsBefore, jobs: await jobsLeft(pool) }), ids.length, 2 * ids.length);
  });
  return results;
}

async function inParallel<T>(list: T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < list.length) await work(list[next++]);
  }));
}

type Progress = { done: number; mails: number; jobs: number };

/** Waits until every order is done, the e-mails are out and no job is due; a timeout says how far it got. */
async function until(progress: () => Promise<Progress>, orders: number, mails: number, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = await progress();
    if (now.done === orders && now.mails >= mails && now.jobs === 0) return;
    if (Date.now() > deadline) throw new Error(`after ${timeoutMs / 1000} s: ${now.done} of ${orders} orders, ${now.mails} of ${mails} e-mails, ${now.jobs} jobs due`);
    await sleep(200);
  }
}

async function confirmed(pool: postgres.Sql, ids: string[]): Promise<number> {
  const [row] = await pool<{ n: number }[]>`select count(*)::int as n from orders where id = any(${ids}::uuid[]) and status = 'confirmed'`;
  return row.n;
}

async function captured(db: Database, ids: string[]): Promise<number> {
  const rows = await db.select({ id: orders.id }).from(orders).where(and(inArray(orders.id, ids), isNotNull(orders.capturedCents)));
  return rows.length;
}

/** Jobs due and not yet done (graphile-worker keeps failed ones with attempts left, too). */
async function jobsLeft(pool: postgres.Sql): Promise<number> {
  const [row] = await pool<{ n: number }[]>`select count(*)::int as n from graphile_worker._private_jobs where run_at <= now() and attempts < max_attempts`;
  return row.n;
}

async function mails(): Promise<number> {
  const list = (await (await fetch(`http://127.0.0.1:${PORTS.mailHttp}/api/messages`)).json()) as unknown[];
  return list.length;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
