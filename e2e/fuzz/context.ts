// What the fuzzer's requests share: the real rows and sessions they use (FuzzContext), who sends
// them, and the tampered cookies some of them carry.
import fc from "fast-check";
import type { Session } from "./client";
import { badText } from "./inputs";

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

export type Plausible = (ctx: FuzzContext) => fc.Arbitrary<string>;

export const one = <T>(values: T[]) => fc.constantFrom(...values);
export const ids = (ctx: FuzzContext) => one(ctx.variantIds.map(String));
export const uuid = () => fc.uuid();
export const slug = (values: (ctx: FuzzContext) => string[]) => (ctx: FuzzContext) => fc.oneof(one(values(ctx)), fc.stringMatching(/^[a-z0-9-]{1,30}$/));
/** Who sends a request; the customer most often, as most routes and actions have more behind the session check. */
export const sessions = fc.oneof({ weight: 1, arbitrary: fc.constant<Session>("visitor") }, { weight: 1, arbitrary: fc.constant<Session>("guest") }, { weight: 2, arbitrary: fc.constant<Session>("customer") });

/** Cookies a browser should not have: the app's and Auth.js's, tampered with. */
const COOKIE_NAMES = ["authjs.session-token", "authjs.callback-url", "authjs.csrf-token", "halles_store", "halles_basket"];
const badCookie = fc
  .tuple(one(COOKIE_NAMES), fc.oneof(badText(2_000), fc.uuid(), fc.constantFrom("javascript:alert(1)", "https://evil.example/", "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2Q0JDLUhTNTEyIn0..x.y.z")))
  .map(([name, value]) => `${name}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, ""))}`);
/** Sometimes a tampered cookie, sent instead of the session's own (client.ts sends those otherwise). */
export const cookieHeader = fc.oneof({ weight: 6, arbitrary: fc.constant<Record<string, string>>({}) }, { weight: 1, arbitrary: fc.array(badCookie, { minLength: 1, maxLength: 3 }).map((c) => ({ cookie: c.join("; ") })) });
