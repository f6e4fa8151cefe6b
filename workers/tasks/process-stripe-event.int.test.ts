// The order worker's handling of Stripe events: confirm once however often an event arrives,
// cancel and release on a decline, and events in the wrong order change nothing. What must be
// closed at Stripe afterwards is a close-stripe-payment job committed with the change.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { orderEvents, orders } from "@/db/schema";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, connect, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { processStripeEvent } from "./process-stripe-event";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(12));
  storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
  variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
});
afterAll(async () => {
  await restoreStock(db);
  await close();
});
beforeEach(() => setStock(db, storeId, variantId, 30));

async function pendingOrder() {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 3 }]);
  const result = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!result.ok) throw new Error(result.error.code);
  return { order: result.order, slotId };
}

async function stored(type: string, object: Record<string, unknown>): Promise<string> {
  const id = `evt_${randomUUID().replaceAll("-", "")}`;
  await db.transaction((tx) => recordStripeEvent(tx, { id, type, data: { object }, object: "event" } as unknown as Stripe.Event));
  return id;
}

const completed = (orderId: string, pi = `pi_${orderId.slice(0, 8)}`) =>
  stored("checkout.session.completed", { object: "checkout.session", metadata: { order_id: orderId }, payment_intent: pi });
const statusOf = async (id: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;
const closeJobs = async (orderId: string) => (await jobsOfOrder(db, orderId, "close-stripe-payment")).map((j) => j.payload);
const mailJobs = async (orderId: string, kind: string) =>
  (await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`order-email:${orderId}:${kind}`}`))[0].n;

describe("processStripeEvent", () => {
  it("confirms a paid order once, commits its stock and enqueues one confirmation e-mail", async () => {
    const { order, slotId } = await pendingOrder();
    const first = await completed(order.id);
    const again = await completed(order.id);
    const results = await Promise.all([processStripeEvent(db, { eventId: first }), processStripeEvent(db, { eventId: first }), processStripeEvent(db, { eventId: again })]);
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
    await db.update(orders).set({ checkoutSessionId: `cs_test_${order.id.slice(0, 8)}` }).where(eq(orders.id, order.id));
    const failed = await stored("payment_intent.payment_failed", { object: "payment_intent", metadata: { order_id: order.id } });
    const result = await processStripeEvent(db, { eventId: failed });
    expect(result).toEqual({ outcome: "applied" });
    expect(await processStripeEvent(db, { eventId: failed })).toEqual({ outcome: "already-processed" });
    expect(await statusOf(order.id)).toBe("cancelled");
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 30, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await mailJobs(order.id, "cancelled")).toBe(1);
    expect(await closeJobs(order.id)).toEqual([{ orderId: order.id }]);
  });

  it("ignores an expiry that arrives after the payment, and has a payment that arrives after a cancellation voided", async () => {
    const paid = await pendingOrder();
    await processStripeEvent(db, { eventId: await completed(paid.order.id) });
    const lateExpiry = await stored("checkout.session.expired", { object: "checkout.session", metadata: { order_id: paid.order.id } });
    expect((await processStripeEvent(db, { eventId: lateExpiry })).outcome).toBe("unchanged");
    expect(await statusOf(paid.order.id)).toBe("confirmed");
    expect(await closeJobs(paid.order.id)).toEqual([]);

    const expired = await pendingOrder();
    await processStripeEvent(db, { eventId: await stored("checkout.session.expired", { metadata: { order_id: expired.order.id } }) });
    expect(await closeJobs(expired.order.id)).toEqual([{ orderId: expired.order.id }]);
    const latePayment = await processStripeEvent(db, { eventId: await completed(expired.order.id, "pi_late") });
    expect(latePayment).toEqual({ outcome: "unchanged" });
    expect(await statusOf(expired.order.id)).toBe("cancelled");
    expect(await closeJobs(expired.order.id)).toEqual(expect.arrayContaining([{ orderId: expired.order.id, paymentIntentId: "pi_late" }]));
    expect(await closeJobs(expired.order.id)).toHaveLength(2);
  });

  it("reports unknown and already processed events without touching orders", async () => {
    expect((await processStripeEvent(db, { eventId: "evt_missing" })).outcome).toBe("unknown-event");
    const ignored = await stored("charge.refunded", { object: "charge" });
    expect((await processStripeEvent(db, { eventId: ignored })).outcome).toBe("ignored");
    expect((await processStripeEvent(db, { eventId: ignored })).outcome).toBe("already-processed");
  });
});
