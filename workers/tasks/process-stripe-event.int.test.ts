// The order worker's handling of Stripe events: confirm once however often an event arrives, and
// only when the payment is the order's own, of its amount, in euros and in the key's mode; cancel
// and release on a decline or a mismatch; events in the wrong order change nothing. What must be
// closed at Stripe afterwards is a close-stripe-payment job committed with the change.
import { stripeAt } from "@/tests/stripe-fixtures";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { transitionOrder } from "@/db/queries/orders";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { orderEvents, orders, type Order } from "@/db/schema";
import { checkoutSessionParams, openCheckoutSession } from "@/lib/checkout/start-checkout";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, connect, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { createStripeTestServer, type StripeTestServer } from "@/tools/stripe-test-server/server";
import { GOOD_CARD, submitCard } from "@/tools/stripe-test-server/test-helpers";
import { closeStripePayment } from "./close-stripe-payment";
import { processStripeEvent, type StripeEventContext } from "./process-stripe-event";

let db: Database;
let close: () => Promise<void>;
let server: StripeTestServer;
let context: StripeEventContext;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(12));
  server = await createStripeTestServer({ port: 0, webhookSecret: "whsec_test" });
  // A test key, so test-mode events are the ones that may confirm (as lib/payments/stripe.ts sets it up).
  context = { stripe: stripeAt(server.port), livemode: false, log: pino({ level: "silent" }) };
  storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
  variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
});
afterAll(async () => {
  await restoreStock(db);
  await server.close();
  await close();
});
beforeEach(() => setStock(db, storeId, variantId, 30));

async function placedOrder() {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 3 }]);
  const result = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!result.ok) throw new Error(result.error.code);
  return { order: result.order, slotId };
}

/** A placed order whose Checkout Session id is recorded, as openCheckoutSession leaves it. */
async function pendingOrder() {
  const { order: placed, slotId } = await placedOrder();
  const [order] = await db.update(orders).set({ checkoutSessionId: `cs_test_${placed.id}` }).where(eq(orders.id, placed.id)).returning();
  return { order, slotId };
}

async function stored(type: string, object: Record<string, unknown>, livemode = false): Promise<string> {
  const id = `evt_${randomUUID().replaceAll("-", "")}`;
  await db.transaction((tx) => recordStripeEvent(tx, { id, type, data: { object }, object: "event", livemode } as unknown as Stripe.Event));
  return id;
}

const processEvent = (eventId: string) => processStripeEvent(db, context, { eventId });

/** The session of the order, completed and paying what the order authorises (what Stripe sends). */
const paidSession = (order: Order, pi = `pi_${order.id.slice(0, 8)}`) => ({
  id: order.checkoutSessionId,
  object: "checkout.session",
  status: "complete",
  amount_total: order.authorizedCents,
  currency: "eur",
  livemode: false,
  metadata: { order_id: order.id },
  payment_intent: pi,
});
const completed = (order: Order, pi?: string) => stored("checkout.session.completed", paidSession(order, pi));
const statusOf = async (id: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;
const closeJobs = async (orderId: string) => (await jobsOfOrder(db, orderId, "close-stripe-payment")).map((j) => j.payload);
const mailJobs = async (orderId: string, kind: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`order-email:${orderId}:${kind}`}`))[0].n;

describe("processStripeEvent", () => {
  it("confirms a paid order once, commits its stock and enqueues one confirmation e-mail", async () => {
    const { order, slotId } = await pendingOrder();
    const first = await completed(order);
    const again = await completed(order);
    const results = await Promise.all([processEvent(first), processEvent(first), processEvent(again)]);
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(await statusOf(order.id)).toBe("confirmed");
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 27, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(1);
    expect(await mailJobs(order.id, "confirmed")).toBe(1);
    expect(await closeJobs(order.id)).toEqual([]);
    const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events.map((e) => e.toStatus)).toEqual(["pending_payment", "authorized", "confirmed"]);
  });

  it("cancels on a declined card, releases stock and slot, and enqueues one job to close the payment at Stripe", async () => {
    const { order, slotId } = await pendingOrder();
    const failed = await stored("payment_intent.payment_failed", { object: "payment_intent", metadata: { order_id: order.id } });
    const result = await processEvent(failed);
    expect(result).toEqual({ outcome: "applied" });
    expect(await processEvent(failed)).toEqual({ outcome: "already-processed" });
    expect(await statusOf(order.id)).toBe("cancelled");
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 30, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await mailJobs(order.id, "cancelled")).toBe(1);
    expect(await closeJobs(order.id)).toEqual([{ orderId: order.id }]);
  });

  it("ignores an expiry that arrives after the payment, and has a payment that arrives after a cancellation voided", async () => {
    const paid = await pendingOrder();
    await processEvent(await completed(paid.order));
    const lateExpiry = await stored("checkout.session.expired", { object: "checkout.session", metadata: { order_id: paid.order.id } });
    expect((await processEvent(lateExpiry)).outcome).toBe("unchanged");
    expect(await statusOf(paid.order.id)).toBe("confirmed");
    expect(await closeJobs(paid.order.id)).toEqual([]);

    const expired = await pendingOrder();
    await processEvent(await stored("checkout.session.expired", { metadata: { order_id: expired.order.id } }));
    expect(await closeJobs(expired.order.id)).toEqual([{ orderId: expired.order.id }]);
    const latePayment = await processEvent(await completed(expired.order, "pi_late"));
    expect(latePayment).toEqual({ outcome: "unchanged" });
    expect(await statusOf(expired.order.id)).toBe("cancelled");
    expect(await closeJobs(expired.order.id)).toEqual(expect.arrayContaining([{ orderId: expired.order.id, paymentIntentId: "pi_late" }]));
    expect(await closeJobs(expired.order.id)).toHaveLength(2);
  });

  it("reports unknown and already processed events without touching orders", async () => {
    expect((await processEvent("evt_missing")).outcome).toBe("unknown-event");
    const ignored = await stored("charge.refunded", { object: "charge" });
    expect((await processEvent(ignored)).outcome).toBe("ignored");
    expect((await processEvent(ignored)).outcome).toBe("already-processed");
  });
});

/** Error-level log lines, to see the alerts. */
function capturedLog() {
  const lines: Record<string, unknown>[] = [];
  const log = pino({ level: "error" }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { log, alerts: () => lines.filter((l) => l.alert === "payment_mismatch") };
}

const cancellationOf = async (orderId: string) =>
  (await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter((e) => e.toStatus === "cancelled");

describe("payment confirmation checks what was paid (issue 6 item 3)", () => {
  const mismatches = [
    { check: "amount", session: (o: Order) => ({ ...paidSession(o), amount_total: o.authorizedCents - 1 }), livemode: false },
    { check: "currency", session: (o: Order) => ({ ...paidSession(o), currency: "usd" }), livemode: false },
    { check: "checkout_session", session: (o: Order) => ({ ...paidSession(o), id: "cs_test_of_another_order" }), livemode: false },
    { check: "livemode", session: (o: Order) => ({ ...paidSession(o), livemode: true }), livemode: true },
  ] as const;

  it.each(mismatches)("does not confirm on a session whose $check differs: cancels, gives back, voids, tells the shopper, alerts, once", async ({ check, session, livemode }) => {
    const { log, alerts } = capturedLog();
    const { order, slotId } = await pendingOrder();
    const pi = `pi_${order.id.slice(0, 8)}`;
    const eventId = await stored("checkout.session.completed", session(order), livemode);
    const result = await processStripeEvent(db, { ...context, log }, { eventId });
    expect(result).toEqual({ outcome: "rejected", problems: [expect.objectContaining({ check })] });

    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: "cancelled", cancelReason: "payment_mismatch", paymentIntentId: null });
    expect(await cancellationOf(order.id)).toEqual([
      expect.objectContaining({ actor: "stripe", reason: "payment_mismatch", data: { eventId, paymentIntentId: pi, problems: result.outcome === "rejected" ? result.problems : [] } }),
    ]);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 30, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await closeJobs(order.id)).toEqual([{ orderId: order.id, paymentIntentId: pi }]);
    expect(await mailJobs(order.id, "cancelled")).toBe(1);
    expect(await mailJobs(order.id, "confirmed")).toBe(0);
    expect(alerts()).toEqual([expect.objectContaining({ level: 50, alert: "payment_mismatch", orderId: order.id, problems: [expect.objectContaining({ check })] })]);

    // Redelivered (stored once) and re-run: nothing more happens, no second alert.
    expect(await db.transaction((tx) => recordStripeEvent(tx, { id: eventId, type: "checkout.session.completed", data: { object: session(order) } } as unknown as Stripe.Event))).toBe(false);
    expect(await processStripeEvent(db, { ...context, log }, { eventId })).toEqual({ outcome: "already-processed" });
    expect(await closeJobs(order.id)).toHaveLength(1);
    expect(await mailJobs(order.id, "cancelled")).toBe(1);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 30, reserved: 0 });
    expect(alerts()).toHaveLength(1);
  });

  it("does not confirm an order on a PaymentIntent that is not the one it knows, nor on an amount it cannot capture", async () => {
    const { order, slotId } = await pendingOrder();
    await db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "authorized", actor: "stripe", set: { paymentIntentId: `pi_known_${order.id}` } }));
    const intent = { id: "pi_stray", object: "payment_intent", status: "requires_capture", amount: order.authorizedCents, amount_capturable: order.authorizedCents, currency: "eur", livemode: false, metadata: { order_id: order.id } };
    const result = await processEvent(await stored("payment_intent.amount_capturable_updated", intent));
    expect(result).toEqual({ outcome: "rejected", problems: [{ check: "payment_intent", expected: `pi_known_${order.id}`, received: "pi_stray" }] });
    expect(await cancellationOf(order.id)).toEqual([expect.objectContaining({ fromStatus: "authorized", reason: "payment_mismatch" })]);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 30, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await closeJobs(order.id)).toEqual([{ orderId: order.id, paymentIntentId: "pi_stray" }]);

    const other = await pendingOrder();
    await db.transaction((tx) => transitionOrder(tx, { orderId: other.order.id, to: "authorized", actor: "stripe", set: { paymentIntentId: "pi_other_known" } }));
    const short = { ...intent, id: "pi_other_known", amount_capturable: other.order.authorizedCents - 100, metadata: { order_id: other.order.id } };
    expect(await processEvent(await stored("payment_intent.amount_capturable_updated", short))).toEqual({
      outcome: "rejected",
      problems: [{ check: "amount", expected: other.order.authorizedCents, received: other.order.authorizedCents - 100 }],
    });
  });

  it("asks Stripe for the PaymentIntent of an order that does not know it yet: its session's confirms, another does not", async () => {
    const publicUrl = "http://localhost:3000";
    // The order's own session, paid: its PaymentIntent event confirms it, once Stripe is reachable.
    const mine = await placedOrder();
    const url = await openCheckoutSession(db, context.stripe, mine.order, publicUrl);
    expect((await submitCard(url, GOOD_CARD)).status).toBe(303);
    const [{ checkoutSessionId }] = await db.select({ checkoutSessionId: orders.checkoutSessionId }).from(orders).where(eq(orders.id, mine.order.id));
    const paidIntent = (await context.stripe.checkout.sessions.retrieve(checkoutSessionId!, { expand: ["payment_intent"] })).payment_intent as Stripe.PaymentIntent;
    const eventId = await stored("payment_intent.amount_capturable_updated", paidIntent as unknown as Record<string, unknown>);

    const unreachable = stripeAt(1);
    await expect(processStripeEvent(db, { stripe: unreachable, livemode: false }, { eventId })).rejects.toThrow(/connection|ECONNREFUSED/i);
    expect(await statusOf(mine.order.id)).toBe("pending_payment");
    expect(await processEvent(eventId)).toEqual({ outcome: "applied" });
    const [confirmed] = await db.select().from(orders).where(eq(orders.id, mine.order.id));
    expect(confirmed).toMatchObject({ status: "confirmed", paymentIntentId: paidIntent.id });

    // A second, stray session for another order, paid: its PaymentIntent is not the one that
    // order's own (unpaid) session holds, so the order is cancelled and the stray payment voided.
    const { log, alerts } = capturedLog();
    const theirs = await placedOrder();
    await openCheckoutSession(db, context.stripe, theirs.order, publicUrl);
    const stray = await context.stripe.checkout.sessions.create(checkoutSessionParams(theirs.order, publicUrl));
    expect((await submitCard(stray.url!, GOOD_CARD)).status).toBe(303);
    const strayIntent = await context.stripe.paymentIntents.retrieve((await context.stripe.checkout.sessions.retrieve(stray.id)).payment_intent as string);
    const strayEvent = await stored("payment_intent.amount_capturable_updated", strayIntent as unknown as Record<string, unknown>);
    expect(await processStripeEvent(db, { ...context, log }, { eventId: strayEvent })).toEqual({
      outcome: "rejected",
      problems: [{ check: "payment_intent", expected: null, received: strayIntent.id }],
    });
    expect(await statusOf(theirs.order.id)).toBe("cancelled");
    expect(alerts()).toEqual([expect.objectContaining({ orderId: theirs.order.id })]);
    const [close] = await closeJobs(theirs.order.id);
    expect(close).toEqual({ orderId: theirs.order.id, paymentIntentId: strayIntent.id });
    await closeStripePayment(db, context.stripe, close as { orderId: string; paymentIntentId: string });
    expect((await context.stripe.paymentIntents.retrieve(strayIntent.id)).status).toBe("canceled");
  });
});
