// The fuzzer's requests for each route handler, as fast-check arbitraries. Every route is found
// by surface.ts; what is known about each (its [params], query keys, body, the refusals it owes)
// lives in ROUTE_PROFILES, and the spec checks that every route found has its entry, so a new one
// is described as well as fuzzed.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import type { Probe, Session } from "./client";
import { cookieHeader, ids, one, sessions, slug, uuid, type FuzzContext, type Plausible } from "./context";
import { badJson, badText, brokenBody, contentType, pathSegment, queryString } from "./inputs";
import { HTTP_METHODS, type HttpMethod, type Route } from "./surface";

type BodyPart = { body?: string | Uint8Array; headers?: Record<string, string> };

type RouteProfile = {
  /** Plausible values of each [param] of the path. */
  params?: Record<string, Plausible>;
  query?: Record<string, Plausible>;
  /** The body of a request with one; default: JSON of the wrong shape, or a broken body. */
  body?: (ctx: FuzzContext, session: Session) => fc.Arbitrary<BodyPart>;
  headers?: (ctx: FuzzContext) => fc.Arbitrary<Record<string, string>>;
  /** Requests per exported method (default 30). */
  runs?: number;
  /** Whether a request may end the session it is sent with. */
  endsSession?: (method: HttpMethod, url: string) => boolean;
  /** The only statuses a request may get, when the route must refuse it (no token, no signature…); null when any non-5xx will do. */
  mustAnswer?: (probe: Probe, ctx: FuzzContext) => number[] | null;
};

/** Stripe's scheme: an HMAC-SHA256 of "t.body" in v1, t within 300 s. */
function isSignedByStripe(probe: Probe, secret: string): boolean {
  const header = probe.headers?.["stripe-signature"] ?? "";
  const t = /(?:^|,)t=(\d+)(?:,|$)/.exec(header)?.[1];
  if (!t || Math.abs(Date.now() / 1000 - Number(t)) > 300) return false;
  const expected = createHmac("sha256", secret).update(`${t}.`).update(probe.body ?? "").digest("hex");
  return header.split(",").some((part) => part === `v1=${expected}`);
}

const storeQuery = { store: slug((ctx) => ctx.storeSlugs) };

const AUTH_PATHS = ["session", "csrf", "providers", "signin", "signout", "error", "callback/credentials", "callback/email-link", "signin/credentials", "signin/email-link", "verify-request", "webauthn-options", "callback/nope", "signin/nope", "nope"];

/** A JSON body: the expected object with bad or missing fields and extra ones, or any wrong JSON, or a broken body. */
function jsonBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<BodyPart> {
  const object = fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.dictionary(fc.constantFrom("priceCents", "__proto__", "constructor", "userId", "id", "extra"), badJson(), { maxKeys: 2 }))
    .map(([known, extra]) => JSON.stringify({ ...extra, ...known }));
  return fc.record({
    body: fc.oneof({ weight: 3, arbitrary: object }, { weight: 1, arbitrary: badJson().map((v) => JSON.stringify(v) ?? "") }, { weight: 1, arbitrary: brokenBody() }),
    headers: contentType.map((type): Record<string, string> => (type ? { "content-type": type } : {})),
  });
}

function formBody(fields: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<BodyPart> {
  return fc
    .tuple(fc.record(fields, { requiredKeys: [] }), fc.array(fc.tuple(fc.string({ maxLength: 12 }), badText(500)), { maxLength: 3 }))
    .map(([known, extra]) => ({
      body: new URLSearchParams([...(Object.entries(known) as [string, string][]), ...extra]).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }));
}

/** A Stripe-Signature header for `payload`: right, wrong, stale, or malformed. */
function stripeSignature(secret: string, payload: string | Uint8Array): fc.Arbitrary<Record<string, string>> {
  const now = Math.floor(Date.now() / 1000);
  const sign = (t: number) => `t=${t},v1=${createHmac("sha256", secret).update(`${t}.`).update(payload).digest("hex")}`;
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constant(sign(now)) },
      { weight: 1, arbitrary: fc.constant(sign(now - 3_600)) },
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant(`t=${now},v1=${"0".repeat(64)}`) },
      { weight: 1, arbitrary: fc.constantFrom("t=,v1=", "v1=abc", "t=abc,v1=abc", "t=1e400,v1=", ",,,", "t=-1,v0=x,v1=y,v1=z") },
      { weight: 1, arbitrary: badText(3_000).map((text) => text.replace(/[^\x20-\x7e]/g, "")) },
    )
    .map((signature): Record<string, string> => (signature === undefined ? {} : { "stripe-signature": signature }));
}

const stripeEventTypes = ["checkout.session.completed", "checkout.session.expired", "payment_intent.succeeded", "payment_intent.amount_capturable_updated", "payment_intent.payment_failed", "charge.refunded", "customer.created"];

export const ROUTE_PROFILES: Record<string, RouteProfile> = {
  "/api/[...path]": { params: { path: () => one(["v2/products", "v1/nope", "v1/products/bananas/variants", "internal/other", "csrf"]) }, runs: 10 },
  // The back office's live data: the fuzzer's sessions are not staff, so every request is refused.
  "/api/admin/catalog/export.csv": { runs: 10 },
  "/api/admin/content-preview/[id]": { params: { id: () => one(["1", "2", "0", "-1", "99999999999", "x"]) }, runs: 20 },
  "/api/admin/content-preview/exit": { query: { to: () => one(["/l/summer", "//evil.example", "https://evil.example/", "javascript:alert(1)", ""]) }, runs: 20 },
  "/api/admin/operations/version": { runs: 20 },
  "/api/admin/orders/[orderId]/version": { params: { orderId: (ctx) => fc.oneof(fc.constant(ctx.orderId), uuid()) }, runs: 20 },
  "/api/admin/stores/[store]/queue-version": { params: { store: slug((ctx) => ctx.storeSlugs) }, query: { day: () => one(["2026-12-02", "2026-13-45", "yesterday"]) }, runs: 20 },
  "/api/auth/[...nextauth]": {
    params: { nextauth: () => one(AUTH_PATHS) },
    query: { callbackUrl: (ctx) => one(["/account", `${ctx.origin}/basket`, "https://evil.example/"]), error: () => one(["Configuration", "CredentialsSignin", "AccessDenied"]) },
    body: (ctx, session) =>
      formBody({
        csrfToken: fc.oneof(fc.constant(ctx.csrfTokens[session] ?? ""), fc.stringMatching(/^[a-f0-9]{0,64}$/)),
        email: one([ctx.customerEmail, "nobody@example.test", "Fuzz@Example.test"]),
        password: one([ctx.password, "wrong-password-123"]),
        token: fc.stringMatching(/^[a-f0-9]{64}$/),
        callbackUrl: one(["/account", "https://evil.example/", "javascript:alert(1)"]),
        redirect: one(["false", "true"]),
        json: one(["true"]),
      }).chain((form) => fc.oneof({ weight: 3, arbitrary: fc.constant(form) }, { weight: 1, arbitrary: jsonBody({ csrfToken: fc.constant(ctx.csrfTokens[session] ?? ""), email: badJson(), password: badJson() }) })),
    endsSession: (method, url) => method === "POST" && new URL(url, "http://x").pathname === "/api/auth/signout",
    runs: 70,
  },
  "/api/health": { runs: 15 },
  "/api/health/ready": { runs: 15 },
  "/api/internal/revalidate": {
    headers: (ctx) =>
      fc.oneof(
        { weight: 2, arbitrary: fc.constant({ authorization: `Bearer ${ctx.refreshToken}` }) },
        { weight: 1, arbitrary: fc.constant({}) },
        { weight: 2, arbitrary: fc.constantFrom("Bearer", "Bearer ", "Basic YTpi", `Bearer ${ctx.refreshToken}x`, `bearer ${ctx.refreshToken}`, ctx.refreshToken).map((authorization) => ({ authorization })) },
        { weight: 1, arbitrary: badText(2_000).map((text) => ({ authorization: `Bearer ${text.replace(/[^\x20-\x7e]/g, "")}` })) },
      ),
    body: () => jsonBody({ tags: fc.oneof(fc.array(fc.oneof(one(["stock:999999", "product:no-such-product", "category:no-such-category"]), badText(300)), { maxLength: 60 }), badJson()) }),
    // Refused without its token (bearer, or bare), before the body is read.
    mustAnswer: (probe, ctx) => (probe.headers?.authorization?.replace(/^Bearer /, "") === ctx.refreshToken ? null : [401]),
    runs: 40,
  },
  "/api/storefront/basket": { runs: 20 },
  "/api/v1/basket": { query: storeQuery, runs: 25 },
  "/api/v1/basket/lines/[variantId]": {
    params: { variantId: ids },
    query: storeQuery,
    body: () =>
      jsonBody({
        quantity: fc.oneof(fc.integer({ min: -5, max: 2_000 }), fc.constantFrom(0, 1, 250, 2 ** 31, -(2 ** 31) - 1, 2 ** 53, 1e308, 0.5, -0), badJson()),
        substitution: fc.oneof(one(["allow", "refuse"]), badJson()),
      }),
    runs: 45,
  },
  "/api/v1/categories": { runs: 15 },
  // The OpenAPI document: static, no parameters; any query or body changes nothing.
  "/api/v1/openapi.json": { runs: 10 },
  "/api/v1/orders": { query: { page: () => one(["1", "2"]) }, runs: 25 },
  "/api/v1/orders/[id]": { params: { id: (ctx) => fc.oneof(fc.constant(ctx.orderId), uuid()) }, runs: 30 },
  "/api/v1/products": {
    query: {
      ...storeQuery,
      q: () => one(["banana", "bananna", "cheese", "lait"]),
      brand: () => one(["bonne-maman", "maison-durand"]),
      diet: () => one(["vegan", "vegetarian", "gluten-free", "organic"]),
      min: () => one(["0", "1.5", "10"]),
      max: () => one(["5", "99.99"]),
      instock: () => one(["1", "true"]),
      sort: () => one(["price-asc", "price-desc", "name", "relevance"]),
      page: () => one(["1", "2", "3"]),
      category: slug((ctx) => ctx.categorySlugs),
      limit: () => one(["1", "24", "100"]),
    },
    runs: 60,
  },
  "/api/v1/products/[slug]": { params: { slug: slug((ctx) => ctx.productSlugs) }, query: storeQuery, runs: 35 },
  "/api/v1/stores": { query: { postcode: () => one(["69003", "33000", "75001", "00000"]) }, runs: 25 },
  "/api/webhooks/stripe": {
    body: (ctx) => {
      const event = fc
        .record(
          {
            id: fc.oneof(fc.stringMatching(/^evt_fuzz_[a-zA-Z0-9]{8,16}$/), badJson()),
            object: fc.oneof(fc.constant("event"), badJson()),
            type: fc.oneof(one(stripeEventTypes), badJson()),
            created: fc.oneof(fc.integer({ min: 0, max: 2 ** 31 }), badJson()),
            livemode: fc.oneof(fc.boolean(), badJson()),
            data: fc.oneof(fc.record({ object: fc.dictionary(fc.constantFrom("id", "object", "metadata", "amount", "payment_intent", "status"), badJson(), { maxKeys: 4 }) }), badJson()),
          },
          { requiredKeys: [] },
        )
        .map((e) => JSON.stringify(e));
      const huge = fc.integer({ min: 200_000, max: 400_000 }).map((n) => JSON.stringify({ id: "evt_fuzz_huge", type: "customer.created", pad: "x".repeat(n) }));
      const payload = fc.oneof({ weight: 4, arbitrary: event }, { weight: 2, arbitrary: brokenBody() }, { weight: 1, arbitrary: huge });
      return fc
        .tuple(payload, contentType)
        .chain(([body, type]) => stripeSignature(ctx.webhookSecret, body).map((signature) => ({ body, headers: { ...signature, ...(type ? { "content-type": type } : {}) } })));
    },
    // Without Stripe's signature: refused (413 when too large to read).
    mustAnswer: (probe, ctx) => (isSignedByStripe(probe, ctx.webhookSecret) ? null : [400, 413]),
    runs: 80,
  },
  // Uploaded pictures: the fuzzer knows none, so these are 404s, whatever the id and width.
  "/media/[id]": { params: { id: () => fc.oneof(uuid(), fc.constantFrom("0", "../etc/passwd", "00000000-0000-0000-0000-000000000000")) }, runs: 10 },
  "/media/[id]/[file]": { params: { id: () => uuid(), file: () => one(["128.webp", "640.webp", "1920.webp", "641.webp", "640.png", "99999999999.webp", "-1.webp"]) }, runs: 15 },
  "/images/products/[file]": { params: { file: (ctx) => fc.oneof(one(ctx.productSlugs.map((s) => `${s}.svg`)), fc.constant("bananas.png")) }, runs: 20 },
};

/** Requests for one method of one route: the path's params filled, a query, headers, a body. */
export function routeProbes(route: Route, method: HttpMethod, ctx: FuzzContext): fc.Arbitrary<Probe> {
  const profile = ROUTE_PROFILES[route.pattern] ?? {};
  const segments = route.pattern.split("/").slice(1);
  const path = fc.tuple(
    ...segments.map((segment) => {
      const param = /^\[(\.\.\.)?(.+)\]$/.exec(segment);
      if (!param) return fc.constant(segment);
      const plausible = profile.params?.[param[2]]?.(ctx) ?? fc.string({ maxLength: 20 });
      // A catch-all takes one or more segments: its plausible values may hold slashes already.
      if (param[1]) return fc.oneof({ weight: 3, arbitrary: plausible }, { weight: 2, arbitrary: fc.array(pathSegment(plausible), { minLength: 1, maxLength: 3 }).map((s) => s.join("/")) });
      return pathSegment(plausible);
    }),
  );
  const query = queryString(Object.fromEntries(Object.entries(profile.query ?? {}).map(([key, plausible]) => [key, plausible(ctx)])));
  const extraHeaders = fc.tuple(profile.headers?.(ctx) ?? fc.constant({}), cookieHeader).map(([headers, cookie]) => ({ ...headers, ...cookie }));
  return fc.tuple(path, query, extraHeaders, sessions).chain(([parts, search, headers, session]) => {
    // Long enough for any parser; shorter than 16 KiB twice over, as Next.js's redirects (a
    // trailing slash) repeat the URL in Location and Refresh, and fetch refuses larger headers.
    const url = `/${parts.join("/")}${search ? `?${search}` : ""}`.slice(0, 6_000);
    const probe: Probe = {
      target: `${method} ${route.pattern}`,
      method,
      url,
      session,
      headers: { origin: ctx.origin, ...headers },
      // Where the request lands: fetch resolves "..", which can leave /api.
      apiErrorBody: new URL(url, ctx.origin).pathname.startsWith("/api/"),
      endsSession: profile.endsSession?.(method, url),
    };
    const judged = (p: Probe): Probe => ({ ...p, mustAnswer: profile.mustAnswer?.(p, ctx) ?? undefined });
    if (method === "GET" || method === "HEAD") return fc.constant(judged(probe));
    const body = profile.body?.(ctx, session) ?? fc.oneof(jsonBody({}), brokenBody().map((b): BodyPart => ({ body: b })));
    return body.map((part) => judged({ ...probe, body: part.body, headers: { ...probe.headers, ...part.headers } }));
  });
}

/** Methods a route does not export: Next.js answers them itself (405), with no error body of ours; null when it exports them all. */
export function unexportedMethodProbes(route: Route, ctx: FuzzContext): fc.Arbitrary<Probe> | null {
  const others = HTTP_METHODS.filter((m) => !route.methods.includes(m) && m !== "HEAD" && m !== "OPTIONS");
  if (!others.length) return null;
  return fc.tuple(one(others), brokenBody()).map(([method, body]) => ({
    target: `other methods ${route.pattern}`,
    method,
    url: route.pattern.replace(/\[(\.\.\.)?[^\]]+\]/g, (_, rest: string | undefined) => (rest ? "session" : "1")),
    session: "visitor" as const,
    headers: { origin: ctx.origin },
    body,
  }));
}

export const routeRuns = (route: Route) => ROUTE_PROFILES[route.pattern]?.runs ?? 30;
