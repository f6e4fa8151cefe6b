// The web server's front door, pure (lib/http/web-server-preload.mjs applies it to every request
// before Next.js sees it): the client's address recorded as a proxy would, and one canonical host.
// Plain JavaScript, as node loads it ahead of the app; front-door.d.mts types it for the tests.

/**
 * X-Forwarded-For with the TCP peer appended. Next.js only fills the header when the client sent
 * none, so without this a client could choose its own address (lib/http/client-address.ts).
 */
export function withPeerAddress(forwardedFor, peer) {
  const value = Array.isArray(forwardedFor) ? forwardedFor.join(", ") : forwardedFor;
  return value ? `${value}, ${peer}` : peer;
}

/** Paths that are never pages: the API, Next.js's assets, product images. */
const NOT_PAGES = /^\/(?:api|_next|images)(?:\/|$)/;

/**
 * Where to send a page request made to a host other than PUBLIC_URL's (127.0.0.1 for localhost, a
 * bare domain for www…), or null. Documents only: RSC requests come from pages already on the
 * canonical host, or from Next.js following an action's redirect through its own origin.
 */
export function canonicalRedirect(request, options) {
  if (!options.publicUrl || (request.method !== "GET" && request.method !== "HEAD")) return null;
  const path = request.url ?? "/";
  if (NOT_PAGES.test(path) || request.headers.rsc !== undefined) return null;
  const forwardedHost = options.trustedHops > 0 ? String(request.headers["x-forwarded-host"] ?? "").split(",").at(-1)?.trim() : "";
  const host = (forwardedHost || request.headers.host || "").toLowerCase();
  const canonical = new URL(options.publicUrl);
  if (!host || host === canonical.host.toLowerCase()) return null;
  // Joined as text: resolving "//evil.example" against the origin would make it a host.
  return `${canonical.origin}${path.startsWith("/") ? path : `/${path}`}`;
}

/**
 * A path that is not valid percent-encoded UTF-8 ("%", "%zz", "%C0%AF", "%ED%A0%80"): Next.js
 * cannot decode it, and answers a route handler's [param] with a 500. Refused with a 400 here.
 */
export function hasMalformedPath(url) {
  const raw = url ?? "/";
  const path = raw.startsWith("/") ? raw.split("?")[0] : raw.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("?")[0];
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/**
 * A server action posted from another site: Next.js's own check (its origin's host against
 * X-Forwarded-Host's first value, else Host; an Origin of "null" never matches) refuses it with a
 * 500 and an error in the log, and an Origin that is not a URL makes it throw. The same rule,
 * answered 403 here. Only what Next.js checks: multipart posts and Next-Action calls to pages,
 * with an Origin (requests without one are let through, as Next.js does). next.config.ts sets no
 * serverActions.allowedOrigins; if it ever does, they must be allowed here too.
 */
export function isCrossSiteActionPost(request) {
  if (request.method !== "POST" || NOT_PAGES.test(request.url ?? "/")) return false;
  const { origin, "content-type": type, "next-action": action } = request.headers;
  if (typeof origin !== "string") return false;
  if (action === undefined && !String(type ?? "").startsWith("multipart/form-data")) return false;
  let originHost = "null";
  if (origin !== "null") {
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
  }
  const forwarded = request.headers["x-forwarded-host"];
  const forwardedHost = (Array.isArray(forwarded) ? forwarded[0] : forwarded?.split(",")[0])?.trim();
  return originHost !== (forwardedHost || request.headers.host);
}

/** The answer the front door gives instead of the app, or null: a JSON error body on the API, text elsewhere. */
export function frontDoorRefusal(request) {
  const refuse = (status, code, message) =>
    /^\/api(?:[/?]|$)/.test(request.url ?? "")
      ? { status, contentType: "application/json", body: JSON.stringify({ error: { code, message } }) }
      : { status, contentType: "text/plain; charset=utf-8", body: message };
  if (hasMalformedPath(request.url)) return refuse(400, "bad_request", "The URL's path is not valid percent-encoded UTF-8.");
  if (isCrossSiteActionPost(request)) return refuse(403, "forbidden", "Forms are only accepted from this site's own pages.");
  return null;
}
