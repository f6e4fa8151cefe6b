import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { currentRequestId } from "@/lib/request-id.mjs";
import { createWorkerMetrics } from "./metrics";
import { buildTaskList } from "./task-runner";

const log = pino({ level: "silent" });
const helpers = (attempts: number) => ({ job: { id: "1", attempts, max_attempts: 3 } }) as never;

describe("task runner", () => {
  it("runs each attempt under its payload's request id, dropping a malformed one", async () => {
    const seen: (string | undefined)[] = [];
    const metrics = createWorkerMetrics("test");
    const tasks = buildTaskList({ "capture-payment": async () => void seen.push(currentRequestId()) }, { db: {} as Database, log, metrics });
    const orderId = "6a1f6f55-4c39-4d55-9f4b-0f6d8c2f4c1e";
    await tasks["capture-payment"]!({ orderId, requestId: "req-0123456789" }, helpers(1));
    await tasks["capture-payment"]!({ orderId, requestId: "bad id" }, helpers(1));
    await tasks["capture-payment"]!({ orderId }, helpers(1));
    expect(seen).toEqual(["req-0123456789", undefined, undefined]);
  });

  it("counts attempts after the first as retries, whatever their outcome", async () => {
    const metrics = createWorkerMetrics("test");
    const tasks = buildTaskList(
      {
        "capture-payment": async () => {
          throw new Error("Stripe is down");
        },
      },
      { db: {} as Database, log, metrics },
    );
    const payload = { orderId: "6a1f6f55-4c39-4d55-9f4b-0f6d8c2f4c1e" };
    await expect(tasks["capture-payment"]!(payload, helpers(1))).rejects.toThrow("Stripe is down");
    await expect(tasks["capture-payment"]!(payload, helpers(2))).rejects.toThrow("Stripe is down");
    const value = async (name: string) => (await metrics.registry.getSingleMetric(name)!.get()).values.find((v) => v.labels.task === "capture-payment")?.value;
    expect(await value("jobs_retried_total")).toBe(1);
    expect(await value("jobs_failed_total")).toBe(2);
  });
});
