// Shared fixtures for the test server's own tests: a started server, an SDK client, a webhook receiver.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { createStripeTestServer, type StripeTestServer, type StripeTestServerOptions } from "./server";

export const WEBHOOK_SECRET = "whsec_test_halles_secret";

/** Polls until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function waitFor<T>(check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 3_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export interface ReceivedWebhook {
  event: Stripe.Event;
  signature: string;
  rawBody: string;
}

export interface WebhookReceiver {
  url: string;
  /** Events that passed `stripe.webhooks.constructEvent` and were answered 2xx. */
  received: ReceivedWebhook[];
  /** Every request, including the ones answered with an error status. */
  requests: number;
  verificationFailures: string[];
  ofType(type: string): ReceivedWebhook[];
  close(): Promise<void>;
}

/** A tiny app-side endpoint that verifies signatures exactly as the app will. */
export async function startWebhookReceiver(options: { failFirst?: number } = {}): Promise<WebhookReceiver> {
  const verifier = new Stripe("sk_test_receiver");
  let failuresLeft = options.failFirst ?? 0;
  const receiver: Omit<WebhookReceiver, "url" | "close"> = {
    received: [],
    requests: 0,
    verificationFailures: [],
    ofType: (type) => receiver.received.filter((hook) => hook.event.type === type),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      receiver.requests += 1;
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        res.writeHead(500).end("temporarily broken");
        return;
      }
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const signature = String(req.headers["stripe-signature"] ?? "");
      try {
        const event = verifier.webhooks.constructEvent(rawBody, signature, WEBHOOK_SECRET);
        receiver.received.push({ event, signature, rawBody });
        res.writeHead(200, { "Content-Type": "application/json" }).end('{"received":true}');
      } catch (error) {
        receiver.verificationFailures.push(error instanceof Error ? error.message : String(error));
        res.writeHead(400).end("bad signature");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/api/webhooks/stripe`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  });
}

export interface TestContext {
  server: StripeTestServer;
  stripe: Stripe;
  receiver: WebhookReceiver;
  clock: { now: number; advance(ms: number): void };
  close(): Promise<void>;
}

/** Starts a receiver and a test server (random ports, fast retries, movable clock) and an SDK client. */
export async function startTestContext(
  overrides: Partial<StripeTestServerOptions> = {},
  receiverOptions: { failFirst?: number } = {},
): Promise<TestContext> {
  const receiver = await startWebhookReceiver(receiverOptions);
  const clock = {
    now: Date.now(),
    advance(ms: number) {
      clock.now += ms;
    },
  };
  const server = await createStripeTestServer({
    port: 0,
    webhookUrl: receiver.url,
    webhookSecret: WEBHOOK_SECRET,
    retry: { attempts: 4, baseDelayMs: 20 },
    now: () => clock.now,
    ...overrides,
  });
  const stripe = new Stripe("sk_test_123", { host: "127.0.0.1", port: server.port, protocol: "http", maxNetworkRetries: 0 });
  return {
    server,
    stripe,
    receiver,
    clock,
    close: async () => {
      await server.close();
      await receiver.close();
    },
  };
}

export const SUCCESS_URL = "https://shop.example/checkout/success?session_id={CHECKOUT_SESSION_ID}";
export const CANCEL_URL = "https://shop.example/basket";

/** A €12.34 basket (2 × €4.50 + 1 × €3.34) as the app would create it. */
export function createBasketSession(
  stripe: Stripe,
  extra: Partial<Stripe.Checkout.SessionCreateParams> = {},
  options?: Stripe.RequestOptions,
): Promise<Stripe.Response<Stripe.Checkout.Session>> {
  return stripe.checkout.sessions.create(
    {
      mode: "payment",
      line_items: [
        { price_data: { currency: "eur", unit_amount: 450, product_data: { name: "Sourdough loaf" } }, quantity: 2 },
        { price_data: { currency: "eur", unit_amount: 334, product_data: { name: "Comté 200 g" } }, quantity: 1 },
      ],
      success_url: SUCCESS_URL,
      cancel_url: CANCEL_URL,
      client_reference_id: "order_42",
      metadata: { order_id: "order_42" },
      payment_intent_data: { capture_method: "manual", metadata: { order_id: "order_42" } },
      ...extra,
    },
    options,
  );
}

export const GOOD_CARD = { cardNumber: "4242 4242 4242 4242", expiry: "12 / 34", cvc: "123", name: "Ada Lovelace" };
export const DECLINED_CARD = { ...GOOD_CARD, cardNumber: "4000 0000 0000 0002" };

/** Submits the hosted payment form like a browser would, without following the redirect. */
export function submitCard(sessionUrl: string, card: Record<string, string>): Promise<Response> {
  return fetch(sessionUrl, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(card).toString(),
    redirect: "manual",
  });
}
