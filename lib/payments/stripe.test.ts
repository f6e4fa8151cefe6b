import { describe, expect, it } from "vitest";
import { createStripeTestServer } from "@/tools/stripe-test-server/server";
import { checkoutSessionPaymentIntent, createStripe, isLiveKey, stripeConfig } from "./stripe";

describe("stripe client", () => {
  it("refuses to start without a key", () => {
    expect(() => stripeConfig({ STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(/STRIPE_SECRET_KEY/);
    expect(() => stripeConfig({ STRIPE_SECRET_KEY: "pk_test_123", STRIPE_WEBHOOK_SECRET: "whsec_x" })).toThrow(/secret key/);
  });

  it("tells live keys from test keys", () => {
    expect(isLiveKey("sk_live_abc")).toBe(true);
    expect(isLiveKey("rk_live_abc")).toBe(true);
    expect(isLiveKey("sk_test_abc")).toBe(false);
    expect(isLiveKey("rk_test_abc")).toBe(false);
    expect(isLiveKey("pk_live_abc")).toBe(false);
  });

  it("talks to the local test server when STRIPE_API_HOST is set", async () => {
    const server = await createStripeTestServer({ port: 0, webhookSecret: "whsec_test" });
    try {
      const stripe = createStripe(
        stripeConfig({
          STRIPE_SECRET_KEY: "sk_test_halles",
          STRIPE_WEBHOOK_SECRET: "whsec_test",
          STRIPE_API_HOST: "127.0.0.1",
          STRIPE_API_PORT: String(server.port),
        }),
      );
      const session = await stripe.checkout.sessions.create({
        mode: "payment",
        line_items: [{ quantity: 1, price_data: { currency: "eur", unit_amount: 1234, product_data: { name: "Groceries" } } }],
        payment_intent_data: { capture_method: "manual" },
        success_url: "http://localhost/ok",
        cancel_url: "http://localhost/cancel",
      });
      expect(session).toMatchObject({ object: "checkout.session", amount_total: 1234, livemode: false, status: "open" });
      // No payment attempt yet, so no PaymentIntent; an unknown session reads as none too.
      expect(await checkoutSessionPaymentIntent(stripe, session.id)).toBeNull();
      expect(await checkoutSessionPaymentIntent(stripe, "cs_test_unknown")).toBeNull();
    } finally {
      await server.close();
    }
  });
});
