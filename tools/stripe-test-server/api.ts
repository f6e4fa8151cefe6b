// The /v1 API: Bearer sk_test_ auth, Idempotency-Key replay, endpoint routing and JSON responses.
import type { IncomingHttpHeaders } from "node:http";
import { createHash } from "node:crypto";
import { createSession, expireSession, findSession } from "./checkout";
import { authenticationError, StripeApiError, unrecognizedUrl } from "./errors";
import { canonicalJson, decodePathSegment, parseForm, type FormObject } from "./form";
import { API_VERSION, newId } from "./objects";
import { cancelParams, captureParams, createRefundParams, createSessionParams, expandOnlyParams, parseParams } from "./params";
import { cancelPaymentIntent, capturePaymentIntent, createRefund } from "./payments";
import type { RequestContext, Store } from "./store";
import type { Logger } from "./webhooks";

export interface ApiResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

interface Call {
  id: string;
  params: FormObject;
  request: RequestContext;
}

type Handler = (store: Store, call: Call) => object;

interface Route {
  method: "GET" | "POST";
  pattern: RegExp;
  handler: Handler;
}

const ID = "([^/]+)";
const expandOf = (params: FormObject) => parseParams(expandOnlyParams, params).expand;

const ROUTES: Route[] = [
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions$/,
    handler: (store, { params }) => {
      const parsed = parseParams(createSessionParams, params);
      return store.render(createSession(store, parsed), parsed.expand);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}$`),
    handler: (store, { id, params }) => store.render(findSession(store, id).session, expandOf(params)),
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/checkout/sessions/${ID}/expire$`),
    handler: (store, { id, params, request }) => {
      const expand = expandOf(params);
      return store.render(expireSession(store, id, request), expand);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/payment_intents/${ID}$`),
    handler: (store, { id, params }) => store.render(store.paymentIntent(id), expandOf(params)),
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/payment_intents/${ID}/capture$`),
    handler: (store, { id, params, request }) => {
      const parsed = parseParams(captureParams, params);
      return store.render(capturePaymentIntent(store, id, parsed, request), parsed.expand);
    },
  },
  {
    method: "POST",
    pattern: new RegExp(`^/v1/payment_intents/${ID}/cancel$`),
    handler: (store, { id, params, request }) => {
      const parsed = parseParams(cancelParams, params);
      return store.render(cancelPaymentIntent(store, id, parsed, request), parsed.expand);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    handler: (store, { params, request }) => {
      const parsed = parseParams(createRefundParams, params);
      return store.render(createRefund(store, parsed, request), parsed.expand);
    },
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/refunds/${ID}$`),
    handler: (store, { id, params }) => store.render(store.refund(id), expandOf(params)),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/charges/${ID}$`),
    handler: (store, { id, params }) => store.render(store.charge(id), expandOf(params)),
  },
  {
    method: "GET",
    pattern: new RegExp(`^/v1/events/${ID}$`),
    handler: (store, { id, params }) => store.render(store.event(id), expandOf(params)),
  },
];

// Stripe forgets idempotency keys after 24 hours.
const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60 * 1000;

interface SavedResponse {
  savedAt: number;
  path: string;
  paramsHash: string;
  requestId: string;
  response: ApiResponse;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The key from `Authorization: Bearer sk_test_…` or, as curl -u sends it, Basic auth. */
function apiKeyFrom(headers: IncomingHttpHeaders): string | null {
  const authorization = header(headers, "authorization")?.trim();
  if (!authorization) return null;
  const [scheme, value = ""] = authorization.split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) return Buffer.from(value, "base64").toString("utf8").split(":")[0];
  return null;
}

function maskKey(key: string): string {
  const prefix = /^[a-z]{2}_(test|live)_/.exec(key)?.[0] ?? "";
  return `${prefix}${"*".repeat(Math.max(key.length - prefix.length - 4, 0))}${key.slice(-4)}`;
}

function authenticate(apiKey: string | null): StripeApiError | null {
  if (!apiKey) {
    return authenticationError(
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
    );
  }
  if (/^(sk|rk)_live_/.test(apiKey)) {
    return authenticationError(`Live mode key provided (${maskKey(apiKey)}): this Stripe test server is TEST MODE only and accepts sk_test_ keys.`);
  }
  if (!/^(sk|rk)_test_\w+$/.test(apiKey)) return authenticationError(`Invalid API Key provided: ${maskKey(apiKey)}`);
  return null;
}

export class StripeApi {
  private readonly saved = new Map<string, SavedResponse>();

  constructor(
    private readonly store: Store,
    private readonly log: Logger,
  ) {}

  private forgetExpiredKeys(): void {
    const cutoff = this.store.deps.now() - IDEMPOTENCY_KEY_TTL_MS;
    // Map iteration follows insertion order, so the oldest entries come first.
    for (const [key, saved] of this.saved) {
      if (saved.savedAt > cutoff) break;
      this.saved.delete(key);
    }
  }

  /** Handles one /v1 request whose body has already been read. */
  handle(method: string, path: string, query: string, rawBody: string, headers: IncomingHttpHeaders): ApiResponse {
    const requestId = newId("req_", 14);
    const idempotencyKey = method === "POST" ? (header(headers, "idempotency-key") ?? null) : null;
    const baseHeaders: Record<string, string> = {
      "Content-Type": "application/json; charset=utf-8",
      "Request-Id": requestId,
      "Stripe-Version": header(headers, "stripe-version") ?? API_VERSION,
      "Cache-Control": "no-cache, no-store",
      ...(idempotencyKey ? { "Idempotency-Key": idempotencyKey } : {}),
    };
    const respond = (status: number, body: object): ApiResponse => ({ status, headers: baseHeaders, body: `${JSON.stringify(body, null, 2)}\n` });

    const apiKey = apiKeyFrom(headers);
    const authError = authenticate(apiKey);
    if (authError) return respond(authError.statusCode, authError.toBody());

    this.forgetExpiredKeys();
    const params = parseForm(method === "POST" ? rawBody : query);
    const savedKey = idempotencyKey ? `${apiKey}\n${idempotencyKey}` : null;
    const paramsHash = createHash("sha256").update(canonicalJson(params)).digest("hex");
    const previous = savedKey ? this.saved.get(savedKey) : undefined;
    if (previous) {
      const conflict = previous.path !== path
        ? `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${previous.path}' vs '${path}'). Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
        : previous.paramsHash !== paramsHash
          ? `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`
          : null;
      if (conflict) {
        const error = new StripeApiError(400, "idempotency_error", conflict);
        return respond(400, error.toBody());
      }
      this.log({ level: "info", msg: "api request replayed (Idempotency-Key)", method, path, status: previous.response.status, requestId });
      return {
        ...previous.response,
        headers: { ...previous.response.headers, "Request-Id": requestId, "Idempotent-Replayed": "true", "Original-Request": previous.requestId },
      };
    }

    let response: ApiResponse;
    let save = true;
    const route = ROUTES.find((candidate) => candidate.method === method && candidate.pattern.test(path));
    try {
      if (!route) throw unrecognizedUrl(method, path);
      const match = route.pattern.exec(path);
      const id = match?.[1] ? decodePathSegment(match[1]) : "";
      const object = route.handler(this.store, { id, params, request: { id: requestId, idempotency_key: idempotencyKey } });
      response = respond(200, object);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      save = error.saveIdempotent;
      response = respond(error.statusCode, error.toBody());
    }
    if (savedKey && save) this.saved.set(savedKey, { savedAt: this.store.deps.now(), path, paramsHash, requestId, response });
    this.log({ level: response.status < 400 ? "info" : "warn", msg: "api request", method, path, status: response.status, requestId });
    return response;
  }
}
