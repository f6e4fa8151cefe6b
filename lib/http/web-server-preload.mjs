// Loaded before the web server (node --import ./lib/http/web-server-preload.mjs …/next start):
// every request gets its TCP peer appended to X-Forwarded-For, a page asked for on another host
// than PUBLIC_URL's is redirected there before Next.js (or anything that sets a cookie) runs, and
// requests Next.js would fail on (a broken path, a cross-site action) are refused with a 4xx, and
// the storefront's shared pages are declared cacheable by shared caches (lib/http/shared-cache.mjs).
// Every request is also given a request id and timed, /metrics is served on a port of its own, and
// a SIGTERM lets the requests in flight finish within a deadline (lib/http/observability.mjs).
import http from "node:http";
import { canonicalRedirect, frontDoorRefusal, withPeerAddress } from "./front-door.mjs";
import { observeRequest, startMetricsServer, stopGracefully } from "./observability.mjs";
import { declareSharedWhenSent, isSharedPageRequest } from "./shared-cache.mjs";

const hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
const options = { publicUrl: process.env.PUBLIC_URL, trustedHops: Number.isInteger(hops) && hops >= 0 ? hops : 0 };
const emit = http.Server.prototype.emit;
const metricsServer = startMetricsServer();
stopGracefully();

http.Server.prototype.emit = function emitThroughFrontDoor(event, request, response, ...rest) {
  if (event === "request" && request?.socket && this !== metricsServer) {
    return observeRequest(request, response, () => frontDoor.call(this, event, request, response, ...rest));
  }
  return emit.call(this, event, request, response, ...rest);
};

function frontDoor(event, request, response, ...rest) {
  if (event === "request" && request?.socket) {
    request.headers["x-forwarded-for"] = withPeerAddress(request.headers["x-forwarded-for"], request.socket.remoteAddress ?? "unknown");
    const refusal = frontDoorRefusal(request);
    if (refusal) {
      // Node.js discards the unread body once the answer is sent, and the connection stays usable.
      response.writeHead(refusal.status, { "content-type": refusal.contentType, "cache-control": "no-store", "x-content-type-options": "nosniff" }).end(refusal.body);
      return true;
    }
    const location = canonicalRedirect(request, options);
    if (location) {
      response.writeHead(307, { location, "cache-control": "no-store", "content-length": "0" }).end();
      return true;
    }
    if (isSharedPageRequest(request)) declareSharedWhenSent(response);
  }
  return emit.call(this, event, request, response, ...rest);
}
