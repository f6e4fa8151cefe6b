import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { decideStripeEvent } from "./stripe-events";

const event = (type: string, object: object) => ({ type, data: { object } }) as unknown as Stripe.Event;

describe("decideStripeEvent", () => {
  it("confirms on a completed session or an authorised payment intent", () => {
    expect(decideStripeEvent(event("checkout.session.completed", { metadata: { order_id: "o1" }, payment_intent: "pi_1" }))).toEqual({
      kind: "confirm",
      orderId: "o1",
      paymentIntentId: "pi_1",
    });
    expect(
      decideStripeEvent(event("payment_intent.amount_capturable_updated", { id: "pi_2", status: "requires_capture", metadata: { order_id: "o2" } })),
    ).toEqual({ kind: "confirm", orderId: "o2", paymentIntentId: "pi_2" });
  });

  it("cancels on expiry, decline and cancellation", () => {
    expect(decideStripeEvent(event("checkout.session.expired", { metadata: { order_id: "o1" } }))).toMatchObject({ kind: "cancel", reason: "checkout expired" });
    expect(decideStripeEvent(event("payment_intent.payment_failed", { metadata: { order_id: "o1" } }))).toMatchObject({ kind: "cancel", reason: "payment failed" });
    expect(decideStripeEvent(event("payment_intent.canceled", { metadata: { order_id: "o1" } }))).toMatchObject({ kind: "cancel" });
  });

  it("ignores events without an order and the types it does not use", () => {
    expect(decideStripeEvent(event("checkout.session.completed", { metadata: {}, payment_intent: "pi_1" })).kind).toBe("ignore");
    expect(decideStripeEvent(event("payment_intent.amount_capturable_updated", { id: "pi", status: "succeeded", metadata: { order_id: "o" } })).kind).toBe("ignore");
    expect(decideStripeEvent(event("charge.refunded", {})).kind).toBe("ignore");
  });
});
