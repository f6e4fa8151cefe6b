// An order worker killed with SIGKILL in the middle of a job: another worker process takes the
// job over once the first one's heartbeat is gone (never while it lives), and the order is
// confirmed exactly once. Real processes, real PostgreSQL, a job really mid-flight.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { orderEvents, orders, stripeEvents } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { spawnWorker, type WorkerProcess } from "@/tests/worker-process";

const SWEEP_INTERVAL_MS = 250;

let db: Database;
let close: () => Promise<void>;
const workers: WorkerProcess[] = [];
let releaseOrderLock: () => void = () => {};
let orderId: string | undefined;

beforeAll(() => {
  ({ db, close } = connect(4));
});
afterAll(async () => {
  releaseOrderLock();
  for (const worker of workers) worker.signal("SIGKILL");
  await Promise.all(workers.map((w) => w.exited));
  // The confirmation e-mail job stays queued (no notification worker here): leave the queue clean.
  if (orderId) await db.execute(sql`delete from graphile_worker._private_jobs where key = ${`order-email:${orderId}:confirmed`}`);
  await restoreStock(db);
  await close();
});

function startOrderWorker(): WorkerProcess {
  const worker = spawnWorker("workers/order-worker.ts", {
    DATABASE_URL: process.env.DATABASE_URL!,
    HEALTH_PORT: "0",
    WORKER_CONCURRENCY: "2",
    WORKER_SWEEP_INTERVAL_MS: String(SWEEP_INTERVAL_MS),
    STRIPE_SECRET_KEY: "sk_test_crash_recovery",
    STRIPE_WEBHOOK_SECRET: "whsec_crash_recovery",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: "9", // never called: a session's own event is checked without asking Stripe
  });
  workers.push(worker);
  return worker;
}

const started = (worker: WorkerProcess) => worker.waitForLog((line) => line.msg === "order-worker started", 20_000);

/** Holds the order's row lock in an open transaction until the returned release is called. */
async function lockOrderRow(orderId: string): Promise<number> {
  let locked: (pid: number) => void = () => {};
  const pid = new Promise<number>((resolve) => (locked = resolve));
  const release = new Promise<void>((resolve) => (releaseOrderLock = resolve));
  void db.transaction(async (tx) => {
    await tx.select({ id: orders.id }).from(orders).where(eq(orders.id, orderId)).for("update");
    const [row] = await tx.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`);
    locked(row.pid);
    await release;
  });
  return pid;
}

const jobOf = async (key: string) =>
  (await db.execute<{ locked_by: string | null; attempts: number }>(sql`select locked_by, attempts from graphile_worker.jobs where key = ${key}`))[0];
const blockedBy = async (pid: number) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where ${pid}::int = any(pg_blocking_pids(pid))`))[0].n;

describe("a worker killed with SIGKILL mid-job", () => {
  it("leaves the job to another worker process, and the order is confirmed exactly once", { timeout: 60_000 }, async () => {
    const storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
    const variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
    await setStock(db, storeId, variantId, 30);
    const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
    const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 3 }]);
    const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "crash@example.test" });
    if (!placed.ok) throw new Error(placed.error.code);
    orderId = placed.order.id;
    const sessionId = `cs_test_crash_${orderId}`;
    await db.update(orders).set({ checkoutSessionId: sessionId }).where(eq(orders.id, orderId));

    // The test holds the order's row lock, so the job will block inside its transaction.
    const lockPid = await lockOrderRow(orderId);
    const first = startOrderWorker();
    await started(first);

    const eventId = `evt_${randomUUID().replaceAll("-", "")}`;
    const jobKey = `stripe-event:${eventId}`;
    // The order's own session, paying what it authorises, in test mode: a payment the checks accept.
    const session = { id: sessionId, object: "checkout.session", amount_total: placed.order.authorizedCents, currency: "eur", livemode: false, metadata: { order_id: orderId }, payment_intent: "pi_crash" };
    const event = { id: eventId, object: "event", type: "checkout.session.completed", livemode: false, data: { object: session } };
    await db.transaction(async (tx) => {
      await recordStripeEvent(tx, event as unknown as Stripe.Event);
      await enqueueJob(tx, "process-stripe-event", { eventId }, { jobKey });
    });

    // Mid-flight: the first worker has locked the job and its transaction waits on the order row.
    await expect.poll(() => blockedBy(lockPid), { timeout: 10_000 }).toBe(1);
    const victim = (await jobOf(jobKey)).locked_by;
    expect(victim).toMatch(/^worker-/);

    // A second instance sweeps while the first lives: the job stays with its owner.
    const second = startOrderWorker();
    await started(second);
    await new Promise((r) => setTimeout(r, 4 * SWEEP_INTERVAL_MS));
    expect((await jobOf(jobKey)).locked_by).toBe(victim);

    first.signal("SIGKILL");
    expect(await first.exited).toBe("SIGKILL");

    // The second worker finds the dead worker's job, unlocks it and takes it (its own attempt
    // queues behind the dead process's transaction, which PostgreSQL rolls back once it notices).
    await second.waitForLog((line) => line.msg === "released the jobs of dead workers" && (line.workerIds as string[]).includes(victim!), 10_000);
    await expect.poll(async () => (await jobOf(jobKey))?.locked_by, { timeout: 10_000 }).toMatch(/^worker-/);
    expect((await jobOf(jobKey)).locked_by).not.toBe(victim);
    releaseOrderLock();

    const done = await second.waitForLog((line) => line.msg === "job completed" && line.task === "process-stripe-event", 10_000);
    expect(done).toMatchObject({ attempt: 2, result: { outcome: "applied" } });
    // graphile-worker marks the job done just after the task returns (and logs).
    await expect.poll(() => jobOf(jobKey), { timeout: 10_000 }).toBeUndefined();

    const [order] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    expect(order.status).toBe("confirmed");
    const confirmations = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.toStatus, "confirmed")));
    expect(confirmations).toHaveLength(1);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 27, reserved: 0 });
    const [mails] = await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`order-email:${orderId}:confirmed`}`);
    expect(mails.n).toBe(1);
    const [stored] = await db.select({ processedAt: stripeEvents.processedAt }).from(stripeEvents).where(eq(stripeEvents.id, eventId));
    expect(stored.processedAt).not.toBeNull();

    second.signal("SIGTERM");
    expect(await second.exited).toBe(0);
  });
});
