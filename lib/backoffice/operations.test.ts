import { describe, expect, it } from "vitest";
import { summarizePayload } from "@/db/queries/job-queue";
import type { ServiceInstance } from "@/db/queries/service-heartbeats";
import { formatAge, instancesByService, operationsVersion, type OperationsView } from "./operations";

const instance = (service: string, instanceId: string): ServiceInstance => ({
  instanceId,
  service,
  hostName: "host",
  pid: 1,
  version: "0.1.0",
  status: "ready",
  checks: {},
  startedAt: new Date(0),
  lastSeenAt: new Date(0),
  ageSeconds: 1,
});

describe("operations page helpers", () => {
  it("says heartbeat ages in seconds, minutes, hours and days", () => {
    expect([4.9, 59, 60, 3_599, 3_600 + 5 * 60, 2 * 86_400].map(formatAge)).toEqual(["4 s", "59 s", "1 min", "59 min", "1 h 5 min", "2 d"]);
  });

  it("lists every known service, in order, even without a process, then any other that reported", () => {
    const grouped = instancesByService([instance("scheduler", "a"), instance("web", "b"), instance("web", "c"), instance("reporting", "d")]);
    expect(grouped.map((g) => [g.service, g.instances.map((i) => i.instanceId)])).toEqual([
      ["web", ["b", "c"]],
      ["order-worker", []],
      ["notification-worker", []],
      ["scheduler", ["a"]],
      ["reporting", ["d"]],
    ]);
  });

  it("hides secrets in a payload and keeps it to one short line", () => {
    expect(summarizePayload({ userId: "u1", kind: "reset-password", token: "abcdefghijklmnopqrstuvwxyz", nested: { apiSecret: "s" } })).toBe(
      '{"userId":"u1","kind":"reset-password","token":"[hidden]","nested":{"apiSecret":"[hidden]"}}',
    );
    expect(summarizePayload({ tags: Array.from({ length: 50 }, (_, n) => `stock:${n}`) })).toHaveLength(160);
    expect(summarizePayload(null)).toBe("null");
  });

  it("moves the version token when a process changes state, and every 10 s", () => {
    const view: OperationsView = { instances: [instance("web", "a")], queue: [], failed: [] };
    const down: OperationsView = { ...view, instances: [{ ...view.instances[0], status: "down" }] };
    expect(operationsVersion(view, 1_000)).toBe(operationsVersion(view, 9_000));
    expect(operationsVersion(view, 1_000)).not.toBe(operationsVersion(view, 11_000));
    expect(operationsVersion(view, 1_000)).not.toBe(operationsVersion(down, 1_000));
  });
});
