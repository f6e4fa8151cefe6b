// The shared worker runtime: health, readiness and metrics endpoints of a running service, a job
// picked up by its runner, and a clean stop.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { Registry } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase } from "@/db/client";
import { orderLines, orders, serviceHeartbeats, slots, stores, users } from "@/db/schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { parsePrometheusText, sampleSum } from "@/tests/prometheus-text";
import { createMailCapture, type MailCapture } from "@/tools/mail-capture/server";
import { startHealthServer } from "./lib/health-server";
import { startWorkerService, type WorkerService } from "./runtime";
import { sendOrderEmailTask } from "./tasks/send-order-email";

process.env.LOG_LEVEL = "silent";

let service: WorkerService;
let capture: MailCapture;
let transport: MailTransport;
let base: string;

beforeAll(async () => {
  capture = await createMailCapture({ smtpPort: 0, httpPort: 0 });
  transport = createMailTransport(`smtp://127.0.0.1:${capture.smtpPort}`);
  service = await startWorkerService({
    name: "test-worker",
    tasks: { "send-order-email": sendOrderEmailTask({ transport, from: "Halles <orders@halles.test>" }) },
    concurrency: 2,
    healthPort: 0,
    handleSignals: false,
    onShutdown: () => transport.close(),
  });
  base = `http://127.0.0.1:${service.healthPort}`;
});

afterAll(async () => {
  await service.stop();
  await capture.close();
});

async function confirmedOrder(): Promise<{ id: string; contactEmail: string }> {
  const { db } = service;
  const [{ id: storeId }] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, "lyon-part-dieu"));
  const [{ id: userId }] = await db
    .insert(users)
    .values({ email: `runtime-${randomUUID()}@example.test`, name: "Runtime Test", passwordHash: "not-used" })
    .returning({ id: users.id });
  const startsAt = new Date(Date.now() + 2 * 86_400_000);
  const [{ id: slotId }] = await db
    .insert(slots)
    .values({ storeId, kind: "collection", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), capacity: 5 })
    .returning({ id: slots.id });
  const [order] = await db
    .insert(orders)
    .values({
      number: `T-${randomUUID().slice(0, 8)}`,
      userId,
      storeId,
      slotId,
      slotStartsAt: startsAt,
      fulfilment: "collection",
      status: "confirmed",
      contactEmail: `runtime-${randomUUID().slice(0, 8)}@example.test`,
      subtotalCents: 500,
      deliveryFeeCents: 0,
      totalCents: 500,
      authorizedCents: 500,
      expiresAt: new Date(Date.now() + 1_800_000),
    })
    .returning();
  await db.insert(orderLines).values({
    orderId: order.id,
    productName: "Baguette",
    sizeLabel: "250 g",
    sku: "BAGUETTE",
    sellingMode: "unit",
    unitPriceCents: 125,
    quantity: 4,
    vatRateBp: 550,
    lineTotalCents: 500,
    substitution: "allow",
    position: 0,
  });
  return order;
}

async function waitFor<T>(read: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("worker runtime", () => {
  it("answers liveness and readiness", async () => {
    const live = await fetch(`${base}/health`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok", service: "test-worker" });
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", checks: { database: "ok", runner: "running" } });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
  });

  it("runs an enqueued job and reports it in the Prometheus metrics", async () => {
    const order = await confirmedOrder();
    await service.db.transaction((tx) => enqueueJob(tx, "send-order-email", { orderId: order.id, kind: "confirmed" }));
    await waitFor(() => capture.messages().find((m) => m.to.includes(order.contactEmail)));

    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    // The e-mail is out before the job's last writes: the job counts once its handler has returned.
    let text = await response.text();
    const sample = (metric: string, ...labels: string[]) =>
      text.split("\n").find((line) => line.startsWith(`${metric}{`) && labels.every((l) => line.includes(l)));
    await expect
      .poll(async () => {
        text = await (await fetch(`${base}/metrics`)).text();
        return sample("jobs_completed_total", 'task="send-order-email"', 'service="test-worker"');
      })
      .toMatch(/ [1-9]\d*$/);
    expect(sample("job_duration_seconds_count", 'task="send-order-email"', 'outcome="completed"')).toMatch(/ [1-9]\d*$/);
    expect(text).toContain("# TYPE jobs_failed_total counter");
    expect(text).toContain("# TYPE jobs_ready gauge");
    expect(text).toContain("process_cpu_seconds_total");
    // Strictly parsed: the queue's gauges and this process's connections per pool (issue 9).
    const families = parsePrometheusText(text);
    for (const name of ["jobs_ready", "jobs_running", "jobs_oldest_ready_age_seconds", "halles_db_connections"]) expect(families.get(name)?.type, name).toBe("gauge");
    expect(sampleSum(families, "halles_db_pool_max", { pool: "queue", service: "test-worker" })).toBe(4);
    // graphile-worker's pool holds its LISTEN connection, idle between notifications.
    expect(sampleSum(families, "halles_db_connections", { pool: "queue", state: "idle" })).toBeGreaterThanOrEqual(1);
    expect(families.get("halles_orders_confirmed_total")?.type).toBe("counter");
  });

  it("reports 503 when a readiness check fails", async () => {
    const server = await startHealthServer({
      port: 0,
      service: "down",
      registry: new Registry(),
      readiness: async () => ({ ready: false, checks: { database: "unreachable", runner: "stopped" } }),
    });
    try {
      const response = await fetch(`http://127.0.0.1:${server.port}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", checks: { database: "unreachable" } });
      expect((await fetch(`http://127.0.0.1:${server.port}/health`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("stops: the health server closes, the service heartbeat says stopped, and stopping again is harmless", async () => {
    // The service's own pool is closed by stop(): read the row with another one.
    const { db, sql: pool } = createDatabase(process.env.DATABASE_URL!, 1);
    const heartbeat = () => db.select({ state: serviceHeartbeats.state, checks: serviceHeartbeats.checks }).from(serviceHeartbeats).where(and(eq(serviceHeartbeats.service, "test-worker"), eq(serviceHeartbeats.pid, process.pid)));
    try {
      await expect.poll(heartbeat).toEqual([{ state: "ready", checks: { database: "ok", runner: "running" } }]);
      await service.stop();
      await expect(fetch(`${base}/health`)).rejects.toThrow();
      expect(await heartbeat()).toEqual([{ state: "stopped", checks: {} }]);
      await service.stop();
    } finally {
      await pool.end();
    }
  });
});
