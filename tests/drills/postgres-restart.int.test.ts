// Fault drill: PostgreSQL restarted in the middle of a checkout load. The drill runs its own
// embedded PostgreSQL (never the machine's); the web app's checkout, Stripe webhook and readiness
// run in-process on the web app's one pool (getDb), the order worker and scheduler as real
// processes. Shoppers check out and pay while the server stops and starts again.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, getDb, type Database } from "@/db/client";
import { basketLines, orderEvents, orderLines, orders, slots } from "@/db/schema";
import { readinessResponse } from "@/lib/health/readiness";
import { startCheckout, type StartCheckoutResult } from "@/lib/checkout/start-checkout";
import { enqueueJob } from "@/lib/jobs/queue";
import { logger } from "@/lib/logger";
import { createStripe } from "@/lib/payments/stripe";
import { createSlot, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { describeWorker, spawnWorker, type WorkerProcess } from "@/tests/worker-process";
import { createStripeTestServer, type StripeTestServer } from "@/tools/stripe-test-server/server";
import { GOOD_CARD, submitCard } from "@/tools/stripe-test-server/test-helpers";
import { startDrillPostgres, type DrillPostgres } from "./drill-postgres";
import { startReadinessProbe, workerReadiness, type ReadinessProbe } from "./readiness-probe";

const WEBHOOK_SECRET = "whsec_drill_postgres_restart";
const STRIPE_KEY = "sk_test_drill_postgres_restart";
const SHOPPERS = 150;
const CONCURRENT_SHOPPERS = 12;
/** Fewer eggs than shoppers: some checkouts are refused, and must leave nothing behind. */
const EGGS_IN_STOCK = 110;
const RECOVERY_BOUND_MS = 10_000;
/** How long the server stays down once everyone has noticed: a restart, not a blip. */
const OUTAGE_MS = 3_000;

let pg: DrillPostgres;
let observer: { db: Database; end: () => Promise<unknown> };
let stripeServer: StripeTestServer;
let webhookServer: Server;
const workers: WorkerProcess[] = [];
const probes: ReadinessProbe[] = [];

const savedEnv = { DATABASE_URL: process.env.DATABASE_URL, STRIPE_SECRET_KEY: process.env.STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET: process.env.STRIPE_WEBHOOK_SECRET };
const webGlobals = globalThis as unknown as { hallesDb?: { sql: { end(options: { timeout: number }): Promise<void> } }; hallesStripe?: unknown };

beforeAll(async () => {
  pg = await startDrillPostgres("pg-restart");
  // The web app's own client module reads DATABASE_URL once, on first use: point it at the drill.
  Object.assign(process.env, { DATABASE_URL: pg.url, STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET });
  const { db, sql: client } = createDatabase(pg.url, 3);
  observer = { db, end: () => client.end({ timeout: 5 }) };
  webhookServer = await startWebhookEndpoint();
  stripeServer = await createStripeTestServer({
    port: 0,
    webhookSecret: WEBHOOK_SECRET,
    webhookUrl: `http://127.0.0.1:${(webhookServer.address() as AddressInfo).port}/api/webhooks/stripe`,
    retry: { attempts: 8, baseDelayMs: 250 },
  });
}, 180_000);

afterAll(async () => {
  await Promise.all(probes.map((p) => p.stop()));
  for (const worker of workers) worker.signal("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
  await observer?.end();
  // The web app's pool belongs to the drill's server: close it and leave the process as it was.
  await webGlobals.hallesDb?.sql.end({ timeout: 5 });
  delete webGlobals.hallesDb;
  delete webGlobals.hallesStripe;
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await stripeServer?.close();
  await new Promise<void>((resolve) => (webhookServer ? webhookServer.close(() => resolve()) : resolve()));
  await pg?.remove();
}, 60_000);

/** The web app's Stripe webhook route on a real port, so the Stripe test server can deliver to it. */
async function startWebhookEndpoint(): Promise<Server> {
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = { "stripe-signature": String(req.headers["stripe-signature"] ?? "") };
      const request = new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: Buffer.concat(chunks).toString("utf8"), headers });
      void POST(request, undefined).then(
        async (response) => res.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text()),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

function startService(entry: "order-worker" | "scheduler"): WorkerProcess {
  const worker = spawnWorker(`workers/${entry}.ts`, {
    DATABASE_URL: pg.url,
    HEALTH_PORT: "0",
    WORKER_SWEEP_INTERVAL_MS: "1000",
    STRIPE_SECRET_KEY: STRIPE_KEY,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(stripeServer.port),
  });
  workers.push(worker);
  return worker;
}

/** Holds an order's row lock in an open transaction (the server's shutdown ends it). */
async function holdOrderLock(db: Database, orderId: string): Promise<number> {
  let locked: (pid: number) => void = () => {};
  const pid = new Promise<number>((resolve) => (locked = resolve));
  db.transaction(async (tx) => {
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for("update");
    const [row] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    locked(row.pid);
    await new Promise(() => {}); // until the connection goes
  }).catch(() => {});
  return pid;
}

const blockedBy = async (db: Database, pid: number) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`))[0].n;

type Shopper = { userId: string; basketId: string; slotId: number; address: string };
type Outcome = { kind: "ordered" | "refused" | "payment_unavailable" | "gave_up"; failedAttempts: number; result?: StartCheckoutResult; finishedAt: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("fault drills (issue 6 item 14): PostgreSQL restarted under a checkout load", () => {
  it("loses and doubles no order or payment; the web app and the workers serve again within 10 s, without restarting", { timeout: 240_000 }, async () => {
    const { db } = observer;
    const store = await storeBySlug(db, "lyon-part-dieu");
    const yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
    const eggs = await variantOf(db, "free-range-eggs");
    await setStock(db, store.id, yoghurt.id, 10_000);
    await setStock(db, store.id, eggs.id, EGGS_IN_STOCK);
    const slotIds = [
      await createSlot(db, { storeId: store.id, kind: "collection", capacity: 100 }),
      await createSlot(db, { storeId: store.id, kind: "collection", capacity: 100 }),
    ];
    const shoppers: Shopper[] = [];
    for (let i = 0; i <= SHOPPERS; i++) {
      const lines = [
        { variantId: yoghurt.id, quantity: 2 },
        { variantId: eggs.id, quantity: 1 },
      ];
      shoppers.push({ ...(await shopperWithBasket(db, store.id, lines)), slotId: slotIds[i % 2], address: `198.18.${i >> 8}.${i & 255}` });
    }
    const stripe = createStripe({ STRIPE_SECRET_KEY: STRIPE_KEY, STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: stripeServer.port });
    const checkout = (shopper: Shopper) =>
      startCheckout(getDb(), stripe, {
        userId: shopper.userId,
        basketId: shopper.basketId,
        fulfilment: "collection",
        slotId: shopper.slotId,
        contactEmail: `${shopper.userId}@example.test`,
        publicUrl: "http://localhost:3000",
        rateLimit: { clientAddress: shopper.address },
      });
    // One shopper orders first and pays exactly when the server stops: their payment's job is
    // mid-flight in the order worker then (held on the order's row lock).
    const pinnedShopper = shoppers.pop()!;
    const pinned = await checkout(pinnedShopper);
    if (!pinned.ok) throw new Error(`pinned checkout refused: ${pinned.error.code}`);

    const orderWorker = startService("order-worker");
    const scheduler = startService("scheduler");
    const [orderWorkerStarted, schedulerStarted] = await Promise.all(
      [orderWorker, scheduler].map((w) => w.waitForLog((line) => / started$/.test(line.msg), 30_000)),
    );
    // The readiness route's own answer (app/api/health/ready), on the web app's one pool.
    const webPool = getDb();
    probes.push(
      startReadinessProbe("web", async () => (await readinessResponse(getDb())).status),
      startReadinessProbe("order-worker", workerReadiness(orderWorkerStarted.healthPort as number)),
      startReadinessProbe("scheduler", workerReadiness(schedulerStarted.healthPort as number)),
    );
    const t0 = performance.now();
    for (const probe of probes) await probe.waitFor(200, t0, 20_000);

    // The load: shoppers place their orders through the web app's code path and pay. One whose
    // attempt fails (the database is down) tries again a moment later, as a person would.
    const outcomes = new Map<string, Outcome>();
    const failures: { at: number; error: string }[] = [];
    const shop = async (shopper: Shopper): Promise<Outcome> => {
      let failedAttempts = 0;
      const giveUpAt = performance.now() + 60_000;
      for (;;) {
        try {
          const result = await checkout(shopper);
          // "Unavailable" is a clear failure that charged nothing: the shopper tries again.
          if (!result.ok && result.error.code === "unavailable") throw new Error("checkout answered: unavailable");
          if (result.ok) expect((await submitCard(result.paymentUrl, GOOD_CARD)).status).toBe(303);
          const kind = result.ok ? "ordered" : result.error.code === "payment_unavailable" ? "payment_unavailable" : "refused";
          return { kind, failedAttempts, result, finishedAt: performance.now() };
        } catch (error) {
          failedAttempts++;
          failures.push({ at: performance.now(), error: error instanceof Error ? error.message : String(error) });
          if (performance.now() > giveUpAt) return { kind: "gave_up", failedAttempts, finishedAt: performance.now() };
          await sleep(250);
        }
      }
    };
    let next = 0;
    const load = Promise.all(
      Array.from({ length: CONCURRENT_SHOPPERS }, async () => {
        while (next < shoppers.length) {
          const shopper = shoppers[next++];
          outcomes.set(shopper.userId, await shop(shopper));
        }
      }),
    );

    // Mid-load: the pinned payment's job blocks on its order, then a fast shutdown (sessions
    // terminated, open transactions rolled back), a few seconds down, and a start.
    await expect.poll(() => outcomes.size, { timeout: 60_000, interval: 20 }).toBeGreaterThanOrEqual(SHOPPERS / 4);
    const lockPid = await holdOrderLock(db, pinned.order.id);
    expect((await submitCard(pinned.paymentUrl, GOOD_CARD)).status).toBe(303);
    await expect.poll(() => blockedBy(db, lockPid), { timeout: 30_000 }).toBe(1);
    const doneBeforeStop = outcomes.size;
    await pg.stop();
    const down = performance.now();
    for (const probe of probes) await probe.waitFor(503, down, 20_000);
    await sleep(OUTAGE_MS);
    await pg.start();
    const back = performance.now();
    const recovery: Record<string, number> = {};
    for (const probe of probes) {
      const ready = await probe.waitFor(200, back, 30_000).catch((error: Error) => {
        throw new Error(`${error.message}\n${[orderWorker, scheduler].map(describeWorker).join("\n")}`);
      });
      recovery[probe.name] = Math.round(ready.answeredAt - back);
    }
    await load;

    const finished = [...outcomes.values()];
    const outage = {
      downMs: Math.round(back - down),
      shoppersDoneBeforeStop: doneBeforeStop,
      shoppersDoneWhileDown: finished.filter((o) => o.finishedAt >= down && o.finishedAt < back).length,
      shoppersDoneAfterRestart: finished.filter((o) => o.finishedAt >= back).length,
      failedAttempts: failures.length,
      failures: [...new Set(failures.map((f) => f.error))].slice(0, 5),
      orderWorkerRunnerRestarts: orderWorker.logs.filter((l) => l.msg === "job runner started again").length,
    };
    logger.info({ drill: "postgres-restart", recoveryMs: recovery, outage }, "fault drill: PostgreSQL restart");
    for (const [name, ms] of Object.entries(recovery)) expect(ms, `${name} ready again`).toBeLessThan(RECOVERY_BOUND_MS);
    expect(getDb()).toBe(webPool); // the same pool, not a new client
    for (const worker of [orderWorker, scheduler]) {
      expect(worker.child.exitCode, `still running: ${describeWorker(worker)}`).toBeNull();
      expect(worker.logs.filter((l) => / started$/.test(l.msg))).toHaveLength(1);
    }
    // The pinned job's worker could not mark it failed and left graphile-worker's pool: the
    // runtime started a new runner in the same process, and the sweep freed the job.
    expect(outage.orderWorkerRunnerRestarts).toBeGreaterThanOrEqual(1);
    expect(outage.shoppersDoneAfterRestart).toBeGreaterThan(0);
    expect(finished.filter((o) => o.kind === "gave_up")).toEqual([]);
    expect(outcomes.size).toBe(SHOPPERS);

    // Every payment is applied once, including those made after the restart (their jobs were
    // enqueued after it) and the one whose job was cut off.
    const orderedIds = [pinned.order.id, ...finished.flatMap((o) => (o.result?.ok ? [o.result.order.id] : []))];
    expect(orderedIds).toHaveLength(Math.min(SHOPPERS + 1, EGGS_IN_STOCK));
    const confirmed = async () =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(and(inArray(orders.id, orderedIds), eq(orders.status, "confirmed"))))[0].n;
    await expect.poll(confirmed, { timeout: 90_000, interval: 500 }).toBe(orderedIds.length);
    outcomes.set(pinnedShopper.userId, { kind: "ordered", failedAttempts: 0, result: pinned, finishedAt: 0 });
    await expectConsistent(db, { shoppers: [...shoppers, pinnedShopper], outcomes, slotIds, storeId: store.id, yoghurtId: yoghurt.id, eggsId: eggs.id });

    // The scheduler takes work again too.
    const job = await db.transaction((tx) => enqueueJob(tx, "expire-unpaid-orders", {}));
    await scheduler.waitForLog((line) => line.msg === "job completed" && line.jobId === job.id, 30_000);
  });
});

/**
 * Every shopper has exactly one order (confirmed, its basket emptied) or none (refused, the basket
 * as it was); every order has its lines, one creation and one confirmation; stock and slot places
 * are taken exactly once per order.
 */
async function expectConsistent(
  db: Database,
  c: { shoppers: Shopper[]; outcomes: Map<string, Outcome>; slotIds: number[]; storeId: number; yoghurtId: number; eggsId: number },
): Promise<void> {
  const all = await db
    .select({ userId: orders.userId, id: orders.id, status: orders.status, cancelReason: orders.cancelReason, sessionId: orders.checkoutSessionId })
    .from(orders)
    .where(inArray(orders.userId, c.shoppers.map((s) => s.userId)));
  const basketSizes = new Map(
    (await db.select({ basketId: basketLines.basketId, n: sql<number>`count(*)::int` }).from(basketLines).groupBy(basketLines.basketId)).map((r) => [r.basketId, r.n]),
  );
  for (const shopper of c.shoppers) {
    const outcome = c.outcomes.get(shopper.userId)!;
    const own = all.filter((o) => o.userId === shopper.userId);
    const label = `shopper ${shopper.userId}: ${outcome.kind} after ${outcome.failedAttempts} failed attempts`;
    if (outcome.kind === "ordered") {
      expect(own, label).toHaveLength(1);
      expect(own[0], label).toMatchObject({ status: "confirmed", sessionId: expect.stringMatching(/^cs_/) });
      expect(basketSizes.get(shopper.basketId) ?? 0, label).toBe(0);
    } else if (outcome.kind === "payment_unavailable") {
      expect(own, label).toHaveLength(1);
      expect(own[0], label).toMatchObject({ status: "cancelled", cancelReason: "payment_unavailable" });
      expect(basketSizes.get(shopper.basketId), label).toBe(2);
    } else {
      expect(own, label).toEqual([]);
      expect(basketSizes.get(shopper.basketId), label).toBe(2);
    }
  }
  const [{ withoutLines }] = await db.execute<{ withoutLines: number }>(
    sql`select count(*)::int as "withoutLines" from orders o where not exists (select 1 from order_lines l where l.order_id = o.id)`,
  );
  expect(withoutLines).toBe(0);
  const [{ lines }] = await db.select({ lines: sql<number>`count(*)::int` }).from(orderLines);
  expect(lines).toBe(2 * all.length);
  const transitions = await db
    .select({ to: orderEvents.toStatus, orderId: orderEvents.orderId, n: sql<number>`count(*)::int` })
    .from(orderEvents)
    .where(sql`${orderEvents.fromStatus} is distinct from ${orderEvents.toStatus}`)
    .groupBy(orderEvents.toStatus, orderEvents.orderId);
  const confirmed = all.filter((o) => o.status === "confirmed").length;
  for (const [to, orderCount] of [["pending_payment", all.length], ["confirmed", confirmed]] as const) {
    const events = transitions.filter((t) => t.to === to);
    expect(events.every((t) => t.n === 1), `one ${to} event per order`).toBe(true);
    expect(events.length, `orders with a ${to} event`).toBe(orderCount);
  }
  const pending = all.filter((o) => o.status === "pending_payment").length;
  expect(await stockOf(db, c.storeId, c.yoghurtId)).toEqual({ quantity: 10_000 - 2 * confirmed, reserved: 2 * pending });
  expect(await stockOf(db, c.storeId, c.eggsId)).toEqual({ quantity: EGGS_IN_STOCK - confirmed, reserved: pending });
  for (const slot of await db.select({ id: slots.id, booked: slots.booked }).from(slots).where(inArray(slots.id, c.slotIds))) {
    const [{ n }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(and(eq(orders.slotId, slot.id), ne(orders.status, "cancelled")));
    expect(slot.booked, `slot ${slot.id}`).toBe(n);
  }
}
