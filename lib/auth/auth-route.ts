// Auth.js's endpoints under /api/auth, behind the checks it lacks: Auth.js answers a path it does
// not know, an invalid callbackUrl (query or cookie) or a broken JSON body with a "server
// configuration" error — a 500, or a redirect to ?error=Configuration — and logs each as an
// error; it copies a callbackUrl or an ?error= as they came into a Location header, which throws
// on characters a header cannot hold; its own 4xx carry no error body. Here such requests get a 4xx with the API's error body
// before Auth.js sees them, and a callback cookie it would choke on is dropped.
import { NextRequest } from "next/server";
import { readTextWithin } from "@/lib/api/body";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";

export const AUTH_BASE_PATH = "/api/auth";

/** The endpoints a browser and this app use: no OAuth, e-mail or WebAuthn providers here. */
const ENDPOINTS: Record<string, RegExp> = {
  GET: /^(?:session|csrf|providers|signin|signout|error)$/,
  POST: /^(?:session|signout|(?:signin|callback)\/(?:credentials|email-link))$/,
};

/**
 * Auth.js's own test of a callback URL (http(s), absolute or relative to the site), in printable
 * ASCII as browsers send URLs: Auth.js puts it in a Location header as it is, which throws on
 * other characters.
 */
export function isValidCallbackUrl(url: string): boolean {
  if (!/^[\x21-\x7e]+$/.test(url)) return false;
  try {
    return /^https?:/.test(new URL(url, url.startsWith("/") ? "http://localhost" : undefined).protocol);
  } catch {
    return false;
  }
}

/** Whether Auth.js has no endpoint at this path for this method (it would fail with a "configuration" error). */
export function unknownEndpoint(method: string, pathname: string): boolean {
  const rest = pathname.startsWith(`${AUTH_BASE_PATH}/`) ? pathname.slice(AUTH_BASE_PATH.length + 1) : null;
  return rest === null || !ENDPOINTS[method]?.test(rest);
}

/** Auth.js's cookie of where to go after signing in (its name on https, and on http). */
const CALLBACK_COOKIES = ["__Secure-authjs.callback-url", "authjs.callback-url"];

/** The Cookie header without callback-URL cookies Auth.js would refuse (with a 500). */
export function withoutBadCallbackCookie(cookieHeader: string): string {
  return cookieHeader
    .split(";")
    .map((pair) => pair.trim())
    .filter((pair) => {
      const at = pair.indexOf("=");
      if (at < 0 || !CALLBACK_COOKIES.includes(pair.slice(0, at).trim())) return true;
      const raw = pair.slice(at + 1).trim();
      let value = raw;
      try {
        value = decodeURIComponent(raw);
      } catch {
        return false;
      }
      return isValidCallbackUrl(value);
    })
    .join("; ");
}

/** The callbackUrl values of a body as Auth.js reads it: JSON, or a form (the last value wins there, all are checked here). */
function bodyCallbackUrls(contentType: string | null, body: string): unknown[] {
  if (contentType?.includes("application/json")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new ApiError("bad_request", "The request body must be valid JSON.");
    }
    return typeof parsed === "object" && parsed !== null && "callbackUrl" in parsed ? [parsed.callbackUrl] : [];
  }
  if (contentType?.includes("application/x-www-form-urlencoded")) return new URLSearchParams(body).getAll("callbackUrl");
  return [];
}

/** The request Auth.js may see, or the ApiError to answer instead. */
async function checkedRequest(request: Request): Promise<Request> {
  const url = new URL(request.url);
  if (unknownEndpoint(request.method, url.pathname)) throw new ApiError("not_found", "There is no such sign-in endpoint.");
  const headers = new Headers(request.headers);
  const cookie = headers.get("cookie");
  if (cookie) headers.set("cookie", withoutBadCallbackCookie(cookie));
  const body = request.method === "POST" ? await readTextWithin(request, 64 * 1024) : null;
  const callbackUrls = [...url.searchParams.getAll("callbackUrl"), ...(body === null ? [] : bodyCallbackUrls(headers.get("content-type"), body))];
  if (callbackUrls.some((callback) => typeof callback !== "string" || !isValidCallbackUrl(callback))) {
    throw new ApiError("bad_request", "Invalid callbackUrl.", { callbackUrl: ["must be a web address such as /account"] });
  }
  // Auth.js's error endpoint redirects to `/sign-in?error=${error}` with the value as it came.
  if (url.searchParams.getAll("error").some((error) => !/^[A-Za-z]{0,64}$/.test(error))) {
    throw new ApiError("bad_request", "Invalid query parameters.", { error: ["must be the name of an Auth.js error, such as CredentialsSignin"] });
  }
  return new NextRequest(url, { method: request.method, headers, ...(body === null ? {} : { body }) });
}

/**
 * Auth.js errors caused by what a client sent, not by the server: no CSRF token (a stale form), a
 * session cookie that does not decrypt (tampered with, or from before a secret change: reading
 * it is a JWTSessionError, signing out with it a SignOutError, as with JWT sessions and no
 * signOut event nothing else can fail there), an unknown endpoint or provider, a bad callback URL,
 * a refused sign-in. Auth.js reports each through its logger's `error`; they are warnings.
 */
const REQUEST_ERROR_TYPES = new Set([
  "CredentialsSignin",
  "MissingCSRF",
  "JWTSessionError",
  "SignOutError",
  "UnknownAction",
  "InvalidProvider",
  "InvalidCallbackUrl",
  "Verification",
  "AccessDenied",
]);

export function isRequestError(error: unknown): boolean {
  return error instanceof Error && REQUEST_ERROR_TYPES.has(String((error as { type?: unknown }).type));
}

type AuthHandler = (request: NextRequest) => Promise<Response>;

/** Auth.js's handler behind the checks; its own 4xx answers get the API's error body. */
export function authRoute(handler: AuthHandler) {
  // Not `personal`: Auth.js's redirects are Response.redirect()s, whose headers cannot be changed; it sets no-store itself.
  return apiHandler(async (request: Request) => {
    const response = await handler((await checkedRequest(request)) as NextRequest);
    if (response.status < 400 || response.status >= 500) return response;
    const refusal = errorResponse(new ApiError(response.status === 404 ? "not_found" : "bad_request", "The sign-in request was refused. Please reload the page and try again."));
    for (const setCookie of response.headers.getSetCookie()) refusal.headers.append("set-cookie", setCookie);
    return refusal;
  });
}
