// Capture, cancel and refunds through the real stripe SDK, with Stripe's errors surfacing as SDK error classes.
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createBasketSession, GOOD_CARD, startTestContext, submitCard, waitFor, type TestContext } from "./test-helpers";

let ctx: TestContext;

beforeEach(async () => {
  ctx = await startTestContext();
});

afterEach(async () => {
  await ctx.close();
});

const sessionIdByIntent = new Map<string, string>();

/** A €12.34 order paid with 4242…: authorised and waiting for capture, or captured at once. */
async function authorisedIntentId(captureMethod: "manual" | "automatic" = "manual"): Promise<string> {
  const session = await createBasketSession(ctx.stripe, { payment_intent_data: { capture_method: captureMethod } });
  expect((await submitCard(String(session.url), GOOD_CARD)).status).toBe(303);
  const paid = await ctx.stripe.checkout.sessions.retrieve(session.id);
  sessionIdByIntent.set(String(paid.payment_intent), session.id);
  return String(paid.payment_intent);
}

describe("capture", () => {
  it("captures less than authorised, releases the rest and marks the session paid", async () => {
    const intentId = await authorisedIntentId();
    const captured = await ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 1000 });

    expect(captured).toMatchObject({ status: "succeeded", amount: 1234, amount_received: 1000, amount_capturable: 0 });
    const charge = await ctx.stripe.charges.retrieve(String(captured.latest_charge));
    expect(charge).toMatchObject({ captured: true, amount_captured: 1000, amount_refunded: 234, refunded: false });
    const session = await ctx.stripe.checkout.sessions.retrieve(String(sessionIdByIntent.get(intentId)));
    expect(session.payment_status).toBe("paid");
    await waitFor(() => ctx.receiver.ofType("payment_intent.succeeded").length === 1);
    const succeeded = ctx.receiver.ofType("payment_intent.succeeded")[0].event;
    expect(succeeded.request?.id).toMatch(/^req_/);
  });

  it("refuses to capture more than authorised with StripeInvalidRequestError", async () => {
    const intentId = await authorisedIntentId();
    const attempt = ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 5000 });

    await expect(attempt).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(attempt).rejects.toMatchObject({ statusCode: 400, code: "amount_too_large", param: "amount_to_capture" });
    expect((await ctx.stripe.paymentIntents.retrieve(intentId)).status).toBe("requires_capture");
  });

  it("refuses a second capture", async () => {
    const intentId = await authorisedIntentId();
    await ctx.stripe.paymentIntents.capture(intentId);

    await expect(ctx.stripe.paymentIntents.capture(intentId)).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      code: "payment_intent_unexpected_state",
    });
  });

  it("cancels an authorisation", async () => {
    const intentId = await authorisedIntentId();
    const canceled = await ctx.stripe.paymentIntents.cancel(intentId, { cancellation_reason: "requested_by_customer" });

    expect(canceled).toMatchObject({ status: "canceled", amount_capturable: 0, cancellation_reason: "requested_by_customer" });
    await waitFor(() => ctx.receiver.ofType("payment_intent.canceled").length === 1);
    await expect(ctx.stripe.paymentIntents.capture(intentId)).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
  });
});

describe("authorisation expiry (test trigger, issue 7)", () => {
  const expire = (intentId: string) => fetch(`${ctx.server.url}/_test/payment_intents/${intentId}/expire_authorization`, { method: "POST" });

  it("cancels an uncaptured intent with cancellation_reason automatic, emitting charge.expired and payment_intent.canceled", async () => {
    const intentId = await authorisedIntentId();
    const answer = await expire(intentId);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: intentId, status: "canceled", cancellation_reason: "automatic", amount_capturable: 0 });

    const expired = await waitFor(() => ctx.receiver.ofType("charge.expired")[0]);
    expect(expired.event.data.object).toMatchObject({ object: "charge", payment_intent: intentId, captured: false, refunded: true, amount_refunded: 1234 });
    const canceled = await waitFor(() => ctx.receiver.ofType("payment_intent.canceled")[0]);
    expect(canceled.event.data.object).toMatchObject({ id: intentId, status: "canceled", cancellation_reason: "automatic" });
    expect(canceled.event.request).toEqual({ id: null, idempotency_key: null });
    await expect(ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 100 })).rejects.toMatchObject({ code: "payment_intent_unexpected_state" });
  });

  it("refuses to expire a captured intent or an unknown one, with Stripe's error body", async () => {
    const intentId = await authorisedIntentId();
    await ctx.stripe.paymentIntents.capture(intentId);
    const captured = await expire(intentId);
    expect(captured.status).toBe(400);
    expect(await captured.json()).toMatchObject({ error: { type: "invalid_request_error", code: "payment_intent_unexpected_state" } });
    expect((await expire("pi_unknown")).status).toBe(404);
    expect(ctx.receiver.ofType("charge.expired")).toEqual([]);
  });
});

describe("refunds", () => {
  it("refunds part, then the rest, then refuses an over-refund", async () => {
    const intentId = await authorisedIntentId("automatic");

    const partial = await ctx.stripe.refunds.create({ payment_intent: intentId, amount: 234, reason: "requested_by_customer", metadata: { line: "comte" } });
    expect(partial).toMatchObject({ object: "refund", status: "succeeded", amount: 234, payment_intent: intentId, metadata: { line: "comte" } });
    expect(partial.id).toMatch(/^re_/);

    const over = ctx.stripe.refunds.create({ payment_intent: intentId, amount: 1001 });
    await expect(over).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(over).rejects.toMatchObject({ code: "amount_too_large", param: "amount" });

    const rest = await ctx.stripe.refunds.create({ payment_intent: intentId });
    expect(rest.amount).toBe(1000);
    const charge = await ctx.stripe.charges.retrieve(String(rest.charge));
    expect(charge).toMatchObject({ amount_refunded: 1234, refunded: true });

    await waitFor(() => ctx.receiver.ofType("charge.refunded").length === 2 && ctx.receiver.ofType("refund.created").length === 2);
  });

  it("refunds only what a partial capture took", async () => {
    const intentId = await authorisedIntentId();
    await ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 1000 });

    await expect(ctx.stripe.refunds.create({ payment_intent: intentId, amount: 1001 })).rejects.toMatchObject({ code: "amount_too_large" });
    expect((await ctx.stripe.refunds.create({ payment_intent: intentId })).amount).toBe(1000);
  });

  it("refuses to refund an uncaptured authorisation", async () => {
    const intentId = await authorisedIntentId();

    await expect(ctx.stripe.refunds.create({ payment_intent: intentId })).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      param: "payment_intent",
    });
  });
});

describe("errors", () => {
  it("answers unknown ids with 404 resource_missing", async () => {
    const attempt = ctx.stripe.paymentIntents.retrieve("pi_doesnotexist");

    await expect(attempt).rejects.toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    await expect(attempt).rejects.toMatchObject({ statusCode: 404, code: "resource_missing", param: "intent", message: "No such payment_intent: 'pi_doesnotexist'" });
    await expect(ctx.stripe.checkout.sessions.retrieve("cs_test_nope")).rejects.toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("names the offending param on validation errors", async () => {
    const attempt = ctx.stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price_data: { currency: "eur", product_data: { name: "Leeks" } }, quantity: 1 }],
      success_url: "https://shop.example/ok",
    });

    await expect(attempt).rejects.toMatchObject({
      type: "StripeInvalidRequestError",
      statusCode: 400,
      param: "line_items[0][price_data][unit_amount]",
      message: "Missing required param: line_items[0][price_data][unit_amount].",
    });
  });

  it("rejects a bad API key with StripeAuthenticationError", async () => {
    const wrongKey = new Stripe("sk_live_not_for_tests", { host: "127.0.0.1", port: ctx.server.port, protocol: "http", maxNetworkRetries: 0 });
    const garbage = new Stripe("not-a-key", { host: "127.0.0.1", port: ctx.server.port, protocol: "http", maxNetworkRetries: 0 });

    await expect(wrongKey.paymentIntents.retrieve("pi_x")).rejects.toBeInstanceOf(Stripe.errors.StripeAuthenticationError);
    await expect(garbage.checkout.sessions.retrieve("cs_x")).rejects.toMatchObject({ type: "StripeAuthenticationError", statusCode: 401 });
    const noKey = await fetch(`${ctx.server.url}/v1/payment_intents/pi_x`);
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { type: "invalid_request_error" } });
  });
});

describe("idempotency", () => {
  it("replays the first response for the same key and refuses the key with other params", async () => {
    const first = await createBasketSession(ctx.stripe, {}, { idempotencyKey: "basket-42" });
    const replay = await createBasketSession(ctx.stripe, {}, { idempotencyKey: "basket-42" });

    expect(replay.id).toBe(first.id);
    expect(replay.lastResponse.headers["idempotent-replayed"]).toBe("true");

    const other = createBasketSession(ctx.stripe, { client_reference_id: "order_43" }, { idempotencyKey: "basket-42" });
    await expect(other).rejects.toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("does not capture twice when a capture is retried with its key", async () => {
    const intentId = await authorisedIntentId();
    await ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 1000 }, { idempotencyKey: "capture-42" });
    const retried = await ctx.stripe.paymentIntents.capture(intentId, { amount_to_capture: 1000 }, { idempotencyKey: "capture-42" });

    expect(retried.status).toBe("succeeded");
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true");
    await waitFor(() => ctx.receiver.ofType("payment_intent.succeeded").length === 1);
    expect((await ctx.stripe.paymentIntents.retrieve(intentId)).amount_received).toBe(1000);
  });
});
