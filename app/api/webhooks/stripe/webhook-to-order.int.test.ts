// From Stripe's delivery to the order: the webhook endpoint and the order worker's task together,
// on the real queue. However often and in whatever order Stripe reports one payment, the order
// changes once and one confirmation e-mail is queued.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import pino from "pino";
import Stripe from "stripe";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { orderEvents } from "@/db/schema";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { createWorkerMetrics } from "@/workers/lib/metrics";
import { buildTaskList, graphileLogger } from "@/workers/lib/task-runner";
import { processStripeEventTask } from "@/workers/tasks/process-stripe-event";

const SECRET = "whsec_webhook_to_order";
process.env.STRIPE_SECRET_KEY = "sk_test_webhook_to_order";
process.env.STRIPE_WEBHOOK_SECRET = SECRET;
const { POST } = await import("./route");

let db: Database;
let close: () => Promise<void>;

beforeAll(() => ({ db, close } = connect(6)));
afterAll(async () => {
  await restoreStock(db);
  await close();
});

function deliver(type: string, object: Record<string, unknown>, id = `evt_${randomUUID().replaceAll("-", "")}`) {
  const payload = JSON.stringify({ id, object: "event", type, created: Math.floor(Date.now() / 1000), data: { object }, livemode: false });
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
  return POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body: payload, headers: { "stripe-signature": header } }), undefined);
}

function runOrderWorkerOnce() {
  const log = pino({ level: "silent" });
  return runOnce({
    connectionString: process.env.DATABASE_URL!,
    // One at a time, in delivery order, so that the stale expiry comes last as it did at Stripe.
    concurrency: 1,
    maxPoolSize: 3,
    noHandleSignals: true,
    logger: graphileLogger(log),
    taskList: buildTaskList({ "process-stripe-event": processStripeEventTask }, { db, log, metrics: createWorkerMetrics("test") }),
  });
}

it("confirms once and queues one e-mail when one payment is reported three times and out of order", async () => {
  const store = await storeBySlug(db, "paris-bastille");
  const { id: variantId } = await variantOf(db, "greek-style-natural-yoghurt");
  await setStock(db, store.id, variantId, 20);
  const slotId = await createSlot(db, { storeId: store.id, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, store.id, [{ variantId, quantity: 4 }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "twice@example.test" });
  if (!placed.ok) throw new Error(placed.error.code);
  const orderId = placed.order.id;
  const pi = `pi_${randomUUID().replaceAll("-", "").slice(0, 24)}`;
  const metadata = { order_id: orderId };

  // The PaymentIntent's event first, then the session's, delivered three times at once (one id),
  // then a stale expiry of the same session.
  const authorised = await deliver("payment_intent.amount_capturable_updated", { id: pi, object: "payment_intent", status: "requires_capture", metadata });
  const sessionEvent = `evt_${randomUUID().replaceAll("-", "")}`;
  const session = { id: "cs_test_twice", object: "checkout.session", metadata, payment_intent: pi };
  const completed = await Promise.all([1, 2, 3].map(() => deliver("checkout.session.completed", session, sessionEvent)));
  const expired = await deliver("checkout.session.expired", { ...session, status: "expired" });
  expect([authorised, ...completed, expired].map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);

  await runOrderWorkerOnce();

  const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
  expect(events.map((e) => e.toStatus)).toEqual(["pending_payment", "authorized", "confirmed"]);
  expect(await jobsOfOrder(db, orderId, "send-order-email")).toEqual([expect.objectContaining({ payload: { orderId, kind: "confirmed" } })]);
  expect(await jobsOfOrder(db, orderId, "close-stripe-payment")).toEqual([]);
  expect(await stockOf(db, store.id, variantId)).toEqual({ quantity: 16, reserved: 0 });
});
