// close-stripe-payment against the local Stripe test server: a cancelled order's open session is
// expired, its authorisation voided (also one paid just before the cancellation), every re-run
// is harmless, a live order is never touched, and a network error leaves the job to be retried.
import { stripeAt } from "@/tests/stripe-fixtures";
import { eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import pino from "pino";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { cancelOrderByShopper } from "@/db/queries/shopper-cancellation";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { orders } from "@/db/schema";
import { openCheckoutSession } from "@/lib/checkout/start-checkout";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { createStripeTestServer, type StripeTestServer } from "@/tools/stripe-test-server/server";
import { GOOD_CARD, submitCard } from "@/tools/stripe-test-server/test-helpers";
import { createWorkerMetrics } from "../lib/metrics";
import { buildTaskList, graphileLogger } from "../lib/task-runner";
import { closeStripePayment, closeStripePaymentTask } from "./close-stripe-payment";
import { processStripeEvent } from "./process-stripe-event";

const log = pino({ level: "silent" });

let db: Database;
let close: () => Promise<void>;
let server: StripeTestServer;
let stripe: Stripe;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(6));
  server = await createStripeTestServer({ port: 0, webhookSecret: "whsec_test" });
  stripe = stripeAt(server.port);
  storeId = (await storeBySlug(db, "paris-bastille")).id;
  variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
});

afterAll(async () => {
  await restoreStock(db);
  await server.close();
  await close();
});

beforeEach(() => setStock(db, storeId, variantId, 30));

/** A placed order with its Checkout Session open at the test server. */
async function orderWithSession() {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 2 }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!placed.ok) throw new Error(`refused: ${placed.error.code}`);
  const url = await openCheckoutSession(db, stripe, placed.order, "http://localhost:3000");
  const [{ checkoutSessionId }] = await db.select({ checkoutSessionId: orders.checkoutSessionId }).from(orders).where(eq(orders.id, placed.order.id));
  return { orderId: placed.order.id, userId: shopper.userId, url, sessionId: checkoutSessionId! };
}

/** Pays the session with a good card; returns the authorised PaymentIntent's id. */
async function pay(url: string, sessionId: string): Promise<string> {
  expect((await submitCard(url, GOOD_CARD)).status).toBe(303);
  const session = await stripe.checkout.sessions.retrieve(sessionId);
  return session.payment_intent as string;
}

describe("closeStripePayment", () => {
  it("expires the open Checkout Session of an order the shopper cancelled, and does nothing more when run again", async () => {
    const { orderId, userId, sessionId } = await orderWithSession();
    await cancelOrderByShopper(db, userId, orderId);
    expect(await closeStripePayment(db, stripe, { orderId })).toEqual({ outcome: "closed", expiredSessions: [sessionId], voidedPaymentIntents: [], alreadyClosed: [] });
    expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("expired");
    expect(await closeStripePayment(db, stripe, { orderId })).toEqual({ outcome: "closed", expiredSessions: [], voidedPaymentIntents: [], alreadyClosed: [] });
  });

  it("voids the authorisation of a confirmed order the shopper cancelled; a second void is reported as already closed", async () => {
    const { orderId, userId, url, sessionId } = await orderWithSession();
    const intentId = await pay(url, sessionId);
    await db.transaction((tx) => confirmPaidOrder(tx, orderId, { paymentIntentId: intentId }));
    expect((await cancelOrderByShopper(db, userId, orderId)).ok).toBe(true);
    expect(await closeStripePayment(db, stripe, { orderId })).toEqual({ outcome: "closed", expiredSessions: [], voidedPaymentIntents: [intentId], alreadyClosed: [] });
    expect(await stripe.paymentIntents.retrieve(intentId)).toMatchObject({ status: "canceled", cancellation_reason: "requested_by_customer", amount_capturable: 0 });
    expect(await closeStripePayment(db, stripe, { orderId })).toEqual({ outcome: "closed", expiredSessions: [], voidedPaymentIntents: [], alreadyClosed: [intentId] });
  });

  it("voids a payment made just before the cancellation, whose webhook had not arrived yet, and again when it arrives", async () => {
    const { orderId, userId, url, sessionId } = await orderWithSession();
    const intentId = await pay(url, sessionId);
    await cancelOrderByShopper(db, userId, orderId);
    expect(await closeStripePayment(db, stripe, { orderId })).toMatchObject({ voidedPaymentIntents: [intentId] });
    expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe("canceled");

    // The late checkout.session.completed: the order stays cancelled, and its job is harmless.
    const eventId = `evt_late_${orderId.slice(0, 8)}`;
    const session = await stripe.checkout.sessions.retrieve(sessionId);
    await db.transaction((tx) => recordStripeEvent(tx, { id: eventId, type: "checkout.session.completed", data: { object: session }, object: "event" } as unknown as Stripe.Event));
    expect(await processStripeEvent(db, { stripe, livemode: false }, { eventId })).toEqual({ outcome: "unchanged" });
    const jobs = await jobsOfOrder(db, orderId, "close-stripe-payment");
    expect(jobs.map((j) => j.payload)).toContainEqual({ orderId, paymentIntentId: intentId });
    expect(await closeStripePayment(db, stripe, { orderId, paymentIntentId: intentId })).toEqual({
      outcome: "closed",
      expiredSessions: [],
      voidedPaymentIntents: [],
      alreadyClosed: [intentId],
    });
  });

  it("never touches the payment of an order that is not cancelled, nor an unknown order", async () => {
    const { orderId, url, sessionId } = await orderWithSession();
    expect(await closeStripePayment(db, stripe, { orderId })).toEqual({ outcome: "order-not-cancelled" });
    expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("open");
    const intentId = await pay(url, sessionId);
    expect(await closeStripePayment(db, stripe, { orderId, paymentIntentId: intentId })).toEqual({ outcome: "order-not-cancelled" });
    expect((await stripe.paymentIntents.retrieve(intentId)).status).toBe("requires_capture");
    expect(await closeStripePayment(db, stripe, { orderId: "00000000-0000-4000-8000-000000000000" })).toEqual({ outcome: "unknown-order" });
  });

  it("runs from the queue, and a network error leaves the job to be retried", async () => {
    const { orderId, userId, sessionId } = await orderWithSession();
    // Only this test's job is run: earlier tests' jobs were handled by calling the task directly.
    await db.execute(sql`select graphile_worker.complete_jobs(array(select id from graphile_worker.jobs where task_identifier = 'close-stripe-payment'))`);
    await cancelOrderByShopper(db, userId, orderId);
    const jobOf = async () => (await jobsOfOrder(db, orderId, "close-stripe-payment")).map((j) => ({ attempts: j.attempts, lastError: j.lastError }));
    const metrics = createWorkerMetrics("test");
    const runQueueOnce = (client: Stripe) =>
      runOnce({
        connectionString: process.env.DATABASE_URL!,
        concurrency: 1,
        maxPoolSize: 2,
        noHandleSignals: true,
        logger: graphileLogger(log),
        taskList: buildTaskList({ "close-stripe-payment": closeStripePaymentTask(client) }, { db, log, metrics }),
      });

    const unreachable = stripeAt(1);
    await runQueueOnce(unreachable);
    expect(await jobOf()).toEqual([{ attempts: 1, lastError: expect.stringMatching(/connection|ECONNREFUSED/i) }]);
    expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("open");

    await db.execute(
      sql`select graphile_worker.reschedule_jobs(array(select id from graphile_worker.jobs where task_identifier = 'close-stripe-payment'), run_at => now())`,
    );
    await runQueueOnce(stripe);
    expect(await jobOf()).toEqual([]);
    expect((await stripe.checkout.sessions.retrieve(sessionId)).status).toBe("expired");
  });
});
