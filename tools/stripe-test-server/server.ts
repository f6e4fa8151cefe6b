// A local, TEST MODE-only Stripe-compatible server: the /v1 API, a hosted payment page and signed webhooks.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StripeApi } from "./api";
import { expireIfDue, payWithCard, type CardForm } from "./checkout";
import { StripeApiError } from "./errors";
import { expireAuthorization } from "./payments";
import { decodePathSegment } from "./form";
import { renderMessagePage, renderPaymentPage } from "./hosted-page";
import { API_VERSION } from "./objects";
import { Store } from "./store";
import { WebhookDispatcher, type Logger, type RetryPolicy } from "./webhooks";

export interface StripeTestServerOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Where events are POSTed; without it events are only recorded (GET /_test/events). */
  webhookUrl?: string;
  /** Signing secret shared with the app (`whsec_…`), checked by `stripe.webhooks.constructEvent`. */
  webhookSecret: string;
  /** Base URL shoppers' browsers use to reach this server; defaults to `http://{host}:{port}`. */
  publicUrl?: string;
  retry?: RetryPolicy;
  /** Clock in milliseconds; tests pass a movable one to expire sessions. Defaults to Date.now. */
  now?: () => number;
  /** `payment_status` of a completed manual-capture session before capture; see README. */
  manualCapturePaymentStatus?: "paid" | "unpaid";
  /** Receives one structured entry per request, event and delivery (the CLI prints JSON lines). */
  log?: Logger;
}

export interface StripeTestServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

const DEFAULT_RETRY: RetryPolicy = { attempts: 6, baseDelayMs: 1_000 };
const MAX_BODY_BYTES = 1_000_000;
const EXPIRY_SWEEP_MS = 250;

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string>): void {
  res.writeHead(status, { "Content-Length": String(Buffer.byteLength(body)), ...headers });
  res.end(body);
}

const HTML_HEADERS = {
  "Content-Type": "text/html; charset=utf-8",
  "Cache-Control": "no-store",
  "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
  "X-Frame-Options": "DENY",
};

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, `${JSON.stringify(body, null, 2)}\n`, { "Content-Type": "application/json; charset=utf-8" });
}

function cardForm(body: string): CardForm {
  const form = new URLSearchParams(body);
  const value = (name: keyof CardForm) => form.get(name) ?? "";
  return { cardNumber: value("cardNumber"), expiry: value("expiry"), cvc: value("cvc"), name: value("name"), email: value("email") };
}

function successRedirect(successUrl: string, sessionId: string): string {
  return successUrl.replaceAll("{CHECKOUT_SESSION_ID}", sessionId).replaceAll("%7BCHECKOUT_SESSION_ID%7D", sessionId);
}

export async function createStripeTestServer(options: StripeTestServerOptions): Promise<StripeTestServer> {
  if (!options.webhookSecret) throw new Error("createStripeTestServer: webhookSecret is required");
  if (options.webhookUrl && !URL.canParse(options.webhookUrl)) throw new Error(`Invalid webhookUrl: ${options.webhookUrl}`);
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? Date.now;
  const log: Logger = (entry) => options.log?.({ time: new Date().toISOString(), testMode: true, ...entry });
  let publicUrl = options.publicUrl?.replace(/\/+$/, "") ?? "";

  const webhooks = new WebhookDispatcher({
    url: options.webhookUrl,
    secret: options.webhookSecret,
    retry: options.retry ?? DEFAULT_RETRY,
    now,
    log,
  });
  const store = new Store({
    now,
    publicUrl: () => publicUrl,
    emit: (type, object, request) => webhooks.emit(type, object, request),
    findEvent: (id) => webhooks.find(id)?.event,
    manualCapturePaymentStatus: options.manualCapturePaymentStatus ?? "unpaid",
  });
  const api = new StripeApi(store, log);

  function hostedPage(method: string, id: string, body: string, res: ServerResponse): void {
    const entry = store.sessions.get(id);
    if (!entry) {
      send(res, 404, renderMessagePage("Checkout session not found", "This payment link is not valid."), HTML_HEADERS);
      return;
    }
    expireIfDue(store, id);
    const { session } = entry;
    if (session.status === "expired") {
      const back = session.cancel_url ? { href: session.cancel_url, label: "Return to the shop" } : undefined;
      send(res, 410, renderMessagePage("This checkout session has expired", "The session expired before payment. Return to the shop and start checkout again.", back), HTML_HEADERS);
      return;
    }
    if (method === "GET" || session.status === "complete") {
      if (session.status === "complete") {
        const next = session.success_url ? { href: successRedirect(session.success_url, id), label: "Continue" } : undefined;
        send(res, 200, renderMessagePage("Payment complete", "This checkout session has already been paid.", next), HTML_HEADERS);
        return;
      }
      send(res, 200, renderPaymentPage(entry), HTML_HEADERS);
      return;
    }
    const form = cardForm(body);
    const values = { ...form, cvc: "" };
    const attempt = payWithCard(store, id, form);
    if (attempt.outcome === "invalid") {
      send(res, 422, renderPaymentPage(entry, { values, fieldErrors: attempt.fieldErrors }), HTML_HEADERS);
    } else if (attempt.outcome === "declined") {
      send(res, 402, renderPaymentPage(entry, { values, formError: attempt.message }), HTML_HEADERS);
    } else if (session.success_url) {
      send(res, 303, "", { Location: successRedirect(session.success_url, id) });
    } else {
      send(res, 200, renderMessagePage("Payment complete", "Thank you: your test payment went through."), HTML_HEADERS);
    }
  }

  function testRoutes(method: string, path: string, query: URLSearchParams, res: ServerResponse): void {
    if (method === "GET" && path === "/_test/events") {
      const type = query.get("type");
      sendJson(res, 200, { object: "list", data: webhooks.list().filter((record) => !type || record.type === type) });
      return;
    }
    const expiring = /^\/_test\/payment_intents\/([^/]+)\/expire_authorization$/.exec(path);
    if (expiring && method === "POST") {
      try {
        return sendJson(res, 200, expireAuthorization(store, decodePathSegment(expiring[1])));
      } catch (error) {
        if (error instanceof StripeApiError) return sendJson(res, error.statusCode, error.toBody());
        throw error;
      }
    }
    const match = /^\/_test\/events\/([^/]+)(\/resend)?$/.exec(path);
    const record = match ? webhooks.find(decodePathSegment(match[1])) : undefined;
    if (match && record && method === "GET" && !match[2]) return sendJson(res, 200, record);
    if (match && record && method === "POST" && match[2]) return sendJson(res, 202, webhooks.resend(record.id));
    sendJson(res, 404, { error: { type: "invalid_request_error", message: `Unknown test route (${method} ${path})` } });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://test-server.invalid");
    const path = url.pathname;
    const body = method === "POST" ? await readBody(req) : "";
    if (path.startsWith("/v1/")) {
      const response = api.handle(method, path, url.search.slice(1), body, req.headers);
      send(res, response.status, response.body, response.headers);
    } else if (path.startsWith("/pay/") && (method === "GET" || method === "POST")) {
      hostedPage(method, decodePathSegment(path.slice("/pay/".length)), body, res);
    } else if (path.startsWith("/_test/")) {
      testRoutes(method, path, url.searchParams, res);
    } else if (path === "/" && method === "GET") {
      sendJson(res, 200, { object: "stripe_test_server", mode: "test", livemode: false, api_version: API_VERSION });
    } else {
      sendJson(res, 404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${method}: ${path}).` } });
    }
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof BodyTooLarge) {
        if (!res.headersSent) sendJson(res, 413, { error: { type: "invalid_request_error", message: "Request body too large." } });
        return;
      }
      log({ level: "error", msg: "unhandled error", error: error instanceof Error ? error.stack : String(error) });
      const body = new StripeApiError(500, "api_error", "An unexpected error occurred in the Stripe test server.").toBody();
      if (!res.headersSent) sendJson(res, 500, body);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  if (!publicUrl) publicUrl = url;

  // Sessions also expire lazily on access; the sweep makes checkout.session.expired fire on time.
  const sweep = setInterval(() => {
    for (const id of store.sessions.keys()) expireIfDue(store, id);
  }, EXPIRY_SWEEP_MS);
  sweep.unref();

  log({ level: "info", msg: "stripe test server listening (TEST MODE)", url, publicUrl, webhookUrl: options.webhookUrl ?? null });

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(sweep);
        webhooks.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
