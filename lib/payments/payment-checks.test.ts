// payment confirmation checks what was paid (issue 6 item 3): every check, each failing alone.
import { describe, expect, it } from "vitest";
import { checkPayment, type ExpectedPayment } from "./payment-checks";
import type { ReportedPayment } from "./stripe-events";

const order: ExpectedPayment = { authorizedCents: 2599, checkoutSessionId: "cs_test_order", paymentIntentId: "pi_order", livemode: false };
const bySession: ReportedPayment = {
  source: "checkout_session",
  checkoutSessionId: "cs_test_order",
  paymentIntentId: "pi_order",
  amountCents: 2599,
  currency: "eur",
  livemode: false,
};
const byIntent: ReportedPayment = { ...bySession, source: "payment_intent", checkoutSessionId: null };

describe("payment confirmation checks what was paid (issue 6 item 3)", () => {
  it("accepts the order's own payment of its amount in euros, in the key's mode, reported by either object", () => {
    expect(checkPayment(bySession, order)).toEqual([]);
    expect(checkPayment(byIntent, order)).toEqual([]);
    expect(checkPayment({ ...bySession, currency: "EUR" }, order)).toEqual([]);
    expect(checkPayment({ ...bySession, livemode: true }, { ...order, livemode: true })).toEqual([]);
  });

  it("refuses another amount, or none", () => {
    expect(checkPayment({ ...bySession, amountCents: 2598 }, order)).toEqual([{ check: "amount", expected: 2599, received: 2598 }]);
    expect(checkPayment({ ...byIntent, amountCents: 2600 }, order)).toEqual([{ check: "amount", expected: 2599, received: 2600 }]);
    expect(checkPayment({ ...bySession, amountCents: null }, order)).toEqual([{ check: "amount", expected: 2599, received: null }]);
  });

  it("refuses another currency, or none", () => {
    expect(checkPayment({ ...bySession, currency: "usd" }, order)).toEqual([{ check: "currency", expected: "eur", received: "usd" }]);
    expect(checkPayment({ ...byIntent, currency: null }, order)).toEqual([{ check: "currency", expected: "eur", received: null }]);
  });

  it("refuses a Checkout Session that is not the order's, or an order without one", () => {
    expect(checkPayment({ ...bySession, checkoutSessionId: "cs_test_other" }, order)).toEqual([
      { check: "checkout_session", expected: "cs_test_order", received: "cs_test_other" },
    ]);
    expect(checkPayment(bySession, { ...order, checkoutSessionId: null })).toEqual([
      { check: "checkout_session", expected: null, received: "cs_test_order" },
    ]);
  });

  it("refuses a PaymentIntent that is not the order's, or one that cannot be told to be", () => {
    expect(checkPayment({ ...byIntent, paymentIntentId: "pi_other" }, order)).toEqual([{ check: "payment_intent", expected: "pi_order", received: "pi_other" }]);
    expect(checkPayment(byIntent, { ...order, paymentIntentId: null })).toEqual([{ check: "payment_intent", expected: null, received: "pi_order" }]);
    // A session's own PaymentIntent is the session's business: only a PaymentIntent event is checked by it.
    expect(checkPayment({ ...bySession, paymentIntentId: "pi_other" }, order)).toEqual([]);
  });

  it("refuses a payment of the other mode than the key's, or of no known mode", () => {
    expect(checkPayment({ ...bySession, livemode: true }, order)).toEqual([{ check: "livemode", expected: false, received: true }]);
    expect(checkPayment(byIntent, { ...order, livemode: true })).toEqual([{ check: "livemode", expected: true, received: false }]);
    expect(checkPayment({ ...bySession, livemode: null }, order)).toEqual([{ check: "livemode", expected: false, received: null }]);
  });

  it("lists every problem when several things differ", () => {
    const problems = checkPayment({ ...byIntent, amountCents: 1, currency: "gbp", paymentIntentId: "pi_x", livemode: true }, order);
    expect(problems.map((p) => p.check)).toEqual(["amount", "currency", "payment_intent", "livemode"]);
  });
});
