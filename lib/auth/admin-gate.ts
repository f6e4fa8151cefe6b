// The back office's door, run by proxy.ts before any /admin page renders: with streaming pages
// the status is sent with the first byte, so this is where a shopper can still get a real 403.
// Visitors are sent to sign in; staff pass (pages and actions still check again themselves), but an
// agent opening another store's pages or orders (anyone: an unknown one) gets a 404 here, where the
// status can still be set.
import type { NextAuthRequest } from "next-auth";
import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { findOrderStoreId, getStoreBySlug } from "@/db/queries/stores";
import { FORM_FLASH_COOKIE, FORM_FLASH_HEADER } from "@/lib/backoffice/form-flash";
import { checkAccess, loadSessionUser, STAFF_ROLES, worksAtStore, type SessionUser } from "./access";
import { safeNextPath } from "./safe-path";

/** The page shown (with status 403) to signed-in people who are not staff. */
export const STAFF_ONLY_PATH = "/staff-only";

type WrappedGate = (request: NextRequest, context: { params: Promise<unknown> }) => Promise<Response | void> | Response | void;

const gate = async (request: NextAuthRequest): Promise<Response> => {
  // Read afresh from the database, like the guards: a role changed since sign-in counts now.
  const user = await loadSessionUser(getDb(), request.auth);
  const decision = checkAccess(user, STAFF_ROLES);
  const reading = request.method === "GET" || request.method === "HEAD";
  if (decision === "allowed") {
    // Another store's pages (and unknown stores and orders) do not exist: a real 404, sent before the page streams.
    if (reading && !(await pageExistsFor(user!, request.nextUrl.pathname))) return NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { status: 404 });
    return passFormFlash(request, reading);
  }
  if (decision === "unauthenticated") {
    if (!reading) return NextResponse.json({ error: { code: "unauthorized", message: "Sign in to use the back office." } }, { status: 401 });
    const next = safeNextPath(`${request.nextUrl.pathname}${request.nextUrl.search}`, "/admin");
    return NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent(next)}`, request.url));
  }
  if (!reading) return NextResponse.json({ error: { code: "forbidden", message: "The back office is for Halles staff." } }, { status: 403 });
  return NextResponse.rewrite(new URL(STAFF_ONLY_PATH, request.url), { status: 403 });
};

/**
 * Lets the request through with the form flash a form posted without JavaScript left
 * (lib/backoffice/form-flash.ts): on the next page read its cookie is moved into a request header
 * for that render only and cleared, so the errors show once. A header of that name from the
 * client is dropped. (Clearing the cookie here while the page reads the cookie would not work: the
 * page sees the cookies the proxy sets.)
 */
function passFormFlash(request: NextRequest, reading: boolean): NextResponse {
  const flash = reading ? request.cookies.get(FORM_FLASH_COOKIE)?.value : undefined;
  if (!flash && !request.headers.has(FORM_FLASH_HEADER)) return NextResponse.next();
  const headers = new Headers(request.headers);
  headers.delete(FORM_FLASH_HEADER);
  if (flash) headers.set(FORM_FLASH_HEADER, flash);
  const response = NextResponse.next({ request: { headers } });
  if (flash) response.cookies.set(FORM_FLASH_COOKIE, "", { path: "/admin", maxAge: 0, httpOnly: true, sameSite: "lax" });
  return response;
}

/** A path no page answers, rendered as the app's "not found" page. */
const NOT_FOUND_PATH = "/admin/not-found";

/**
 * Whether the store or order a path names exists for `user`: /admin/stores/<slug>/… and
 * /admin/orders/<id>/… name a store that exists and, for an agent, one they work at. Other paths
 * (and roles the page itself turns away) are left to the page.
 */
async function pageExistsFor(user: SessionUser, pathname: string): Promise<boolean> {
  if (user.role !== "agent" && user.role !== "admin") return true;
  const [, section, named] = /^\/admin\/(stores|orders)\/([^/]+)(?:\/|$)/.exec(pathname) ?? [];
  if (!section) return true;
  let name: string;
  try {
    name = decodeURIComponent(named);
  } catch {
    return false;
  }
  const storeId = section === "stores" ? ((await getStoreBySlug(getDb(), name))?.id ?? null) : await findOrderStoreId(getDb(), name);
  return storeId !== null && worksAtStore(user, storeId);
}

/** Lets staff through; redirects visitors to sign in; answers anyone else 403. */
export async function backOfficeGate(request: NextRequest): Promise<Response> {
  // Auth.js's wrapper decodes the session cookie (and refreshes it) around `gate`. With the lazily
  // read configuration of auth.ts, `auth(handler)` hands the wrapped handler back in a promise.
  const wrapped = await (auth(gate) as unknown as Promise<WrappedGate> | WrappedGate);
  return (await wrapped(request, { params: Promise.resolve({}) })) ?? NextResponse.next();
}
