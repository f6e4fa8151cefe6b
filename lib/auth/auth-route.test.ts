// Requests Auth.js would answer with a "configuration" error (a 500, logged as an error) are
// answered 4xx with the API's error body before it sees them (issue 6 item 15, found by the fuzzer).
import { describe, expect, it, vi } from "vitest";
import { authRoute, isRequestError, isValidCallbackUrl, unknownEndpoint, withoutBadCallbackCookie } from "./auth-route";

const BASE = "http://127.0.0.1:3000";

type Seen = { url: string; cookie: string | null; body: string | null };

function route(answer: () => Response = () => Response.json({ ok: true })) {
  const seen: { last?: Seen } = {};
  const handler = vi.fn(async (request: Request) => {
    const { pathname, search } = new URL(request.url);
    seen.last = { url: `${pathname}${search}`, cookie: request.headers.get("cookie"), body: request.method === "POST" ? await request.text() : null };
    return answer();
  });
  const call = (path: string, init: RequestInit = {}) => authRoute(handler)(new Request(`${BASE}${path}`, init), undefined);
  return { handler, seen, call };
}

const errorOf = async (response: Response) => ((await response.json()) as { error: { code: string; message: string } }).error;

describe("Auth.js's endpoints behind checks (issue 6 item 15)", () => {
  it("knows the endpoints a browser and the app use", () => {
    for (const path of ["session", "csrf", "providers", "signin", "signout", "error"]) expect(unknownEndpoint("GET", `/api/auth/${path}`), path).toBe(false);
    for (const path of ["session", "signout", "callback/credentials", "callback/email-link", "signin/credentials"]) expect(unknownEndpoint("POST", `/api/auth/${path}`), path).toBe(false);
    for (const [method, path] of [
      ["GET", "/api/auth/nope"],
      ["GET", "/api/auth/callback/credentials"],
      ["GET", "/api/auth/webauthn-options"],
      ["GET", "/api/auth/verify-request"],
      ["POST", "/api/auth/callback/nope"],
      ["POST", "/api/auth/signin%2Fcredentials"],
      ["POST", "/api/auth/session/x"],
      ["PUT", "/api/auth/session"],
      ["GET", "/api/authx/session"],
    ]) {
      expect(unknownEndpoint(method, path), `${method} ${path}`).toBe(true);
    }
  });

  it("tests callback URLs as Auth.js does", () => {
    for (const url of ["/account", "https://evil.example/", "http://127.0.0.1:3000/basket"]) expect(isValidCallbackUrl(url), url).toBe(true);
    for (const url of ["javascript:alert(1)", " ", "NaN", "\u202eevil", "data:text/html,x", "//", "/account/\ua309", "/a b", "/\u0000"]) expect(isValidCallbackUrl(url), url).toBe(false);
  });

  it("drops a callback cookie Auth.js would refuse, and keeps the others", () => {
    expect(withoutBadCallbackCookie("a=1; authjs.callback-url=javascript%3Aalert(1); b=2")).toBe("a=1; b=2");
    expect(withoutBadCallbackCookie("__Secure-authjs.callback-url=%E0%A4%A; b=2")).toBe("b=2");
    expect(withoutBadCallbackCookie("authjs.callback-url=%2Faccount; authjs.session-token=x")).toBe("authjs.callback-url=%2Faccount; authjs.session-token=x");
  });

  it("answers an unknown endpoint 404 without calling Auth.js", async () => {
    const { handler, call } = route();
    const response = await call("/api/auth/callback/nope", { method: "POST", body: "x=1" });
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toMatchObject({ code: "not_found" });
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers an invalid callbackUrl 400, and a broken JSON body", async () => {
    const { handler, call } = route();
    expect((await call("/api/auth/session?callbackUrl=javascript:alert(1)")).status).toBe(400);
    const broken = await call("/api/auth/session", { method: "POST", headers: { "content-type": "application/json" }, body: "{" });
    expect(broken.status).toBe(400);
    expect(await errorOf(broken)).toMatchObject({ code: "bad_request", message: "The request body must be valid JSON." });
    // In a body: Auth.js would redirect there, and a Location header cannot hold "ꌉ".
    const form = { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" } };
    expect((await call("/api/auth/signout", { ...form, body: "csrfToken=t&callbackUrl=%2F%EA%8C%89" })).status).toBe(400);
    const json = { method: "POST", headers: { "content-type": "application/json" } };
    expect((await call("/api/auth/session", { ...json, body: JSON.stringify({ callbackUrl: 42 }) })).status).toBe(400);
    expect(handler).not.toHaveBeenCalled();
    expect((await call("/api/auth/signout", { ...form, body: "csrfToken=t&callbackUrl=%2Faccount" })).status).toBe(200);
  });

  it("answers an ?error= that is not the name of an Auth.js error 400 (Auth.js copies it into a Location header)", async () => {
    const { handler, call } = route();
    for (const error of ["%EA%8C%89", "a%0D%0ASet-Cookie:%20x=1", "1", "Configuration%22"]) expect((await call(`/api/auth/error?error=${error}`)).status, error).toBe(400);
    expect(handler).not.toHaveBeenCalled();
    expect((await call("/api/auth/error?error=CredentialsSignin")).status).toBe(200);
  });

  it("passes good requests on, with their body and without a bad callback cookie", async () => {
    const { seen, call } = route();
    const response = await call("/api/auth/callback/credentials?callbackUrl=%2Faccount", {
      method: "POST",
      headers: { cookie: "authjs.csrf-token=t; authjs.callback-url=javascript:x", "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=t&email=a%40b.c",
    });
    expect(response.status).toBe(200);
    expect(seen.last).toEqual({ url: "/api/auth/callback/credentials?callbackUrl=%2Faccount", cookie: "authjs.csrf-token=t", body: "csrfToken=t&email=a%40b.c" });
  });

  it("gives Auth.js's own 4xx the error body, and leaves its redirects alone", async () => {
    const bad = await route(() => Response.json("Bad request.", { status: 400 })).call("/api/auth/session");
    expect(bad.status).toBe(400);
    expect(await errorOf(bad)).toMatchObject({ code: "bad_request" });
    const redirect = await route(() => Response.redirect(`${BASE}/sign-in?error=MissingCSRF`)).call("/api/auth/signout", { method: "POST", body: "" });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get("location")).toBe(`${BASE}/sign-in?error=MissingCSRF`);
  });
});

describe("Auth.js errors a client caused are told from server errors (issue 6 item 15: each was logged as an error)", () => {
  // As Auth.js's errors are: each class's static `type` on the instance.
  const authError = (type: string) => Object.assign(new Error("x"), { type });

  it("a refused request: no CSRF token, a session cookie that does not decrypt, a bad callback URL…", () => {
    for (const type of ["CredentialsSignin", "MissingCSRF", "JWTSessionError", "SignOutError", "UnknownAction", "InvalidProvider", "InvalidCallbackUrl", "Verification", "AccessDenied"]) {
      expect(isRequestError(authError(type)), type).toBe(true);
    }
  });

  it("a server's problem: configuration, the database behind authorize(), anything else", () => {
    for (const type of ["MissingSecret", "CallbackRouteError", "SessionTokenError", "AdapterError", "AuthError"]) expect(isRequestError(authError(type)), type).toBe(false);
    expect(isRequestError(new TypeError("boom"))).toBe(false);
    expect(isRequestError("MissingCSRF")).toBe(false);
  });
});
