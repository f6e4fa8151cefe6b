// The web server's self-monitoring, loaded by lib/http/web-server-preload.mjs before Next.js:
// every request gets a request id (a well-formed X-Request-Id from the gateway, else a new one)
// that its log lines and the jobs it enqueues carry, and its latency is timed by route pattern;
// Prometheus reads the metrics on a port of their own (METRICS_PORT), never on the public one; and
// on SIGTERM the requests in flight get WEB_SHUTDOWN_GRACE_MS to finish before the process exits.
import http from "node:http";
import client from "prom-client";
import { sharedMetrics } from "../metrics/shared.mjs";
import { acceptedRequestId, newRequestId, withRequestId } from "../request-id.mjs";
import { loadRouteMatchers, routeOf } from "./route-patterns.mjs";

const metrics = sharedMetrics();
let matchers = null;
/** The responses of the requests received and not yet answered (or abandoned). */
const inFlight = new Set();
new client.Gauge({
  name: "halles_http_requests_in_flight",
  help: "Web requests received and not yet answered.",
  registers: [metrics.registry],
  collect() {
    this.set(inFlight.size);
  },
});
/** Set on SIGTERM/SIGINT: see stopGracefully. */
let stopping = false;

/** One JSON line in pino's shape: the preload runs before the app's logger exists. */
const log = (level, msg, fields = {}) =>
  console[level >= 50 ? "error" : "log"](JSON.stringify({ level, time: Date.now(), service: process.env.HALLES_SERVICE ?? "web", pid: process.pid, ...fields, msg }));

/**
 * Gives the request its id (header in and out) and times it, then runs `next` under that id.
 * The route is named once the response is done (the manifest is read on first use, after the build).
 */
export function observeRequest(request, response, next) {
  const requestId = acceptedRequestId(request.headers["x-request-id"]) ?? newRequestId();
  request.headers["x-request-id"] = requestId;
  response.setHeader("X-Request-Id", requestId);
  const started = process.hrtime.bigint();
  inFlight.add(response);
  if (stopping) response.shouldKeepAlive = false;
  response.once("close", () => {
    inFlight.delete(response);
    if (stopping && inFlight.size === 0) log(30, "stopping: no request in flight any more");
    matchers ??= loadRouteMatchers();
    const status = response.writableFinished ? `${Math.floor(response.statusCode / 100)}xx` : "aborted";
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.httpDuration.observe({ route: routeOf(request.url, matchers), method: methodLabel(request.method), status }, seconds);
  });
  // Draining: readiness says so before Next.js is asked (a load balancer stops sending here).
  if (stopping && (request.url ?? "").split("?", 1)[0] === "/api/health/ready") {
    response.writeHead(503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(`${JSON.stringify({ status: "stopping" })}\n`);
    return true;
  }
  return withRequestId(requestId, next);
}

/**
 * On SIGTERM/SIGINT Next.js (start-server.js) closes the listening socket and the idle keep-alive
 * connections, waits for the requests in flight, then exits. Here: readiness answers 503 and
 * every answer closes its connection from then on, and a request that does not finish within
 * WEB_SHUTDOWN_GRACE_MS (default 25 s) no longer holds the process: it exits 1, saying how many were left.
 */
export function stopGracefully() {
  const graceMs = Number(process.env.WEB_SHUTDOWN_GRACE_MS ?? 25_000);
  const onSignal = (signal) => {
    if (stopping) return;
    stopping = true;
    // Their connections close once they are answered, rather than idling on keep-alive.
    for (const response of inFlight) if (!response.headersSent) response.shouldKeepAlive = false;
    log(30, "stopping: no new connections; finishing the requests in flight", { signal, inFlight: inFlight.size, graceMs });
    setTimeout(() => {
      log(50, "shutdown took too long; exiting", { inFlight: inFlight.size, graceMs });
      process.exit(1);
    }, Number.isFinite(graceMs) && graceMs > 0 ? graceMs : 25_000).unref();
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const methodLabel = (method) => (METHODS.has(method) ? method : "other");

function portSetting(name, fallback) {
  const text = process.env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value > 65_535) {
    console.error(JSON.stringify({ level: 60, time: Date.now(), service: "web", msg: `failed to start: ${name} must be a port number, got "${text}"` }));
    process.exit(1);
  }
  return value;
}

/**
 * `GET /metrics` on METRICS_PORT (unset: no metrics server) and METRICS_HOST (default 127.0.0.1;
 * containers set 0.0.0.0): this process's metrics in Prometheus's text format.
 */
export function startMetricsServer() {
  const port = portSetting("METRICS_PORT", null);
  metrics.registry.setDefaultLabels({ service: process.env.HALLES_SERVICE ?? "web" });
  client.collectDefaultMetrics({ register: metrics.registry });
  if (port === null) return null;
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    if (path !== "/metrics") return res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    metrics.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": metrics.registry.contentType, "cache-control": "no-store" }).end(text),
      () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics unavailable\n"),
    );
  });
  server.on("error", (error) => {
    const reason = error.code === "EADDRINUSE" ? `port ${port} is in use (set METRICS_PORT to a free port)` : error.message;
    console.error(JSON.stringify({ level: 60, time: Date.now(), service: "web", msg: `failed to start the metrics server: ${reason}` }));
    process.exit(1);
  });
  server.listen(port, process.env.METRICS_HOST || "127.0.0.1");
  server.unref();
  return server;
}
