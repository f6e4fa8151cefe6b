// Fault drill: the SMTP server down for a minute while confirmed orders' e-mails are due. A real
// notification worker process sends through the mail capture on a fixed port; the capture stops
// for 60 s (real time) and starts again on the same port. graphile-worker retries each job with
// its backoff (e^attempt seconds), so the mails go out on the attempt after the outage: each once.
import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { NOTIFICATION_ACTOR } from "@/db/queries/order-emails";
import { orderEvents } from "@/db/schema";
import { enqueueOrderEmail } from "@/lib/jobs/queue";
import { orderEmailJobKey } from "@/lib/jobs/tasks";
import { logger } from "@/lib/logger";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { spawnWorker, type WorkerProcess } from "@/tests/worker-process";
import { createMailCapture, type CapturedMessage, type MailCapture } from "@/tools/mail-capture/server";
import { freePort } from "@/tests/ports";

const SMTP_OUTAGE_MS = 60_000;
/** Confirmed while the SMTP server is up (a baseline), and while it is down. */
const BEFORE = 2;
const DURING = 10;

let db: Database;
let close: () => Promise<void>;
let worker: WorkerProcess | undefined;
const captures: MailCapture[] = [];

beforeAll(() => ({ db, close } = connect(4)));
afterAll(async () => {
  worker?.signal("SIGTERM");
  await worker?.exited;
  for (const capture of captures) await capture.close().catch(() => {});
  await restoreStock(db);
  await close();
});

/** A placed order confirmed as the order worker does it: the e-mail job enqueued in the same transaction. */
async function confirmedOrder(storeId: number, slotId: number, variantId: number, n: number): Promise<string> {
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 1 }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: `smtp-drill-${n}@example.test` });
  if (!placed.ok) throw new Error(placed.error.code);
  await db.transaction(async (tx) => {
    const result = await confirmPaidOrder(tx, placed.order.id, { paymentIntentId: `pi_smtp_drill_${n}` });
    if (result.changed) await enqueueOrderEmail(tx, placed.order.id, "confirmed");
  });
  return placed.order.id;
}

const messageIdOf = (orderId: string) => `<order-${orderId}-confirmed@halles>`;
/** This drill's mails: the worker also sends what other tests left in the shared queue. */
const drillMails = (capture: MailCapture) => capture.messages().filter((m) => /^smtp-drill-/.test(m.to[0] ?? ""));

/** The e-mail jobs of these orders still in the queue (graphile-worker deletes a job once it succeeds). */
const jobsLeft = async (orderIds: string[]) => [
  ...(await db.execute<{ key: string; attempts: number }>(
    sql`select key, attempts from graphile_worker.jobs where key in ${orderIds.map((id) => orderEmailJobKey(id, "confirmed"))}`,
  )),
];

describe("fault drills (issue 6 item 14): SMTP down for a minute", () => {
  it("retries the e-mails and sends each once", { timeout: 240_000 }, async () => {
    const storeId = (await storeBySlug(db, "paris-bastille")).id;
    const variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
    await setStock(db, storeId, variantId, 100);
    const slotId = await createSlot(db, { storeId, kind: "collection", capacity: BEFORE + DURING });
    // A fixed port for the whole drill: the SMTP server comes back where the worker expects it.
    const smtpPort = await freePort();
    captures.push(await createMailCapture({ smtpPort, httpPort: 0 }));
    worker = spawnWorker("workers/notification-worker.ts", {
      DATABASE_URL: process.env.DATABASE_URL!,
      HEALTH_PORT: "0",
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Halles <orders@halles.test>",
    });
    await worker.waitForLog((line) => line.msg === "notification-worker started", 30_000);

    const baseline = [];
    for (let n = 0; n < BEFORE; n++) baseline.push(await confirmedOrder(storeId, slotId, variantId, n));
    await expect.poll(() => drillMails(captures[0]).length, { timeout: 30_000 }).toBe(BEFORE);

    await captures[0].close();
    const down = Date.now();
    const during: string[] = [];
    for (let n = BEFORE; n < BEFORE + DURING; n++) during.push(await confirmedOrder(storeId, slotId, variantId, n));
    // Every mail has been tried and refused while the server is down.
    await expect.poll(async () => (await jobsLeft(during)).filter((j) => j.attempts >= 1).length, { timeout: 30_000 }).toBe(DURING);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, down + SMTP_OUTAGE_MS - Date.now())));
    captures.push(await createMailCapture({ smtpPort, httpPort: 0 }));
    const back = Date.now();
    const attemptsWhileDown = (await jobsLeft(during)).map((j) => j.attempts);

    // Each job finishes (graphile-worker deletes it), and nothing more is due for these orders.
    const all = [...baseline, ...during];
    await expect.poll(async () => (await jobsLeft(all)).length, { timeout: 150_000, interval: 1_000 }).toBe(0);
    const delivered = Date.now();

    const messages: CapturedMessage[] = captures.flatMap(drillMails);
    const byOrder = new Map(all.map((id) => [id, messages.filter((m) => m.messageId === messageIdOf(id))]));
    for (const [orderId, copies] of byOrder) expect(copies, `mails for order ${orderId}`).toHaveLength(1);
    expect(messages).toHaveLength(all.length);
    for (const id of during) expect(drillMails(captures[1]).some((m) => m.messageId === messageIdOf(id)), `${id} sent after the outage`).toBe(true);
    // Each sent mail is recorded once, which is what makes a later attempt a no-op.
    const records = await db
      .select({ orderId: orderEvents.orderId, n: sql<number>`count(*)::int` })
      .from(orderEvents)
      .where(and(inArray(orderEvents.orderId, all), eq(orderEvents.actor, NOTIFICATION_ACTOR)))
      .groupBy(orderEvents.orderId);
    expect(records).toHaveLength(all.length);
    expect(records.every((r) => r.n === 1)).toBe(true);

    const failedAttempts = worker.logs.filter((l) => l.task === "send-order-email" && l.outcome === "retrying").length;
    logger.info(
      {
        drill: "smtp-down",
        outageMs: back - down,
        attemptsWhileDown,
        failedAttempts,
        deliveredAfterRestartMs: delivered - back,
        mails: messages.length,
      },
      "fault drill: SMTP down",
    );
    expect(failedAttempts).toBeGreaterThanOrEqual(DURING);
    expect(worker.child.exitCode).toBeNull();
  });
});
