// Checkout through the real stripe SDK and the hosted page: pay, decline, invalid card, expiry.
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  CANCEL_URL,
  createBasketSession,
  DECLINED_CARD,
  GOOD_CARD,
  startTestContext,
  submitCard,
  waitFor,
  type TestContext,
} from "./test-helpers";

let ctx: TestContext;

beforeEach(async () => {
  ctx = await startTestContext();
});

afterEach(async () => {
  await ctx.close();
});

describe("checkout session", () => {
  it("creates an open session whose url is the hosted page on this server", async () => {
    const session = await createBasketSession(ctx.stripe);

    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      amount_total: 1234,
      currency: "eur",
      livemode: false,
      client_reference_id: "order_42",
      metadata: { order_id: "order_42" },
      payment_intent: null,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(session.url).toBe(`${ctx.server.url}/pay/${session.id}`);
    expect(session.expires_at - session.created).toBe(24 * 60 * 60);
  });

  it("shows an accessible TEST MODE payment page with the amount and a cancel link", async () => {
    const session = await createBasketSession(ctx.stripe);
    const response = await fetch(String(session.url));
    const html = await response.text();

    expect(response.status).toBe(200);
    expect(html).toContain("TEST MODE");
    expect(html).toContain("Pay €12.34");
    for (const label of ["Card number", "Expiry", "CVC", "Name on card"]) expect(html).toContain(`>${label}</label>`);
    expect(html).toContain(`href="${CANCEL_URL}"`);
  });

  it("authorises 4242…, redirects to success_url and sends a verifiable checkout.session.completed", async () => {
    const session = await createBasketSession(ctx.stripe);
    const response = await submitCard(String(session.url), GOOD_CARD);

    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`https://shop.example/checkout/success?session_id=${session.id}`);

    const [completed] = await waitFor(() => ctx.receiver.ofType("checkout.session.completed").length > 0 && ctx.receiver.ofType("checkout.session.completed"));
    expect(ctx.receiver.verificationFailures).toEqual([]);
    expect(completed.signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(completed.event).toMatchObject({ object: "event", livemode: false, api_version: Stripe.API_VERSION, request: { id: null } });
    const completedSession = completed.event.data.object as Stripe.Checkout.Session;
    expect(completedSession).toMatchObject({ id: session.id, status: "complete", metadata: { order_id: "order_42" } });

    const retrieved = await ctx.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    const intent = retrieved.payment_intent as Stripe.PaymentIntent;
    expect(retrieved.status).toBe("complete");
    expect(retrieved.payment_status).toBe("unpaid");
    expect(retrieved.url).toBeNull();
    expect(retrieved.customer_details?.name).toBe("Ada Lovelace");
    expect(intent).toMatchObject({
      object: "payment_intent",
      status: "requires_capture",
      capture_method: "manual",
      amount: 1234,
      amount_capturable: 1234,
      amount_received: 0,
      metadata: { order_id: "order_42" },
    });

    await waitFor(() => ctx.receiver.ofType("payment_intent.amount_capturable_updated").length === 1);
    expect(ctx.receiver.ofType("payment_intent.succeeded")).toHaveLength(0);
  });

  it("can report a completed manual-capture session as paid instead (manualCapturePaymentStatus)", async () => {
    await ctx.close();
    ctx = await startTestContext({ manualCapturePaymentStatus: "paid" });
    const session = await createBasketSession(ctx.stripe);
    await submitCard(String(session.url), GOOD_CARD);

    const retrieved = await ctx.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(retrieved.payment_status).toBe("paid");
    expect((retrieved.payment_intent as Stripe.PaymentIntent).status).toBe("requires_capture");
  });

  it("charges at once with automatic capture and reports the session paid", async () => {
    const session = await createBasketSession(ctx.stripe, { payment_intent_data: { capture_method: "automatic" } });
    await submitCard(String(session.url), GOOD_CARD);

    const retrieved = await ctx.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent.latest_charge"] });
    const intent = retrieved.payment_intent as Stripe.PaymentIntent;
    expect(retrieved.payment_status).toBe("paid");
    expect(intent).toMatchObject({ status: "succeeded", amount_received: 1234, amount_capturable: 0 });
    expect(intent.latest_charge).toMatchObject({ object: "charge", captured: true, amount_captured: 1234, paid: true });
    await waitFor(() => ctx.receiver.ofType("payment_intent.succeeded").length === 1);
  });

  it("re-renders the page on a declined card, keeps the session open and emits payment_intent.payment_failed", async () => {
    const session = await createBasketSession(ctx.stripe);
    const response = await submitCard(String(session.url), DECLINED_CARD);
    const html = await response.text();

    expect(response.status).toBe(402);
    expect(html).toContain("Your card was declined.");
    expect(html).toContain("Pay €12.34");
    const failed = await waitFor(() => ctx.receiver.ofType("payment_intent.payment_failed")[0]);
    expect((failed.event.data.object as Stripe.PaymentIntent).last_payment_error).toMatchObject({ code: "card_declined", type: "card_error" });

    const retrieved = await ctx.stripe.checkout.sessions.retrieve(session.id);
    expect(retrieved.status).toBe("open");

    // The shopper tries again with a good card on the same session and PaymentIntent.
    expect((await submitCard(String(session.url), GOOD_CARD)).status).toBe(303);
    const paid = await ctx.stripe.checkout.sessions.retrieve(session.id);
    expect(paid.status).toBe("complete");
    expect(paid.payment_intent).toBe(retrieved.payment_intent);
  });

  it("rejects an unknown card number before any payment is attempted", async () => {
    const session = await createBasketSession(ctx.stripe);
    const response = await submitCard(String(session.url), { ...GOOD_CARD, cardNumber: "4111 1111 1111 1111" });

    expect(response.status).toBe(422);
    expect(await response.text()).toContain("Your card number is invalid.");
    expect((await ctx.stripe.checkout.sessions.retrieve(session.id)).payment_intent).toBeNull();
  });
});

describe("session expiry", () => {
  it("expires an open session through the API, once, and shows the expired page", async () => {
    const session = await createBasketSession(ctx.stripe);
    const expired = await ctx.stripe.checkout.sessions.expire(session.id);

    expect(expired).toMatchObject({ status: "expired", url: null });
    await waitFor(() => ctx.receiver.ofType("checkout.session.expired").length === 1);
    await expect(ctx.stripe.checkout.sessions.expire(session.id)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);

    const page = await fetch(`${ctx.server.url}/pay/${session.id}`);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain("This checkout session has expired");
  });

  it("expires a session on access once its expires_at has passed", async () => {
    const created = Math.floor(ctx.clock.now / 1000);
    const session = await createBasketSession(ctx.stripe, { expires_at: created + 31 * 60 });
    expect((await ctx.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");

    ctx.clock.advance(32 * 60 * 1000);

    expect((await ctx.stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
    expect((await submitCard(`${ctx.server.url}/pay/${session.id}`, GOOD_CARD)).status).toBe(410);
    const expired = await waitFor(() => ctx.receiver.ofType("checkout.session.expired")[0]);
    expect((expired.event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
  });

  it("expires a session on time without any access (timer), emitting the event once", async () => {
    const created = Math.floor(ctx.clock.now / 1000);
    const session = await createBasketSession(ctx.stripe, { expires_at: created + 30 * 60 });

    ctx.clock.advance(30 * 60 * 1000);

    const expired = await waitFor(() => ctx.receiver.ofType("checkout.session.expired")[0]);
    expect((expired.event.data.object as Stripe.Checkout.Session).id).toBe(session.id);
    await ctx.stripe.checkout.sessions.retrieve(session.id);
    expect(ctx.receiver.ofType("checkout.session.expired")).toHaveLength(1);
  });

  it("refuses expires_at outside Stripe's 30 minutes to 24 hours window", async () => {
    const created = Math.floor(ctx.clock.now / 1000);
    const tooSoon = createBasketSession(ctx.stripe, { expires_at: created + 5 * 60 });

    await expect(tooSoon).rejects.toMatchObject({ type: "StripeInvalidRequestError", param: "expires_at" });
  });
});
