// Authorisation expiry (issue 7): the scheduler flags orders whose uncaptured authorisation is
// older than 6 days, once each, with a warning; when Stripe drops an authorisation (the test
// server's trigger), its payment_intent.canceled (reason automatic) cancels the order as
// "payment expired", with stock and slot released and the shopper's e-mail queued.
import { eq } from "drizzle-orm";
import pino from "pino";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { AUTHORIZATION_FLAG_AGE_MS, flagExpiringAuthorizations } from "@/db/queries/capture";
import { findOrder } from "@/db/queries/orders";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { orders } from "@/db/schema";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, setStock, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { expireAuthorization, finishPick, paidOrder, type PaymentRig, serverEvents, startPaymentRig } from "@/tests/payment-fixtures";
import type { StripeTestServer } from "@/tools/stripe-test-server/server";
import { processStripeEvent } from "./process-stripe-event";
import { flagExpiringAuthorizationsTask } from "./scheduled";

let db: Database;
let rig: PaymentRig;
let server: StripeTestServer;
let stripe: Stripe;
let storeId: number;
let yoghurt: { id: number };

beforeAll(async () => {
  rig = await startPaymentRig(6);
  ({ db, server, stripe } = rig);
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
});

afterAll(() => rig.close());

beforeEach(() => setStock(db, storeId, yoghurt.id, 40));

const authorisedAgo = (orderId: string, ms: number) => db.update(orders).set({ authorizedAt: new Date(Date.now() - ms) }).where(eq(orders.id, orderId));

/** The test server's payment_intent.canceled for the intent, stored and processed as the webhook route and order worker do. */
async function deliverCanceledEvent(paymentIntentId: string) {
  const events = await serverEvents(server.url, "payment_intent.canceled");
  const event = events.find((e) => (e.data.object as Stripe.PaymentIntent).id === paymentIntentId)!;
  await db.transaction((tx) => recordStripeEvent(tx, event));
  return processStripeEvent(db, { stripe, livemode: false, log: pino({ level: "silent" }) }, { eventId: event.id });
}

describe("authorisation expiry (issue 7)", () => {
  it("flags confirmed, picking and picked orders past 6 days without a capture, once, with a warning each", async () => {
    const old = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    const fresh = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    const oldPicked = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    await finishPick(db, oldPicked.order.id);
    await authorisedAgo(old.order.id, AUTHORIZATION_FLAG_AGE_MS + 60_000);
    await authorisedAgo(oldPicked.order.id, AUTHORIZATION_FLAG_AGE_MS + 60_000);
    await authorisedAgo(fresh.order.id, AUTHORIZATION_FLAG_AGE_MS - 60_000);

    const lines: Record<string, unknown>[] = [];
    const log = pino({ level: "warn" }, { write: (line: string) => lines.push(JSON.parse(line)) });
    const result = await flagExpiringAuthorizationsTask({}, { db, log, job: { id: "1", attempt: 1, maxAttempts: 1 } });
    const flaggedIds = lines.map((l) => l.orderId);
    expect(flaggedIds).toEqual(expect.arrayContaining([old.order.id, oldPicked.order.id]));
    expect(flaggedIds).not.toContain(fresh.order.id);
    expect(result).toEqual({ flagged: lines.length });
    expect(lines[0]).toMatchObject({ level: 40, alert: "authorization_expiring" });
    expect((await findOrder(db, old.order.id))!.authorizationFlaggedAt).toBeInstanceOf(Date);
    expect((await findOrder(db, fresh.order.id))!.authorizationFlaggedAt).toBeNull();
    // Once: the next run flags none of them again.
    const again = (await flagExpiringAuthorizations(db)).map((o) => o.id);
    expect(again).not.toContain(old.order.id);
    expect(again).not.toContain(oldPicked.order.id);
  });

  it("cancels a confirmed order whose authorisation Stripe dropped: payment expired, stock and slot back, shopper told", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 2 }] });
    const stock = await stockOf(db, storeId, yoghurt.id);
    const booked = await bookedOf(db, paid.slotId);
    await expireAuthorization(server.url, paid.paymentIntentId);
    expect((await serverEvents(server.url, "charge.expired")).some((e) => (e.data.object as Stripe.Charge).payment_intent === paid.paymentIntentId)).toBe(true);

    expect(await deliverCanceledEvent(paid.paymentIntentId)).toEqual({ outcome: "applied" });
    expect(await findOrder(db, paid.order.id)).toMatchObject({ status: "cancelled", cancelReason: "payment expired", capturedCents: null });
    expect((await stockOf(db, storeId, yoghurt.id)).quantity).toBe(stock.quantity + 2);
    expect(await bookedOf(db, paid.slotId)).toBe(booked - 1);
    expect((await jobsOfOrder(db, paid.order.id, "send-order-email")).map((j) => j.payload.kind)).toContain("cancelled");
    // A redelivery changes nothing.
    expect(await deliverCanceledEvent(paid.paymentIntentId)).toEqual({ outcome: "already-processed" });
  });

  it("cancels a picked order the same way, giving back what was picked", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 3 }] });
    await finishPick(db, paid.order.id, { [yoghurt.id]: { status: "missing", found: 1 } });
    const stock = await stockOf(db, storeId, yoghurt.id);
    await expireAuthorization(server.url, paid.paymentIntentId);
    expect(await deliverCanceledEvent(paid.paymentIntentId)).toEqual({ outcome: "applied" });
    expect(await findOrder(db, paid.order.id)).toMatchObject({ status: "cancelled", cancelReason: "payment expired" });
    expect((await stockOf(db, storeId, yoghurt.id)).quantity).toBe(stock.quantity + 1);
  });
});
