// Refunds after capture against the local Stripe test server (issue 7): requests are checked under
// the order's lock, made once at Stripe per request id, counted once in refunded_cents (never from
// Stripe's refund webhooks), and never add up to more than was captured, however many race.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { requestRefundByAgent } from "@/db/queries/agent-payments";
import { findOrder } from "@/db/queries/orders";
import { listRefunds } from "@/db/queries/refunds";
import { searchStaffActions } from "@/db/queries/staff-actions";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { users } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { setStock, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { finishPick, paidOrder, type PaidOrder, type PaymentRig, serverEvents, staffUser, startPaymentRig } from "@/tests/payment-fixtures";
import type { StripeTestServer } from "@/tools/stripe-test-server/server";
import { capturePayment } from "./capture-payment";
import { processStripeEvent } from "./process-stripe-event";
import { refundPayment } from "./refund-payment";

const log = pino({ level: "silent" });

let db: Database;
let rig: PaymentRig;
let server: StripeTestServer;
let stripe: Stripe;
let storeId: number;
let yoghurt: { id: number; priceCents: number };
let bananas: { id: number; priceCents: number };
let agent: SessionUser;

beforeAll(async () => {
  rig = await startPaymentRig(24);
  ({ db, server, stripe } = rig);
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  bananas = await variantOf(db, "bananas");
  const [{ id }] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent@halles.test"));
  agent = staffUser(id, "agent", [storeId]);
});

afterAll(() => rig.close());

beforeEach(async () => {
  await setStock(db, storeId, yoghurt.id, 80);
  await setStock(db, storeId, bananas.id, 50_000);
});

/** An order picked and captured: 3 yoghurts and 1 kg of bananas. */
async function capturedOrder(): Promise<PaidOrder & { capturedCents: number }> {
  const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 3 }, { variantId: bananas.id, quantity: 1_000 }] });
  await finishPick(db, paid.order.id);
  const captured = await capturePayment(db, stripe, { orderId: paid.order.id }, log);
  if (captured.outcome !== "captured") throw new Error(captured.outcome);
  return { ...paid, capturedCents: captured.capturedCents };
}

const refundsAtStripe = async (paymentIntentId: string) =>
  (await serverEvents(server.url, "refund.created")).map((e) => e.data.object as Stripe.Refund).filter((r) => r.payment_intent === paymentIntentId);

describe("refunds after capture (issue 7)", () => {
  it("refunds one line in part: Stripe refunds that amount, the order counts it once, the shopper is e-mailed", async () => {
    const order = await capturedOrder();
    const yoghurtLine = order.lines.find((l) => l.variantId === yoghurt.id)!;
    const asked = await requestRefundByAgent(db, agent, {
      orderId: order.order.id,
      request: { kind: "lines", lines: [{ orderLineId: yoghurtLine.id, amountCents: yoghurt.priceCents }] },
      reason: "one pot broken",
    });
    expect(asked).toMatchObject({ ok: true, created: true, refund: { amountCents: yoghurt.priceCents, status: "requested" } });
    if (!asked.ok) return;
    const [job] = await db.execute<{ n: number }>(sql`select count(*)::int as n from graphile_worker.jobs where key = ${`refund-payment:${asked.refund.id}`}`);
    expect(job.n).toBe(1);
    expect(await refundPayment(db, stripe, { refundId: asked.refund.id })).toMatchObject({ outcome: "succeeded", recorded: true });
    expect(await refundPayment(db, stripe, { refundId: asked.refund.id })).toEqual({ outcome: "already-done" });

    expect(await findOrder(db, order.order.id)).toMatchObject({ refundedCents: yoghurt.priceCents, capturedCents: order.capturedCents });
    const [row] = await listRefunds(db, order.order.id);
    expect(row).toMatchObject({ status: "succeeded", stripeRefundId: expect.stringMatching(/^re_/), lines: [{ orderLineId: yoghurtLine.id, amountCents: yoghurt.priceCents }] });
    const atStripe = await refundsAtStripe(order.paymentIntentId);
    expect(atStripe.map((r) => [r.id, r.amount, r.metadata])).toEqual([[row.stripeRefundId, yoghurt.priceCents, { order_id: order.order.id, refund_id: row.id }]]);
    expect((await jobsOfOrder(db, order.order.id, "send-order-email")).map((j) => j.payload)).toContainEqual({ orderId: order.order.id, kind: "refunded", refundId: row.id });
    expect((await searchStaffActions(db, { orderId: order.order.id })).map((a) => [a.action, a.data.amountCents])).toEqual([["order.refund", yoghurt.priceCents]]);

    // A line can be refunded at most what it was charged, less what was refunded for it.
    const over = await requestRefundByAgent(db, agent, {
      orderId: order.order.id,
      request: { kind: "lines", lines: [{ orderLineId: yoghurtLine.id, amountCents: 2 * yoghurt.priceCents + 1 }] },
      reason: "too much",
    });
    expect(over).toEqual({ ok: false, code: "line_over_refundable", orderLineId: yoghurtLine.id, refundableCents: 2 * yoghurt.priceCents });
  });

  it("never counts a refund twice from Stripe's refund.created and charge.refunded webhooks", async () => {
    const order = await capturedOrder();
    const asked = await requestRefundByAgent(db, agent, { orderId: order.order.id, request: { kind: "amount", amountCents: 100 }, reason: "goodwill" });
    if (!asked.ok) throw new Error(asked.code);
    await refundPayment(db, stripe, { refundId: asked.refund.id });
    const events = (await serverEvents(server.url)).filter((e) => ["refund.created", "charge.refunded"].includes(e.type)).slice(0, 2);
    for (const event of events) {
      await db.transaction((tx) => recordStripeEvent(tx, event));
      expect(await processStripeEvent(db, { stripe, livemode: false, log }, { eventId: event.id })).toEqual({ outcome: "ignored" });
    }
    expect((await findOrder(db, order.order.id))!.refundedCents).toBe(100);
  });

  it("makes one refund when the same request is submitted twice at once", async () => {
    const order = await capturedOrder();
    const refundId = randomUUID();
    const ask = () => requestRefundByAgent(db, agent, { orderId: order.order.id, refundId, request: { kind: "whole" }, reason: "double click" });
    const answers = await Promise.all([ask(), ask(), ask()]);
    expect(answers.map((a) => a.ok && a.created).sort()).toEqual([false, false, true]);
    expect(answers.every((a) => a.ok && a.refund.id === refundId)).toBe(true);
    // The job too may run twice: Stripe's idempotency key is the request's id.
    await Promise.all([refundPayment(db, stripe, { refundId }), refundPayment(db, stripe, { refundId })]);
    expect((await refundsAtStripe(order.paymentIntentId)).map((r) => r.amount)).toEqual([order.capturedCents]);
    expect(await findOrder(db, order.order.id)).toMatchObject({ refundedCents: order.capturedCents });
    expect(await listRefunds(db, order.order.id)).toHaveLength(1);
    expect((await searchStaffActions(db, { orderId: order.order.id })).filter((a) => a.action === "order.refund")).toHaveLength(1);
  });

  it("keeps 20 concurrent partial refunds that together pass the capture within it, refusing the rest clearly", async () => {
    const order = await capturedOrder();
    const each = Math.floor(order.capturedCents / 8); // 20 × each is 2.5 times the capture
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        requestRefundByAgent(db, agent, { orderId: order.order.id, request: { kind: "amount", amountCents: each }, reason: `race ${i}` }),
      ),
    );
    const accepted = answers.filter((a) => a.ok);
    expect(accepted).toHaveLength(8);
    for (const refused of answers.filter((a) => !a.ok)) expect(refused).toMatchObject({ ok: false, code: "over_refundable", refundableCents: order.capturedCents - 8 * each });
    await Promise.all(accepted.map((a) => a.ok && refundPayment(db, stripe, { refundId: a.refund.id })));
    const after = (await findOrder(db, order.order.id))!;
    expect(after.refundedCents).toBe(8 * each);
    expect(after.refundedCents).toBeLessThanOrEqual(after.capturedCents!);
    expect((await refundsAtStripe(order.paymentIntentId)).reduce((sum, r) => sum + r.amount, 0)).toBe(8 * each);
  });

  it("marks a refund Stripe refuses as failed with its reason, freeing the amount for another request", async () => {
    const order = await capturedOrder();
    // Refunded outside Halles (the Stripe dashboard): Stripe has nothing left to refund.
    await stripe.refunds.create({ payment_intent: order.paymentIntentId });
    const asked = await requestRefundByAgent(db, agent, { orderId: order.order.id, request: { kind: "whole" }, reason: "refund" });
    if (!asked.ok) throw new Error(asked.code);
    expect(await refundPayment(db, stripe, { refundId: asked.refund.id })).toMatchObject({ outcome: "failed", reason: expect.stringMatching(/already been refunded/) });
    expect((await listRefunds(db, order.order.id))[0]).toMatchObject({ status: "failed", failureReason: expect.stringMatching(/already been refunded/) });
    expect((await findOrder(db, order.order.id))!.refundedCents).toBe(0);
    expect(await requestRefundByAgent(db, agent, { orderId: order.order.id, request: { kind: "amount", amountCents: 1 }, reason: "again" })).toMatchObject({ ok: true });
  });

  it("refuses a refund before capture", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    expect(await requestRefundByAgent(db, agent, { orderId: paid.order.id, request: { kind: "whole" }, reason: "x" })).toEqual({ ok: false, code: "not_captured" });
  });
});
