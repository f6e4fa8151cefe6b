// Two of each worker on one database (issue 9): 1,000 paid orders go through two order-worker and
// two notification-worker processes. Each order is confirmed exactly once and its shopper gets
// exactly one confirmation e-mail, counted where SMTP delivered it. The orders are written as the
// checkout leaves them; each payment is what the Stripe webhook route stores and enqueues.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { orderEvents, orderLines, orders, products, productVariants, slots, stockLevels, users } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { takeStackTurn } from "@/scripts/lib/postgres";
import { connect, createSlot, restoreStock, setStock, storeBySlug } from "@/tests/checkout-fixtures";
import { describeWorker, spawnWorker, type WorkerProcess } from "@/tests/worker-process";
import { createMailCapture, type MailCapture } from "@/tools/mail-capture/server";

// The figure. A machine whose two cores are shared by other work gets through ≈ 3 orders/s
// here (1,000 take minutes); SCALE_OUT_ORDERS runs fewer, e.g. while iterating.
const ORDERS = Number(process.env.SCALE_OUT_ORDERS ?? 1_000);
/** Deadlines that hold on a busy machine: 2.5 orders/s at worst, plus the workers' start. */
const DEADLINE_MS = 60_000 + ORDERS * 400;
const run = randomUUID().slice(0, 8);
const emailOf = (i: number) => `scale-${run}-${i}@example.test`;

let db: Database;
let close: () => Promise<void>;
let capture: MailCapture;
let turn: Awaited<ReturnType<typeof takeStackTurn>> | undefined;
const workers: WorkerProcess[] = [];

// Waits while the end-to-end suite's blue-green or container test runs (scripts/lib/postgres.ts).
beforeAll(async () => {
  turn = await takeStackTurn(process.env.DATABASE_URL!);
  ({ db, close } = connect(10));
  capture = await createMailCapture({ maxMessages: 10 * ORDERS });
}, 600_000);

afterAll(async () => {
  for (const worker of workers) worker.signal("SIGTERM");
  await Promise.all(workers.map((w) => w.exited));
  await restoreStock(db);
  await capture?.close();
  await close();
  await turn?.release();
});

/** Runs `fn` for 0…n-1, `width` at a time. */
async function inParallel(n: number, width: number, fn: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < n) await fn(next++);
  }));
}

/**
 * ORDERS shoppers' orders awaiting payment, each for one item of 20 products, written as the
 * checkout leaves them (lines, stock reserved, slot booked, Checkout Session) in a few statements.
 */
async function pendingOrders(): Promise<{ id: string; authorizedCents: number; sessionId: string }[]> {
  const store = await storeBySlug(db, "lyon-part-dieu");
  const variants = await db
    .select({ id: productVariants.id, sku: productVariants.sku, sizeLabel: productVariants.sizeLabel, priceCents: productVariants.priceCents, name: products.name, vatRateBp: products.vatRateBp })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(and(eq(productVariants.sellingMode, "unit"), eq(productVariants.isDefault, true)))
    .orderBy(productVariants.id)
    .limit(20);
  for (const variant of variants) await setStock(db, store.id, variant.id, ORDERS);
  const slotId = await createSlot(db, { storeId: store.id, kind: "collection", capacity: ORDERS });
  const [slot] = await db.select({ startsAt: slots.startsAt }).from(slots).where(eq(slots.id, slotId));
  const variantOf = (i: number) => variants[i % variants.length];
  return db.transaction(async (tx) => {
    const shoppers = await tx
      .insert(users)
      .values(Array.from({ length: ORDERS }, (_, i) => ({ email: emailOf(i), name: `Scale ${i}`, passwordHash: "not-used" })))
      .returning({ id: users.id, email: users.email });
    const placed = await tx
      .insert(orders)
      .values(
        shoppers.map((shopper, i) => {
          const cents = variantOf(i).priceCents;
          return {
            number: `S-${run}-${i}`,
            userId: shopper.id,
            storeId: store.id,
            slotId,
            slotStartsAt: slot.startsAt,
            fulfilment: "collection" as const,
            contactEmail: shopper.email,
            subtotalCents: cents,
            deliveryFeeCents: 0,
            totalCents: cents,
            authorizedCents: cents,
            checkoutSessionId: `cs_test_scale_${run}_${i}`,
            expiresAt: new Date(Date.now() + 3_600_000),
          };
        }),
      )
      .returning({ id: orders.id, authorizedCents: orders.authorizedCents, sessionId: orders.checkoutSessionId });
    await tx.insert(orderLines).values(
      placed.map((order, i) => {
        const v = variantOf(i);
        return { orderId: order.id, variantId: v.id, productName: v.name, sizeLabel: v.sizeLabel, sku: v.sku, sellingMode: "unit" as const, unitPriceCents: v.priceCents, quantity: 1, vatRateBp: v.vatRateBp, lineTotalCents: v.priceCents, substitution: "allow" as const, position: 0 };
      }),
    );
    for (const [index, variant] of variants.entries()) {
      const reserved = placed.filter((_, i) => i % variants.length === index).length;
      await tx.update(stockLevels).set({ reserved }).where(and(eq(stockLevels.storeId, store.id), eq(stockLevels.variantId, variant.id)));
    }
    await tx.update(slots).set({ booked: ORDERS }).where(eq(slots.id, slotId));
    return placed.map((o) => ({ id: o.id, authorizedCents: o.authorizedCents, sessionId: o.sessionId! }));
  });
}

/** What the webhook route does with Stripe's checkout.session.completed for each order: store it, enqueue it. */
async function payAll(placed: { id: string; authorizedCents: number; sessionId: string }[]): Promise<string[]> {
  const eventIds = placed.map(() => `evt_${randomUUID().replaceAll("-", "")}`);
  await inParallel(placed.length, 8, async (i) => {
    const order = placed[i];
    const session = { id: order.sessionId, object: "checkout.session", amount_total: order.authorizedCents, currency: "eur", livemode: false, metadata: { order_id: order.id }, payment_intent: `pi_scale_${order.id}` };
    const event = { id: eventIds[i], object: "event", type: "checkout.session.completed", livemode: false, data: { object: session } };
    await db.transaction(async (tx) => {
      if (await recordStripeEvent(tx, event as unknown as Stripe.Event)) await enqueueJob(tx, "process-stripe-event", { eventId: event.id }, { jobKey: `stripe-event:${event.id}` });
    });
  });
  return eventIds;
}

function startWorker(entry: "order-worker" | "notification-worker"): WorkerProcess {
  const worker = spawnWorker(`workers/${entry}.ts`, {
    DATABASE_URL: process.env.DATABASE_URL!,
    HEALTH_PORT: "0",
    // Two jobs at a time each: 7 connections a process (2 for the tasks, 4 for graphile-worker, 1
    // heartbeat), 28 for the four, beside the e2e suite's stack on the same server (scripts/test.ts).
    WORKER_CONCURRENCY: "2",
    STRIPE_SECRET_KEY: "sk_test_scale_out",
    STRIPE_WEBHOOK_SECRET: "whsec_scale_out",
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: "9", // never called: a session's own event is checked without asking Stripe
    SMTP_URL: `smtp://127.0.0.1:${capture.smtpPort}`,
  });
  workers.push(worker);
  return worker;
}

const completedBy = (worker: WorkerProcess, task: string) => worker.logs.filter((l) => l.msg === "job completed" && l.task === task).length;

describe("two order workers and two notification workers on one database", () => {
  it(`confirm each of ${ORDERS} paid orders exactly once, with exactly one e-mail`, { timeout: 2 * DEADLINE_MS }, async () => {
    const placed = await pendingOrders();
    // Paid in a burst: the four workers start on a queue of 1,000 payments and race for them.
    const eventIds = await payAll(placed);
    const orderWorkers = [startWorker("order-worker"), startWorker("order-worker")];
    const mailWorkers = [startWorker("notification-worker"), startWorker("notification-worker")];
    const ids = placed.map((o) => o.id);

    const confirmed = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(and(like(orders.number, `S-${run}-%`), eq(orders.status, "confirmed"))))[0].n;
    const mailed = () => capture.messages().filter((m) => m.to.some((to) => to.startsWith(`scale-${run}-`))).length;
    await expect.poll(confirmed, { timeout: DEADLINE_MS, interval: 500 }).toBe(ORDERS);
    await expect.poll(mailed, { timeout: 60_000, interval: 500 }).toBe(ORDERS);
    // Nothing left in the queue. graphile-worker deletes a job just after its task returns, and an
    // e-mail's sent record commits just after SMTP accepted it: once the jobs are gone, every
    // record is there to count.
    const keys = [...eventIds.map((id) => `stripe-event:${id}`), ...ids.map((id) => `order-email:${id}:confirmed`)];
    const left = async () => (await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker._private_jobs where key in ${keys}`))[0].n;
    await expect.poll(left, { timeout: 30_000, interval: 200 }).toBe(0);

    // Exactly once: one transition to confirmed per order, one sent-mail record per order, one
    // message per shopper at the SMTP server.
    const perOrder = async (condition: SQL) =>
      (await db.select({ orderId: orderEvents.orderId, n: sql<number>`count(*)::int` }).from(orderEvents).where(and(inArray(orderEvents.orderId, ids), condition)).groupBy(orderEvents.orderId)).map((r) => r.n);
    const confirmations = await perOrder(and(eq(orderEvents.fromStatus, "authorized"), eq(orderEvents.toStatus, "confirmed"))!);
    expect(confirmations).toHaveLength(ORDERS);
    expect(confirmations.filter((n) => n !== 1)).toEqual([]);
    const sentRecords = await perOrder(sql`${orderEvents.data}->>'mail' = 'confirmed'`);
    expect(sentRecords).toHaveLength(ORDERS);
    expect(sentRecords.filter((n) => n !== 1)).toEqual([]);
    const perShopper = new Map<string, number>();
    for (const m of capture.messages()) for (const to of new Set(m.to.filter((a) => a.startsWith(`scale-${run}-`)))) perShopper.set(to, (perShopper.get(to) ?? 0) + 1);
    expect(perShopper.size).toBe(ORDERS);
    expect([...perShopper.values()].filter((n) => n !== 1)).toEqual([]);
    // Both of each did their share.
    for (const worker of orderWorkers) expect(completedBy(worker, "process-stripe-event"), describeWorker(worker)).toBeGreaterThan(0);
    for (const worker of mailWorkers) expect(completedBy(worker, "send-order-email"), describeWorker(worker)).toBeGreaterThan(0);
  });
});
