// A worker's health server: on 127.0.0.1 unless HEALTH_HOST says otherwise, and a clear fatal
// line naming HEALTH_PORT when its port is taken.
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { holdPort } from "@/tests/ports";
import { spawnWorker } from "@/tests/worker-process";
import { workerEnv } from "./config";
import { startHealthServer } from "./health-server";

describe("start-up and ports (issue 6 item 11): worker health servers", () => {
  it("listen on 127.0.0.1 by default", async () => {
    expect(process.env.HEALTH_HOST).toBeUndefined();
    const server = await startHealthServer({
      port: 0,
      host: workerEnv().HEALTH_HOST, // as workers/runtime.ts passes it
      service: "host-test",
      registry: new Registry(),
      readiness: async () => ({ ready: true, checks: {} }),
    });
    try {
      expect(server.host).toBe("127.0.0.1");
    } finally {
      await server.close();
    }
  });

  it("end the service with one fatal line naming the port, its owner and HEALTH_PORT when the port is taken", async () => {
    const held = await holdPort("127.0.0.1");
    try {
      const worker = spawnWorker("workers/scheduler.ts", { HEALTH_PORT: String(held.port) });
      expect(await worker.exited).toBe(1);
      const lines = worker.stderr().trim().split("\n");
      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]) as Record<string, unknown>;
      expect(line).toMatchObject({ level: "fatal", service: "scheduler", code: "port_in_use" });
      expect(line.msg).toContain(`Port ${held.port} (scheduler health server) is already in use by`);
      expect(line.msg).toContain(`(pid ${process.pid}`);
      expect(line.msg).toContain("set HEALTH_PORT to a free port");
      expect(worker.logs.filter((l) => l.level >= 50)).toEqual([]); // nothing else went wrong
    } finally {
      await held.release();
    }
  }, 30_000);
});
