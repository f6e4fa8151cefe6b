// From Stripe's delivery to the order: the webhook endpoint and the order worker's task together,
// on the real queue, with payments made at the local Stripe test server. However often and in
// whatever order Stripe reports one payment, the order changes once and one confirmation e-mail is
// queued; a payment the order cannot accept cancels it and is voided.
import { stripeAt } from "@/tests/stripe-fixtures";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import pino from "pino";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { orderEvents, orders } from "@/db/schema";
import { openCheckoutSession } from "@/lib/checkout/start-checkout";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { createStripeTestServer, type StripeTestServer } from "@/tools/stripe-test-server/server";
import { GOOD_CARD, submitCard } from "@/tools/stripe-test-server/test-helpers";
import { createWorkerMetrics } from "@/workers/lib/metrics";
import { buildTaskList, graphileLogger } from "@/workers/lib/task-runner";
import { closeStripePayment } from "@/workers/tasks/close-stripe-payment";
import { processStripeEventTask } from "@/workers/tasks/process-stripe-event";

const SECRET = "whsec_webhook_to_order";
process.env.STRIPE_SECRET_KEY = "sk_test_webhook_to_order";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
const { POST } = await import("./route");

let db: Database;
let close: () => Promise<void>;
const servers: { close(): Promise<void> | void }[] = [];

beforeAll(() => ({ db, close } = connect(6)));
afterAll(async () => {
  for (const server of servers) await server.close();
  await restoreStock(db);
  await close();
});

async function stripeTestServer(webhookUrl?: string): Promise<{ server: StripeTestServer; stripe: Stripe }> {
  const server = await createStripeTestServer({ port: 0, webhookSecret: SECRET, webhookUrl, retry: { attempts: 3, baseDelayMs: 20 } });
  servers.push(server);
  return { server, stripe: stripeAt(server.port, "sk_test_webhook_to_order") };
}

/** The webhook route on a real HTTP port, so the test server can deliver its events to it. */
async function webhookEndpoint(): Promise<string> {
  const http: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const headers = { "stripe-signature": String(req.headers["stripe-signature"] ?? "") };
      void POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: Buffer.concat(chunks).toString("utf8"), headers }), undefined).then(
        async (response) => res.writeHead(response.status, { "Content-Type": "application/json" }).end(await response.text()),
        () => res.writeHead(500).end(),
      );
    });
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  servers.push({
    close: () =>
      new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/api/webhooks/stripe`;
}

function deliver(type: string, object: object, id = `evt_${randomUUID().replaceAll("-", "")}`) {
  const payload = JSON.stringify({ id, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object }, livemode: false });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": header } }), undefined);
}

function runOrderWorkerOnce(stripe: Stripe, livemode = false) {
  const log = pino({ level: "silent" });
  return runOnce({
    connectionString: process.env.DATABASE_URL!,
    // One at a time, in delivery order, so that the stale expiry comes last as it did at Stripe.
    concurrency: 1,
    maxPoolSize: 3,
    noHandleSignals: true,
    logger: graphileLogger(log),
    taskList: buildTaskList({ "process-stripe-event": processStripeEventTask({ stripe, livemode }) }, { db, log, metrics: createWorkerMetrics("test") }),
  });
}

/** An order of 4 yoghurts at the store, with its Checkout Session opened and paid with a good card. */
async function paidOrder(stripe: Stripe, storeSlug: string) {
  const store = await storeBySlug(db, storeSlug);
  const { id: variantId } = await variantOf(db, "greek-style-natural-yoghurt");
  await setStock(db, store.id, variantId, 20);
  const slotId = await createSlot(db, { storeId: store.id, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, store.id, [{ variantId, quantity: 4 }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "paid@example.test" });
  if (!placed.ok) throw new Error(placed.error.code);
  const url = await openCheckoutSession(db, stripe, placed.order, "http://localhost:3000");
  expect((await submitCard(url, GOOD_CARD)).status).toBe(303);
  const [{ checkoutSessionId }] = await db.select({ checkoutSessionId: orders.checkoutSessionId }).from(orders).where(eq(orders.id, placed.order.id));
  const session = await stripe.checkout.sessions.retrieve(checkoutSessionId!);
  const intent = await stripe.paymentIntents.retrieve(session.payment_intent as string);
  return { orderId: placed.order.id, storeId: store.id, variantId, session, intent };
}

it("confirms once and queues one e-mail when one payment is reported three times and out of order", async () => {
  const { stripe } = await stripeTestServer();
  const { orderId, storeId, variantId, session, intent } = await paidOrder(stripe, "paris-bastille");

  // The PaymentIntent's event first (the order does not know its PaymentIntent yet: the worker asks
  // Stripe for its session's), then the session's, delivered three times at once (one id), then a
  // stale expiry of the same session.
  const authorised = await deliver("payment_intent.amount_capturable_updated", intent);
  const sessionEvent = `evt_${randomUUID().replaceAll("-", "")}`;
  const completed = await Promise.all([1, 2, 3].map(() => deliver("checkout.session.completed", session, sessionEvent)));
  const expired = await deliver("checkout.session.expired", { ...session, status: "expired" });
  expect([authorised, ...completed, expired].map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

  await runOrderWorkerOnce(stripe);

  const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
  expect(events.map((e) => e.toStatus)).toEqual(["pending_payment", "authorized", "confirmed"]);
  expect(await jobsOfOrder(db, orderId, "send-order-email")).toEqual([expect.objectContaining({ payload: { orderId, kind: "confirmed" } })]);
  expect(await jobsOfOrder(db, orderId, "close-stripe-payment")).toEqual([]);
  expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 16, reserved: 0 });
});

it("payment confirmation checks what was paid (issue 6 item 3): test-mode payments delivered to a live-key worker cancel the order and are voided", async () => {
  const { server, stripe } = await stripeTestServer(await webhookEndpoint());
  const { orderId, storeId, variantId, intent } = await paidOrder(stripe, "lyon-part-dieu");
  // Stripe delivers the payment's events itself, signed, in its own order.
  const delivered = async () => {
    const { data } = (await (await fetch(`${server.url}/_test/events`)).json()) as { data: { type: string; status: string }[] };
    return data.filter((e) => e.type === "payment_intent.amount_capturable_updated" || e.type === "checkout.session.completed").map((e) => e.status);
  };
  await expect.poll(delivered, { timeout: 10_000 }).toEqual(["delivered", "delivered"]);

  // A worker configured with a live key must not take test-mode payments.
  await runOrderWorkerOnce(stripe, true);

  const [order] = await db.select().from(orders).where(eq(orders.id, orderId));
  expect(order).toMatchObject({ status: "cancelled", cancelReason: "payment_mismatch" });
  const cancellation = (await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter((e) => e.toStatus === "cancelled");
  expect(cancellation).toEqual([
    expect.objectContaining({ reason: "payment_mismatch", data: expect.objectContaining({ problems: [{ check: "livemode", expected: true, received: false }] }) }),
  ]);
  expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
  expect(await jobsOfOrder(db, orderId, "send-order-email")).toEqual([expect.objectContaining({ payload: { orderId, kind: "cancelled" } })]);
  const closes = await jobsOfOrder(db, orderId, "close-stripe-payment");
  expect(closes.map((j) => j.payload)).toContainEqual({ orderId, paymentIntentId: intent.id });
  for (const job of closes) await closeStripePayment(db, stripe, job.payload as { orderId: string });
  expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("canceled");
});
