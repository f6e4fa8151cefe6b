// The fuzzer's requests for each route and server action, as fast-check arbitraries. Every route
// and action is found by surface.ts; what is known about each (its query keys, body fields, form
// fields from the zod schemas) lives in the tables below, and the spec checks that every route and
// action found has its entry, so a new one is described as well as fuzzed.
import { createHmac } from "node:crypto";
import fc from "fast-check";
import type { ActionCall, Probe, Session } from "./client";
import { badJson, badText, brokenBody, contentType, field, pathSegment, queryString } from "./inputs";
import { HTTP_METHODS, pageUrl, type HttpMethod, type Route, type ServerAction } from "./surface";

/** Real rows of the e2e database and the customer's session, so that some requests get past the first check. */
export type FuzzContext = {
  origin: string;
  variantIds: number[];
  productSlugs: string[];
  storeSlugs: string[];
  categorySlugs: string[];
  slotIds: number[];
  orderId: string;
  addressId: string;
  customerEmail: string;
  password: string;
  /** The bearer token of /api/internal/revalidate (lib/storefront/refresh-token.ts). */
  refreshToken: string;
  webhookSecret: string;
  /** Auth.js's CSRF token of each session that has its cookie. */
  csrfTokens: Partial<Record<Session, string>>;
};

type Plausible = (ctx: FuzzContext) => fc.Arbitrary<string>;

const one = <T>(values: T[]) => fc.constantFrom(...values);
const ids = (ctx: FuzzContext) => one(ctx.variantIds.map(String));
const uuid = () => fc.uuid();
const slug = (values: (ctx: FuzzContext) => string[]) => (ctx: FuzzContext) => fc.oneof(one(values(ctx)), fc.stringMatching(/^[a-z0-9-]{1,30}$/));
/** Who sends a request; the customer most often, as most routes and actions have more behind the session check. */
const sessions = fc.oneof({ weight: 1, arbitrary: fc.constant<Session>("visitor") }, { weight: 1, arbitrary: fc.constant<Session>("guest") }, { weight: 2, arbitrary: fc.constant<Session>("customer") });

/** Cookies a browser should not have: the app's and Auth.js's, tampered with. */
const COOKIE_NAMES = ["authjs.session-token", "authjs.callback-url", "authjs.csrf-token", "halles_store", "halles_basket"];
const badCookie = fc
  .tuple(one(COOKIE_NAMES), fc.oneof(badText(2_000), fc.uuid(), fc.constantFrom("javascript:alert(1)", "https://evil.example/", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z")))
  .map(([name, value]) => `${name}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ""))}`);
/** Sometimes a tampered cookie, sent instead of the session's own (client.ts sends those otherwise). */
const cookieHeader = fc.oneof({ weight: 6, arbitrary: fc.constant<Record<string, string>>({}) }, { weight: 1, arbitrary: fc.array(badCookie, { minLength: 1, maxLength: 3 }).map((c) => ({ cookie: c.join("; ") })) });

// ---------------------------------------------------------------- routes

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

// ---------------------------------------------------------------- server actions

type ActionProfile = {
  /** `state`: made by lib/actions.ts, called as (previous state, form data); `form`: called with the form data alone. */
  takes: "state" | "form";
  /** The form's fields (the zod schema's keys) and plausible values. */
  fields: (ctx: FuzzContext) => Record<string, fc.Arbitrary<string>>;
  /** Extra field names the action reads by pattern. */
  patternFields?: (ctx: FuzzContext) => fc.Arbitrary<string>;
  /** It ends the customer's session: its requests run after all others. */
  endsSession?: boolean;
  runs?: number;
};

const email = (ctx: FuzzContext) => fc.oneof(one([ctx.customerEmail, ctx.customerEmail.toUpperCase()]), fc.stringMatching(/^fuzz-[a-z0-9]{6}@example\.test$/));
const password = (ctx: FuzzContext) => one([ctx.password, "a-wrong-password", "short"]);
const nextPath = () => one(["/account", "/checkout", "/basket?x=1", "//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]);
const token = () => fc.stringMatching(/^[A-Za-z0-9_-]{20,64}$/);
const text = () => fc.string({ minLength: 1, maxLength: 30 });
const postcode = () => one(["69003", "33000", "75001", "1234", "SW1A 1AA"]);
const phone = () => one(["", "+33 6 12 34 56 78", "06.12.34.56.78"]);

export const ACTION_PROFILES: Record<string, ActionProfile> = {
  "lib/auth/actions.ts:signInWithPassword": { takes: "state", fields: (ctx) => ({ email: email(ctx), password: password(ctx), next: nextPath() }) },
  "lib/auth/actions.ts:signUp": {
    takes: "state",
    fields: (ctx) => ({ name: text(), email: email(ctx), password: password(ctx), confirmPassword: password(ctx), next: nextPath() }),
  },
  "lib/auth/actions.ts:confirmSignUp": { takes: "state", fields: () => ({ token: token(), next: nextPath() }) },
  "lib/auth/actions.ts:requestPasswordResetLink": { takes: "state", fields: (ctx) => ({ email: email(ctx) }) },
  "lib/auth/actions.ts:chooseNewPassword": { takes: "state", fields: (ctx) => ({ token: token(), password: password(ctx), confirmPassword: password(ctx) }) },
  "lib/auth/actions.ts:signOutOfAccount": { takes: "state", fields: () => ({}), endsSession: true, runs: 30 },
  "lib/auth/actions.ts:saveAddress": {
    takes: "state",
    fields: () => ({ label: text(), recipient: text(), street: text(), postcode: postcode(), city: text(), phone: phone() }),
  },
  "lib/auth/actions.ts:removeAddress": { takes: "state", fields: (ctx) => ({ id: fc.oneof(fc.constant(ctx.addressId), fc.uuid()) }) },
  "lib/basket/actions.ts:addToBasket": { takes: "state", fields: (ctx) => ({ variantId: ids(ctx), quantity: one(["1", "2", "250", "0", "-1"]), js: one(["1"]) }) },
  "lib/basket/actions.ts:updateBasketLine": { takes: "state", fields: (ctx) => ({ variantId: ids(ctx), quantity: one(["0", "1", "3", "500"]), js: one(["1"]) }) },
  "lib/checkout/actions.ts:placeOrderAndPay": {
    takes: "state",
    fields: (ctx) => ({
      fulfilment: one(["delivery", "collection"]),
      deliverySlotId: one(ctx.slotIds.map(String)),
      collectionSlotId: one(ctx.slotIds.map(String)),
      recipient: text(),
      street: text(),
      postcode: postcode(),
      city: text(),
      phone: phone(),
    }),
    patternFields: (ctx) => ids(ctx).map((id) => `sub_${id}`),
  },
  "lib/orders/actions.ts:payOrder": { takes: "form", fields: (ctx) => ({ orderId: fc.oneof(fc.constant(ctx.orderId), fc.uuid()) }) },
  "lib/orders/actions.ts:cancelOrder": { takes: "form", fields: (ctx) => ({ orderId: fc.oneof(fc.constant(ctx.orderId), fc.uuid()) }) },
  "lib/storefront/actions.ts:chooseStore": { takes: "state", fields: (ctx) => ({ store: slug((c) => c.storeSlugs)(ctx) }) },
};

const fileValue = fc
  .tuple(fc.uint8Array({ maxLength: 3_000 }), fc.constantFrom("a.txt", "../../etc/passwd", 'x".png', "é😀.png", ""), fc.constantFrom("text/plain", "image/png", "application/x-evil", ""))
  .map(([bytes, name, type]) => new File([bytes], name, { type }) as FormDataEntryValue);

/*
 * Not fuzzed: field names naming actions ($ACTION_ID_…, $ACTION_REF_…) in posts without
 * JavaScript. Next.js answers an unknown action id 400 or 404 itself, but prints the error with
 * its stack each time, as it does for a client of an older deployment: nothing the app decides.
 */
/**
 * Control characters (other than tab, CR and LF, which FormData escapes) in a part's name or file
 * name make Next.js's multipart parser (busboy) throw "Malformed part header" before any action
 * runs: a 500 the app cannot answer otherwise, left out here (see the report of issue 6 item 15).
 */
const partHeaderSafe = (text: string) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "");

const randomFieldName = fc
  .oneof(
    fc.constantFrom("__proto__", "constructor", "$ACTION_KEY", "0", "_1_email", "", "a".repeat(2_000), "sub_1", "sub_99999999999", "sub_-1", 'a"b', "a\r\nb"),
    fc.string({ unit: "binary", maxLength: 12 }),
  )
  .map(partHeaderSafe);

/** The form's fields: each known one present (mostly), bad or plausible, sometimes twice or a file; plus unknown ones. */
function formFields(profile: ActionProfile, ctx: FuzzContext): fc.Arbitrary<[string, FormDataEntryValue][]> {
  const known = Object.entries(profile.fields(ctx)).map(([name, plausible]) =>
    fc.oneof(
      { weight: 8, arbitrary: field(plausible).map((value): [string, FormDataEntryValue][] => [[name, value]]) },
      { weight: 2, arbitrary: fc.constant<[string, FormDataEntryValue][]>([]) },
      { weight: 1, arbitrary: fc.tuple(field(plausible), field(plausible)).map(([a, b]): [string, FormDataEntryValue][] => [[name, a], [name, b]]) },
      { weight: 1, arbitrary: fileValue.map((file): [string, FormDataEntryValue][] => [[name, file]]) },
    ),
  );
  const patterned = profile.patternFields ? fc.array(fc.tuple(profile.patternFields(ctx), field(one(["allow", "refuse"]))), { maxLength: 3 }) : fc.constant([]);
  const extra = fc.array(fc.tuple(randomFieldName, fc.oneof(badText(5_000), fileValue)), { maxLength: 3 });
  return fc.tuple(fc.tuple(...known), patterned, extra).map(([fields, more, unknown]) => [...fields.flat(), ...more, ...unknown] as [string, FormDataEntryValue][]);
}

/**
 * A page whose form posts the action, [params] filled (the store segment too: the real store's,
 * or the default). Only those: Next.js answers an action posted to another page 404 and logs it
 * as an error of its own ("Failed to find Server Action"), as for a client of another deployment.
 */
function actionPage(action: ServerAction, ctx: FuzzContext): fc.Arbitrary<string> {
  return fc.tuple(one(action.pages), one(["_default", ...ctx.storeSlugs])).map(([page, store]) =>
    pageUrl(page, (param) => ({ store, slug: ctx.productSlugs[0], id: ctx.orderId, postcode: "-", query: "-" })[param] ?? "-"),
  );
}

/** The Origin a browser sends with a form post: this site's, mostly; another site's, or a broken one, sometimes. */
const origin = (ctx: FuzzContext) =>
  fc.oneof({ weight: 8, arbitrary: fc.constant(ctx.origin) }, { weight: 1, arbitrary: fc.constantFrom("null", "https://evil.example", "http://localhost:1", "not a url", `${ctx.origin}.evil.example`) });

/** Argument lists no form sends: nothing, scalars, objects where the form data goes, too many. */
function wrongArguments(fields: [string, FormDataEntryValue][], ctx: FuzzContext): fc.Arbitrary<unknown[]> {
  const form = () => fields.reduce((f, [k, v]) => (f.append(k, v), f), new FormData());
  const loose = fc.jsonValue({ maxDepth: 2 });
  return fc.oneof<fc.Arbitrary<unknown[]>[]>(
    fc.constant([]),
    fc.array(loose, { minLength: 1, maxLength: 3 }),
    loose.map((state) => [state, Object.fromEntries(fields.filter(([, v]) => typeof v === "string"))]),
    fc.constant(null).map(() => [form()]),
    fc.constant(null).map(() => [form(), form()]),
    loose.map((state) => [state, form(), state]),
    badText(1_000).map((t) => [{}, t]),
    fc.constant([{}, ctx.orderId]),
  );
}

export function actionProbes(action: ServerAction, ctx: FuzzContext): fc.Arbitrary<Probe> {
  const profile = ACTION_PROFILES[action.name] ?? { takes: "state" as const, fields: () => ({}) };
  const id = action.id!;
  const state = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) });
  return fc.tuple(formFields(profile, ctx), actionPage(action, ctx), origin(ctx), cookieHeader, sessions, state, fc.nat(99)).chain(([fields, page, from, cookie, session, previous, roll]) => {
    // From another site: refused by the web server's front door.
    const mustAnswer = from === ctx.origin ? undefined : [403];
    const base = { target: `action ${action.name}`, method: "POST", url: page, session, headers: { origin: from, ...cookie }, endsSession: profile.endsSession, mustAnswer };
    const form = () => fields.reduce((f, [k, v]) => (f.append(k, v), f), new FormData());
    const right: ActionCall = profile.takes === "state" ? { style: "fetch", id, args: [previous, form()] } : { style: "fetch", id, args: [form()] };
    const noJs: ActionCall = profile.takes === "state" ? { style: "no-js-state", id, state: previous, fields } : { style: "no-js-form", id, fields };
    // The other kind of no-JavaScript post than the action's forms make.
    const otherNoJs: ActionCall = profile.takes === "state" ? { style: "no-js-form", id, fields } : { style: "no-js-state", id, state: previous, fields };
    if (roll < 55) return fc.constant<Probe>({ ...base, action: right });
    if (roll < 80) return fc.constant<Probe>({ ...base, action: noJs });
    if (roll < 85) return fc.constant<Probe>({ ...base, action: otherNoJs });
    return wrongArguments(fields, ctx).map((args): Probe => ({ ...base, action: { style: "fetch", id, args } }));
  });
}

export const actionRuns = (action: ServerAction) => ACTION_PROFILES[action.name]?.runs ?? 45;
export const routeRuns = (route: Route) => ROUTE_PROFILES[route.pattern]?.runs ?? 30;
