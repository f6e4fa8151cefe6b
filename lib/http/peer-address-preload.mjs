// Loaded before the web server (node --import ./lib/http/peer-address-preload.mjs …/next start):
// appends each request's TCP peer address to X-Forwarded-For, as a proxy would. Next.js only sets
// the header when the client did not send one, so without this a client could choose its own
// address and slip past every per-address limit (lib/http/client-address.ts reads it).
import http from "node:http";

const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithPeerAddress(event, request, ...rest) {
  if (event === "request" && request?.socket) {
    const peer = request.socket.remoteAddress ?? "unknown";
    const forwarded = request.headers["x-forwarded-for"];
    request.headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  }
  return emit.call(this, event, request, ...rest);
};
