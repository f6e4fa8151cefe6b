// The small HTTP server of every worker service: liveness, readiness and Prometheus metrics.
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";
import { isAddressInUse, portInUseError } from "@/lib/net/port-in-use";

export type ReadinessReport = { ready: boolean; checks: Record<string, string> };

export type HealthServerOptions = {
  port: number;
  host?: string;
  service: string;
  registry: Registry;
  readiness: () => Promise<ReadinessReport>;
};

/** `host` and `port` are the address actually bound (`port: 0` picks one). */
export type HealthServer = { host: string; port: number; close(): Promise<void> };

function send(res: ServerResponse, status: number, body: string, contentType: string): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(body);
}

const json = (res: ServerResponse, status: number, body: unknown) =>
  send(res, status, `${JSON.stringify(body)}\n`, "application/json; charset=utf-8");

/**
 * `GET /health` 200 while the process lives; `GET /health/ready` 200 when every readiness check
 * passes, else 503; `GET /metrics` the registry in Prometheus text format. A port another program
 * holds rejects with PortInUseError, which names it, its owner and HEALTH_PORT.
 */
export async function startHealthServer(options: HealthServerOptions): Promise<HealthServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method !== "GET" && req.method !== "HEAD") return json(res, 405, { error: "method not allowed" });
    if (path === "/health") return json(res, 200, { status: "ok", service: options.service });
    if (path === "/health/ready") {
      options.readiness().then(
        (report) => json(res, report.ready ? 200 : 503, { status: report.ready ? "ready" : "unavailable", service: options.service, ...report }),
        () => json(res, 503, { status: "unavailable", service: options.service }),
      );
      return;
    }
    if (path === "/metrics") {
      options.registry.metrics().then(
        (text) => send(res, 200, text, options.registry.contentType),
        () => json(res, 500, { error: "metrics unavailable" }),
      );
      return;
    }
    json(res, 404, { error: "not found" });
  });
  await new Promise<void>((resolve, reject) => {
    const fail = (error: Error) =>
      reject(isAddressInUse(error) ? portInUseError({ port: options.port, purpose: `${options.service} health server`, variable: "HEALTH_PORT" }) : error);
    server.once("error", fail);
    server.listen(options.port, options.host, () => {
      server.off("error", fail);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    host: address.address,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
