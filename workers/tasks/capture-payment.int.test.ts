// capture-payment against the local Stripe test server (issue 7): the picked total is captured,
// capped at the authorisation, and the order moves on to collection or delivery with the captured
// and released amounts in its event; a job run twice (or at once) captures once; an authorisation
// that lapsed before capture cancels the order.
import { and, eq } from "drizzle-orm";
import pino from "pino";
import type Stripe from "stripe";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getOrderEmailView } from "@/db/queries/order-emails";
import { findOrder } from "@/db/queries/orders";
import { orderEvents } from "@/db/schema";
import { renderOrderEmail } from "@/lib/mail/order-emails";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, setStock, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { expireAuthorization, finishPick, paidOrder, type PaymentRig, serverEvents, startPaymentRig } from "@/tests/payment-fixtures";
import type { StripeTestServer } from "@/tools/stripe-test-server/server";
import { capturePayment } from "./capture-payment";

const log = pino({ level: "silent" });

let db: Database;
let rig: PaymentRig;
let server: StripeTestServer;
let stripe: Stripe;
let storeId: number;
let yoghurt: { id: number; priceCents: number };
let milkYoghurt: { id: number; priceCents: number; name: string };
let bananas: { id: number; priceCents: number };

beforeAll(async () => {
  rig = await startPaymentRig(8);
  ({ db, server, stripe } = rig);
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  milkYoghurt = await variantOf(db, "natural-whole-milk-yoghurt");
  bananas = await variantOf(db, "bananas");
});

afterAll(() => rig.close());

beforeEach(async () => {
  await setStock(db, storeId, yoghurt.id, 50);
  await setStock(db, storeId, milkYoghurt.id, 50);
  await setStock(db, storeId, bananas.id, 50_000);
});

const capture = (orderId: string) => capturePayment(db, stripe, { orderId }, log);
const capturesOf = async (paymentIntentId: string) =>
  (await serverEvents(server.url, "charge.captured")).filter((e) => (e.data.object as Stripe.Charge).payment_intent === paymentIntentId);
const captureEvent = async (orderId: string) => {
  const [event] = await db
    .select()
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.fromStatus, "picked")));
  return event;
};

describe("capture-payment (issue 7)", () => {
  it("captures a picked total below the authorisation, releases the rest, and the order is ready for collection", async () => {
    // 3 yoghurts and 1 kg of bananas (authorised with a 10% buffer on the bananas).
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 3 }, { variantId: bananas.id, quantity: 1_000 }] });
    // One yoghurt of three missing, the bananas 15% heavier.
    const picked = await finishPick(db, paid.order.id, { [yoghurt.id]: { status: "missing", found: 2 }, [bananas.id]: { status: "picked", quantity: 1_150 } });
    expect(picked.finalTotalCents).toBe(2 * yoghurt.priceCents + Math.round((bananas.priceCents * 1_150) / 1_000));
    expect(picked.finalTotalCents).toBeLessThan(paid.order.authorizedCents);

    expect(await capture(paid.order.id)).toMatchObject({ outcome: "captured", capturedCents: picked.finalTotalCents });
    const order = (await findOrder(db, paid.order.id))!;
    expect(order).toMatchObject({ status: "ready_for_collection", capturedCents: picked.finalTotalCents, refundedCents: 0 });
    const intent = await stripe.paymentIntents.retrieve(paid.paymentIntentId);
    expect(intent).toMatchObject({ status: "succeeded", amount_received: picked.finalTotalCents, amount_capturable: 0 });
    expect((await captureEvent(order.id)).data).toMatchObject({
      capturedCents: picked.finalTotalCents,
      releasedCents: paid.order.authorizedCents - picked.finalTotalCents!,
      authorizedCents: paid.order.authorizedCents,
    });
    expect((await jobsOfOrder(db, order.id, "send-order-email")).map((j) => j.payload.kind)).toContain("picked");
  });

  it("captures exactly the authorisation when the total equals it, and moves a delivery order out for delivery", async () => {
    const paid = await paidOrder(db, stripe, { storeId, fulfilment: "delivery", lines: [{ variantId: yoghurt.id, quantity: 4 }] });
    // No weighed lines: the authorisation is the estimate (delivery fee included) and the pick matches it.
    await finishPick(db, paid.order.id);
    expect((await findOrder(db, paid.order.id))!.finalTotalCents).toBe(paid.order.authorizedCents);
    expect(await capture(paid.order.id)).toMatchObject({ outcome: "captured", capturedCents: paid.order.authorizedCents, releasedCents: 0 });
    expect(await findOrder(db, paid.order.id)).toMatchObject({ status: "out_for_delivery", capturedCents: paid.order.authorizedCents });
    expect((await stripe.paymentIntents.retrieve(paid.paymentIntentId)).amount_received).toBe(paid.order.authorizedCents);
  });

  it("caps a picked total above the authorisation at the authorisation: the excess is never charged", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: bananas.id, quantity: 1_000 }] });
    // 1.5 kg instead of 1 kg: 50% heavier than estimated, far above the 10% buffer.
    const picked = await finishPick(db, paid.order.id, { [bananas.id]: { status: "picked", quantity: 1_500 } });
    expect(picked.finalTotalCents).toBeGreaterThan(paid.order.authorizedCents);
    expect(await capture(paid.order.id)).toMatchObject({ outcome: "captured", capturedCents: paid.order.authorizedCents, releasedCents: 0 });
    expect((await stripe.paymentIntents.retrieve(paid.paymentIntentId)).amount_received).toBe(paid.order.authorizedCents);
    expect((await findOrder(db, paid.order.id))!.capturedCents).toBe(paid.order.authorizedCents);
  });

  it("captures once when the job runs twice at once and again afterwards", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 2 }, { variantId: bananas.id, quantity: 500 }] });
    const picked = await finishPick(db, paid.order.id, { [bananas.id]: { status: "picked", quantity: 450 } });
    const results = await Promise.all([capture(paid.order.id), capture(paid.order.id), capture(paid.order.id)]);
    expect(results.filter((r) => r.outcome === "captured")).toHaveLength(1);
    expect(results.filter((r) => r.outcome !== "captured").map((r) => r.outcome)).toEqual(["already-recorded", "already-recorded"]);
    expect(await capture(paid.order.id)).toEqual({ outcome: "already-recorded" });

    const captures = await capturesOf(paid.paymentIntentId);
    expect(captures).toHaveLength(1);
    expect((captures[0].data.object as Stripe.Charge).amount_captured).toBe(picked.finalTotalCents);
    const moves = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, paid.order.id), eq(orderEvents.fromStatus, "picked")));
    expect(moves).toHaveLength(1);
  });

  it("records a capture Stripe made before a crash, whose key Stripe has forgotten, without capturing again", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 2 }] });
    const picked = await finishPick(db, paid.order.id);
    // The first attempt captured under another key, then the worker died before the database write.
    await stripe.paymentIntents.capture(paid.paymentIntentId, { amount_to_capture: picked.finalTotalCents! }, { idempotencyKey: "lost-key" });
    expect(await capture(paid.order.id)).toMatchObject({ outcome: "captured", capturedCents: picked.finalTotalCents });
    expect(await capturesOf(paid.paymentIntentId)).toHaveLength(1);
  });

  it("lists each change and the amount charged in the shopper's e-mail", async () => {
    const paid = await paidOrder(db, stripe, {
      storeId,
      lines: [{ variantId: yoghurt.id, quantity: 2 }, { variantId: milkYoghurt.id, quantity: 1 }, { variantId: bananas.id, quantity: 1_000 }],
    });
    const substitute = { variantId: yoghurt.id, productName: "Greek-Style Natural Yoghurt", sizeLabel: "4 x 125 g", sku: "SUB", sellingMode: "unit" as const, unitPriceCents: yoghurt.priceCents, vatRateBp: 550 };
    await finishPick(db, paid.order.id, { [yoghurt.id]: { status: "missing" }, [milkYoghurt.id]: { status: "substituted", substitute, quantity: 1 }, [bananas.id]: { status: "picked", quantity: 1_150 } });
    await capture(paid.order.id);
    const view = (await getOrderEmailView(db, paid.order.id))!;
    const mail = renderOrderEmail(view, "picked");
    expect(mail.text).toContain("Greek-Style Natural Yoghurt (4 x 125 g): not available, not charged");
    expect(mail.text).toMatch(/Natural Whole Milk Yoghurt \(4 x 125 g\): replaced by Greek-Style Natural Yoghurt \(4 x 125 g\), 1 item, €1\.49/);
    expect(mail.text).toContain("Bananas (per kg): 1.15 kg instead of 1 kg (heavier)");
    expect(mail.text).toContain(`Charged to your card: €${(view.payment!.capturedCents! / 100).toFixed(2)}.`);
  });

  it("cancels the order when the authorisation lapsed before capture: stock and slot back, nothing captured", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 2 }] });
    await finishPick(db, paid.order.id);
    const stockBefore = await stockOf(db, storeId, yoghurt.id);
    const bookedBefore = await bookedOf(db, paid.slotId);
    await expireAuthorization(server.url, paid.paymentIntentId);

    expect(await capture(paid.order.id)).toEqual({ outcome: "authorization-lapsed", cancelled: true, cancellationReason: "automatic" });
    expect(await findOrder(db, paid.order.id)).toMatchObject({ status: "cancelled", cancelReason: "payment expired", capturedCents: null });
    // Picked as ordered: the two yoghurts taken go back on the shelf.
    expect((await stockOf(db, storeId, yoghurt.id)).quantity).toBe(stockBefore.quantity + 2);
    expect(await bookedOf(db, paid.slotId)).toBe(bookedBefore - 1);
    expect((await jobsOfOrder(db, paid.order.id, "send-order-email")).map((j) => j.payload.kind)).toContain("cancelled");
    expect(await capturesOf(paid.paymentIntentId)).toEqual([]);
  });

  it("does nothing for an order that is not picked", async () => {
    const paid = await paidOrder(db, stripe, { storeId, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    expect(await capture(paid.order.id)).toEqual({ outcome: "not-picked", status: "confirmed" });
    expect((await stripe.paymentIntents.retrieve(paid.paymentIntentId)).status).toBe("requires_capture");
  });
});
