// Webhook delivery: Stripe signatures, retries with backoff, resend for duplicate handling, test listing.
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { createStripeTestServer } from "./server";
import { createBasketSession, GOOD_CARD, startTestContext, submitCard, waitFor, WEBHOOK_SECRET, type TestContext } from "./test-helpers";
import type { EventRecord } from "./webhooks";

let ctx: TestContext | undefined;

afterEach(async () => {
  await ctx?.close();
  ctx = undefined;
});

async function testEvents(serverUrl: string, type?: string): Promise<EventRecord[]> {
  const response = await fetch(`${serverUrl}/_test/events${type ? `?type=${type}` : ""}`);
  return ((await response.json()) as { data: EventRecord[] }).data;
}

async function paySession(context: TestContext): Promise<Stripe.Checkout.Session> {
  const session = await createBasketSession(context.stripe);
  await submitCard(String(session.url), GOOD_CARD);
  return session;
}

describe("webhook delivery", () => {
  it("retries with backoff until the endpoint answers 2xx", async () => {
    ctx = await startTestContext({ retry: { attempts: 5, baseDelayMs: 20 } }, { failFirst: 2 });
    const session = await createBasketSession(ctx.stripe);
    await ctx.stripe.checkout.sessions.expire(session.id);

    const [record] = await waitFor(async () => {
      const records = await testEvents(ctx!.server.url, "checkout.session.expired");
      return records[0]?.status === "delivered" && records;
    });
    expect(record.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(ctx.receiver.ofType("checkout.session.expired")).toHaveLength(1);
    expect(ctx.receiver.requests).toBe(3);
  });

  it("gives up after the configured attempts and marks the event failed", async () => {
    ctx = await startTestContext({ retry: { attempts: 2, baseDelayMs: 10 } }, { failFirst: 100 });
    const session = await createBasketSession(ctx.stripe);
    await ctx.stripe.checkout.sessions.expire(session.id);

    const [record] = await waitFor(async () => {
      const records = await testEvents(ctx!.server.url, "checkout.session.expired");
      return records[0]?.status === "failed" && records;
    });
    expect(record.attempts).toHaveLength(2);
  });

  it("records a connection error as a failed attempt and retries", async () => {
    const server = await createStripeTestServer({
      webhookUrl: "http://127.0.0.1:9/unreachable",
      webhookSecret: WEBHOOK_SECRET,
      retry: { attempts: 2, baseDelayMs: 10 },
    });
    try {
      const stripe = new Stripe("sk_test_123", { host: "127.0.0.1", port: server.port, protocol: "http" });
      const session = await createBasketSession(stripe);
      await stripe.checkout.sessions.expire(session.id);
      const [record] = await waitFor(async () => {
        const records = await testEvents(server.url, "checkout.session.expired");
        return records[0]?.status === "failed" && records;
      });
      expect(record.attempts.every((attempt) => attempt.statusCode === null && attempt.error)).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("re-delivers the same event on resend, so duplicate handling can be tested", async () => {
    ctx = await startTestContext();
    await paySession(ctx);
    const original = await waitFor(() => ctx!.receiver.ofType("checkout.session.completed")[0]);

    const resend = await fetch(`${ctx.server.url}/_test/events/${original.event.id}/resend`, { method: "POST" });
    expect(resend.status).toBe(202);

    const deliveries = await waitFor(() => ctx!.receiver.ofType("checkout.session.completed").length === 2 && ctx!.receiver.ofType("checkout.session.completed"));
    expect(deliveries[1].event.id).toBe(original.event.id);
    expect(deliveries[1].event.data).toEqual(original.event.data);
  });

  it("lists events with their delivery attempts and serves them on /v1/events/:id", async () => {
    ctx = await startTestContext();
    await paySession(ctx);

    const records = await waitFor(async () => {
      const listed = await testEvents(ctx!.server.url);
      return listed.length === 4 && listed.every((record) => record.status === "delivered") && listed;
    });
    expect(records.map((record) => record.type).reverse()).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.amount_capturable_updated",
      "checkout.session.completed",
    ]);
    const completed = records[0];
    expect(completed.attempts[0]).toMatchObject({ attempt: 1, statusCode: 200, error: null });

    const event = await ctx.stripe.events.retrieve(completed.id);
    expect(event).toMatchObject({ id: completed.id, type: "checkout.session.completed", pending_webhooks: 0 });
  });

  it("signs with the configured secret, so a wrong secret fails verification in the app", async () => {
    ctx = await startTestContext({ webhookSecret: "whsec_someone_else", retry: { attempts: 1, baseDelayMs: 10 } });
    const session = await createBasketSession(ctx.stripe);
    await ctx.stripe.checkout.sessions.expire(session.id);

    await waitFor(() => ctx!.receiver.verificationFailures.length === 1);
    expect(ctx.receiver.received).toHaveLength(0);
  });

  it("records events without delivering them when no webhook URL is set", async () => {
    const server = await createStripeTestServer({ webhookSecret: WEBHOOK_SECRET });
    try {
      const stripe = new Stripe("sk_test_123", { host: "127.0.0.1", port: server.port, protocol: "http" });
      const session = await createBasketSession(stripe);
      await stripe.checkout.sessions.expire(session.id);
      const [record] = await testEvents(server.url, "checkout.session.expired");
      expect(record).toMatchObject({ status: "not_sent", attempts: [] });
      expect(record.event.pending_webhooks).toBe(0);
    } finally {
      await server.close();
    }
  });
});
