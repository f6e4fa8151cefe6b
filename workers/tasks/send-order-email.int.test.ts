// send-order-email end to end: real queue, real graphile-worker runner, real SMTP to the mail capture.
import { createServer } from "node:net";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { runOnce } from "graphile-worker";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { orderEvents, orderLines, orders, refunds, slots, stores, users, type OrderStatus } from "@/db/schema";
import { enqueueJob, enqueueOrderEmail } from "@/lib/jobs/queue";
import { orderEmailJobKey } from "@/lib/jobs/tasks";
import { createMailTransport, type MailTransport } from "@/lib/mail/transport";
import { createMailCapture, type MailCapture } from "@/tools/mail-capture/server";
import { createWorkerMetrics, type WorkerMetrics } from "../lib/metrics";
import { buildTaskList, graphileLogger, type TaskHandlers } from "../lib/task-runner";
import { sendOrderEmail, sendOrderEmailTask } from "./send-order-email";

const FROM = "Halles <orders@halles.test>";
const log = pino({ level: "silent" });

let db: Database;
let close: () => Promise<void>;
let capture: MailCapture;
let transport: MailTransport;
let metrics: WorkerMetrics;
let storeId: number;
let userId: string;
let slotId: number;
const slotStartsAt = new Date("2026-12-05T09:00:00Z");

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 6);
  db = connection.db;
  capture = await createMailCapture({ smtpPort: 0, httpPort: 0 });
  transport = createMailTransport(`smtp://127.0.0.1:${capture.smtpPort}`);
  close = async () => {
    transport.close();
    await capture.close();
    await connection.sql.end();
  };
  [{ id: storeId }] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, "lyon-part-dieu"));
  [{ id: userId }] = await db
    .insert(users)
    .values({ email: `mail-${randomUUID()}@example.test`, name: "Ana Shopper", passwordHash: "not-used" })
    .returning({ id: users.id });
  [{ id: slotId }] = await db
    .insert(slots)
    .values({ storeId, kind: "delivery", startsAt: slotStartsAt, endsAt: new Date("2026-12-05T10:00:00Z"), capacity: 10 })
    .returning({ id: slots.id });
});

afterAll(() => close());

beforeEach(async () => {
  capture.clear();
  metrics = createWorkerMetrics("test");
  // These tests run the whole queue: jobs other test files left behind must not be counted here.
  await db.execute(sql`delete from graphile_worker._private_jobs`);
});

async function newOrder(status: OrderStatus = "confirmed") {
  const contactEmail = `ana-${randomUUID().slice(0, 8)}@example.test`;
  const [order] = await db
    .insert(orders)
    .values({
      number: `T-${randomUUID().slice(0, 8)}`,
      userId,
      storeId,
      slotId,
      slotStartsAt,
      fulfilment: "delivery",
      status,
      deliveryAddress: { recipient: "Ana Shopper", street: "3 place Bellecour", postcode: "69002", city: "Lyon", phone: null },
      contactEmail,
      subtotalCents: 1_226,
      deliveryFeeCents: 499,
      totalCents: 1_725,
      authorizedCents: 1_822,
      expiresAt: new Date(Date.now() + 1_800_000),
    })
    .returning();
  await db.insert(orderLines).values([
    { orderId: order.id, productName: "Organic milk", sizeLabel: "1 l", sku: "MILK-1", sellingMode: "unit", unitPriceCents: 129, quantity: 2, vatRateBp: 550, lineTotalCents: 258, substitution: "allow", position: 0 },
    { orderId: order.id, productName: "Comté", sizeLabel: "per kg", sku: "COMTE", sellingMode: "weight", unitPriceCents: 1_290, quantity: 750, vatRateBp: 550, lineTotalCents: 968, substitution: "refuse", position: 1 },
  ]);
  return order;
}

const mailEvents = (orderId: string) =>
  db.select().from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.actor, "notification")));

function runQueueOnce(handlers: TaskHandlers) {
  return runOnce({
    connectionString: process.env.DATABASE_URL!,
    concurrency: 2,
    maxPoolSize: 3,
    noHandleSignals: true,
    logger: graphileLogger(log),
    taskList: buildTaskList(handlers, { db, log, metrics }),
  });
}

type JobRow = { attempts: number; last_error: string | null };
const jobsWithKey = async (key: string) =>
  [...(await db.execute<JobRow>(sql`select attempts, last_error from graphile_worker.jobs where key = ${key}`))];

describe("send-order-email", () => {
  it("sends the confirmation once through the queue, even when enqueued and run twice", async () => {
    const order = await newOrder();
    const payload = { orderId: order.id, kind: "confirmed" as const };
    const jobKey = orderEmailJobKey(order.id, "confirmed");
    await db.transaction((tx) => enqueueOrderEmail(tx, order.id, "confirmed"));
    await db.transaction((tx) => enqueueJob(tx, "send-order-email", payload, { jobKey }));
    expect(await jobsWithKey(jobKey)).toHaveLength(1);

    await runQueueOnce({ "send-order-email": sendOrderEmailTask({ transport, from: FROM }) });
    expect(await jobsWithKey(jobKey)).toEqual([]);
    expect(await sendOrderEmail({ db, transport, from: FROM }, payload)).toBe("already-sent");

    const mails = capture.messages().filter((m) => m.to.includes(order.contactEmail));
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Your Halles order ${order.number} is confirmed`);
    expect(mails[0].text).toContain("Saturday 5 December 2026, 10:00–11:00");
    expect(mails[0].text).toContain("3 place Bellecour");
    expect(mails[0].text).toContain("750 g × €12.90 / kg = €9.68");
    expect(mails[0].text).toContain("Total: €17.25");
    expect(mails[0].headers["message-id"]).toBe(`<order-${order.id}-confirmed@halles>`);
    expect(await mailEvents(order.id)).toEqual([
      expect.objectContaining({ fromStatus: "confirmed", toStatus: "confirmed", data: expect.objectContaining({ mail: "confirmed" }) }),
    ]);
    expect((await metrics.registry.getSingleMetric("jobs_completed_total")!.get()).values).toEqual([
      expect.objectContaining({ labels: { task: "send-order-email" }, value: 1 }),
    ]);
  });

  it("sends one mail when several attempts race", async () => {
    const order = await newOrder("cancelled");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => sendOrderEmail({ db, transport, from: FROM }, { orderId: order.id, kind: "cancelled" })),
    );
    expect(results.sort()).toEqual(["already-sent", "already-sent", "already-sent", "sent"]);
    expect(capture.messages().filter((m) => m.to.includes(order.contactEmail))).toHaveLength(1);
    expect(await mailEvents(order.id)).toHaveLength(1);
  });

  it("sends each refund's e-mail once, and the picked e-mail only once the order is captured (issue 7)", async () => {
    const order = await newOrder("ready_for_collection");
    const deps = { db, transport, from: FROM };
    expect(await sendOrderEmail(deps, { orderId: order.id, kind: "picked" })).toBe("not-applicable");
    await db.update(orders).set({ capturedCents: 1_700, finalTotalCents: 1_700 }).where(eq(orders.id, order.id));
    const made = await db
      .insert(refunds)
      .values([
        { orderId: order.id, amountCents: 258, reason: "milk spilt", requestedBy: "system", status: "succeeded" },
        { orderId: order.id, amountCents: 100, reason: "late", requestedBy: "system", status: "succeeded" },
        { orderId: order.id, amountCents: 50, reason: "not yet", requestedBy: "system" },
      ])
      .returning({ id: refunds.id });
    for (const { id } of made.slice(0, 2)) {
      await db.transaction((tx) => enqueueOrderEmail(tx, order.id, "refunded", id));
      await db.transaction((tx) => enqueueOrderEmail(tx, order.id, "refunded", id));
    }
    await db.transaction((tx) => enqueueOrderEmail(tx, order.id, "picked"));
    await runQueueOnce({ "send-order-email": sendOrderEmailTask({ transport, from: FROM }) });
    expect(await sendOrderEmail(deps, { orderId: order.id, kind: "refunded", refundId: made[0].id })).toBe("already-sent");
    // A refund not (yet) made at Stripe is not announced.
    expect(await sendOrderEmail(deps, { orderId: order.id, kind: "refunded", refundId: made[2].id })).toBe("not-applicable");

    const mails = capture.messages().filter((m) => m.to.includes(order.contactEmail));
    expect(mails.map((m) => m.subject).sort()).toEqual([
      `A refund for your Halles order ${order.number}`,
      `A refund for your Halles order ${order.number}`,
      `Your Halles order ${order.number} is picked: the final amount`,
    ]);
    expect(mails.map((m) => m.text).filter((t) => t.includes("We have refunded")).map((t) => /refunded (€[\d.]+)/.exec(t)?.[1]).sort()).toEqual(["€1.00", "€2.58"]);
    expect((await mailEvents(order.id)).map((e) => e.data.refundId ?? e.data.mail).sort()).toEqual([...made.slice(0, 2).map((r) => r.id), "picked"].sort());
  });

  it("sends nothing for an unknown order or one no longer in the e-mail's state", async () => {
    const deps = { db, transport, from: FROM };
    expect(await sendOrderEmail(deps, { orderId: randomUUID(), kind: "confirmed" })).toBe("order-not-found");
    const pending = await newOrder("pending_payment");
    expect(await sendOrderEmail(deps, { orderId: pending.id, kind: "confirmed" })).toBe("not-applicable");
    expect(await sendOrderEmail(deps, { orderId: pending.id, kind: "cancelled" })).toBe("not-applicable");
    expect(capture.messages()).toEqual([]);
  });

  it("keeps the job for a retry, with nothing recorded, when SMTP is down", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const down = createMailTransport(`smtp://127.0.0.1:${closedPort}`);
    const order = await newOrder();
    const jobKey = orderEmailJobKey(order.id, "confirmed");
    await enqueueJob(db, "send-order-email", { orderId: order.id, kind: "confirmed" }, { jobKey });
    await runQueueOnce({ "send-order-email": sendOrderEmailTask({ transport: down, from: FROM }) });
    down.close();
    expect(await jobsWithKey(jobKey)).toEqual([{ attempts: 1, last_error: expect.stringContaining("ECONNREFUSED") }]);
    expect(await mailEvents(order.id)).toEqual([]);
    expect((await metrics.registry.getSingleMetric("jobs_failed_total")!.get()).values).toEqual([
      expect.objectContaining({ labels: { task: "send-order-email", reason: "error" }, value: 1 }),
    ]);
    await db.execute(sql`select graphile_worker.permanently_fail_jobs(array(select id from graphile_worker.jobs where key = ${jobKey}))`);
  });

  it("drops a job with an invalid payload without retrying it", async () => {
    const jobKey = `test:${randomUUID()}`;
    await db.execute(sql`select graphile_worker.add_job('send-order-email', '{"orderId":"42"}'::json, job_key => ${jobKey})`);
    await runQueueOnce({ "send-order-email": sendOrderEmailTask({ transport, from: FROM }) });
    expect(await jobsWithKey(jobKey)).toEqual([]);
    expect((await metrics.registry.getSingleMetric("jobs_failed_total")!.get()).values).toEqual([
      expect.objectContaining({ labels: { task: "send-order-email", reason: "invalid_payload" }, value: 1 }),
    ]);
    expect(capture.messages()).toEqual([]);
  });
});
