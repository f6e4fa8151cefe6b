// The metrics every process shares, kept on globalThis so that the web server's preload and the
// app code Next.js bundles (prom-client is a server external package) fill one registry: the
// orders counted where they change, and the web's request latency. Plain JavaScript, for the preload.
import client from "prom-client";

const KEY = Symbol.for("halles.metrics");

/** Latency buckets (seconds) of web requests: cached pages take milliseconds, checkout up to seconds. */
export const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

function create() {
  const registry = new client.Registry();
  const registers = [registry];
  return {
    registry,
    ordersPlaced: new client.Counter({ name: "halles_orders_placed_total", help: "Orders placed at checkout (stock and slot held, payment page opened next).", registers }),
    ordersConfirmed: new client.Counter({ name: "halles_orders_confirmed_total", help: "Orders confirmed by a matching payment.", registers }),
    ordersCancelled: new client.Counter({
      name: "halles_orders_cancelled_total",
      help: 'Orders cancelled, by actor ("customer", "agent", "stripe", "system") and reason (a known code, else "other").',
      labelNames: ["actor", "reason"],
      registers,
    }),
    ordersCaptured: new client.Counter({ name: "halles_orders_captured_total", help: "Picked orders whose payment was captured.", registers }),
    httpDuration: new client.Histogram({
      name: "halles_http_request_duration_seconds",
      help: "Web requests from arrival to the last byte sent, by route pattern, method and status class.",
      labelNames: ["route", "method", "status"],
      buckets: HTTP_BUCKETS,
      registers,
    }),
  };
}

/** This process's shared metrics, made on first use. */
export function sharedMetrics() {
  return (globalThis[KEY] ??= create());
}
