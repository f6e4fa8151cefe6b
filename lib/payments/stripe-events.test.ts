import { readFileSync } from "node:fs";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { decideStripeEvent } from "./stripe-events";

// Stripe's own example objects (tools/stripe-test-server/fixtures), so the fields read here are
// the ones Stripe really sends.
const fixtures = (
  JSON.parse(readFileSync(new URL("../../tools/stripe-test-server/fixtures/stripe-fixtures.json", import.meta.url), "utf8")) as {
    resources: Record<string, Record<string, unknown>>;
  }
).resources;

const event = (type: string, object: object, livemode?: boolean) => ({ type, data: { object }, livemode }) as unknown as Stripe.Event;

const completedSession = (extra: object = {}) => ({
  ...fixtures["checkout.session"],
  id: "cs_test_1",
  status: "complete",
  amount_total: 2599,
  currency: "eur",
  payment_intent: "pi_1",
  metadata: { order_id: "o1" },
  ...extra,
});
const authorisedIntent = (extra: object = {}) => ({
  ...fixtures["payment_intent"],
  id: "pi_2",
  status: "requires_capture",
  amount: 2599,
  amount_capturable: 2599,
  currency: "eur",
  metadata: { order_id: "o2" },
  ...extra,
});

describe("decideStripeEvent", () => {
  it("confirms on a completed session, with what it says was paid", () => {
    expect(decideStripeEvent(event("checkout.session.completed", completedSession(), false))).toEqual({
      kind: "confirm",
      orderId: "o1",
      payment: { source: "checkout_session", checkoutSessionId: "cs_test_1", paymentIntentId: "pi_1", amountCents: 2599, currency: "eur", livemode: false },
    });
    // An expanded PaymentIntent counts by its id.
    expect(decideStripeEvent(event("checkout.session.completed", completedSession({ payment_intent: { id: "pi_x" } }), false))).toMatchObject({
      payment: { paymentIntentId: "pi_x" },
    });
  });

  it("confirms on an authorised payment intent, with the amount it can capture", () => {
    expect(decideStripeEvent(event("payment_intent.amount_capturable_updated", authorisedIntent(), true))).toEqual({
      kind: "confirm",
      orderId: "o2",
      payment: { source: "payment_intent", checkoutSessionId: null, paymentIntentId: "pi_2", amountCents: 2599, currency: "eur", livemode: true },
    });
    expect(decideStripeEvent(event("payment_intent.amount_capturable_updated", authorisedIntent({ amount_capturable: 1000 }), false))).toMatchObject({
      payment: { amountCents: 1000 },
    });
    expect(decideStripeEvent(event("payment_intent.amount_capturable_updated", authorisedIntent({ amount_capturable: undefined }), false))).toMatchObject({
      payment: { amountCents: 2599 },
    });
  });

  it("reports what an object leaves out as unknown, for the checks to refuse", () => {
    // Stripe's example session has no amount or currency, and the event's mode comes from the object when the event omits it.
    const { payment } = decideStripeEvent(
      event("checkout.session.completed", { ...fixtures["checkout.session"], metadata: { order_id: "o1" }, livemode: true }),
    ) as Extract<ReturnType<typeof decideStripeEvent>, { kind: "confirm" }>;
    expect(payment).toMatchObject({ amountCents: null, currency: null, livemode: true });
    expect(decideStripeEvent(event("checkout.session.completed", { metadata: { order_id: "o1" }, payment_intent: "pi_1" }))).toMatchObject({
      payment: { checkoutSessionId: null, amountCents: null, currency: null, livemode: null },
    });
  });

  it("cancels on expiry, decline and cancellation", () => {
    expect(decideStripeEvent(event("checkout.session.expired", { metadata: { order_id: "o1" } }))).toMatchObject({ kind: "cancel", reason: "checkout expired" });
    expect(decideStripeEvent(event("payment_intent.payment_failed", { metadata: { order_id: "o1" } }))).toMatchObject({ kind: "cancel", reason: "payment failed" });
    expect(decideStripeEvent(event("payment_intent.canceled", { metadata: { order_id: "o1" } }))).toMatchObject({ kind: "cancel", reason: "payment cancelled" });
  });

  it("reads an authorisation Stripe cancelled itself (7 days, reason automatic) as 'payment expired' (issue 7)", () => {
    const lapsed = event("payment_intent.canceled", { metadata: { order_id: "o1" }, status: "canceled", cancellation_reason: "automatic" });
    expect(decideStripeEvent(lapsed)).toEqual({ kind: "cancel", orderId: "o1", reason: "payment expired" });
    expect(decideStripeEvent(event("charge.expired", { object: "charge", metadata: { order_id: "o1" } })).kind).toBe("ignore");
  });

  it("never counts a refund from its webhooks: the refund-payment task does (issue 7)", () => {
    for (const type of ["refund.created", "refund.updated", "charge.refunded"] as const) {
      expect(decideStripeEvent(event(type, { object: "refund", metadata: { order_id: "o1", refund_id: "r1" } })).kind).toBe("ignore");
    }
  });

  it("ignores events without an order and the types it does not use", () => {
    expect(decideStripeEvent(event("checkout.session.completed", completedSession({ metadata: {} }))).kind).toBe("ignore");
    expect(decideStripeEvent(event("checkout.session.completed", completedSession({ payment_intent: null }))).kind).toBe("ignore");
    expect(decideStripeEvent(event("payment_intent.amount_capturable_updated", authorisedIntent({ status: "succeeded" }))).kind).toBe("ignore");
    expect(decideStripeEvent(event("charge.refunded", {})).kind).toBe("ignore");
  });
});
