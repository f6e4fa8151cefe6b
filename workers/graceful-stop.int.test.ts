// A real notification worker process stopped with SIGTERM while it sends an e-mail: it stops
// taking jobs (readiness 503), lets the running job finish and exits 0. The job's log line carries
// the request id its payload brought from the request that enqueued it.
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { enqueueOrderEmail } from "@/lib/jobs/queue";
import { withRequestId } from "@/lib/request-id.mjs";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { freePort } from "@/tests/ports";
import { spawnWorker, type WorkerProcess } from "@/tests/worker-process";

let db: Database;
let close: () => Promise<void>;
let worker: WorkerProcess | undefined;
let smtp: SMTPServer | undefined;

beforeAll(() => ({ db, close } = connect(2)));
afterAll(async () => {
  worker?.signal("SIGKILL");
  await worker?.exited;
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await restoreStock(db);
  await close();
});

const RECIPIENT = "graceful-stop@example.test";

/** An SMTP server that holds the message to RECIPIENT until the test lets it through (others pass: jobs other tests left). */
async function heldSmtp(port: number) {
  let arrived!: () => void;
  let release!: () => void;
  const received = new Promise<void>((resolve) => (arrived = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        if (!session.envelope.rcptTo.some((to) => to.address === RECIPIENT)) return callback();
        arrived();
        void released.then(() => callback());
      });
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(port, "127.0.0.1", resolve));
  return { received, release };
}

describe("graceful stop of a worker (issue 9)", () => {
  it("finishes the running job after SIGTERM, under its request id, then exits 0", { timeout: 60_000 }, async () => {
    const [smtpPort, healthPort] = [await freePort(), await freePort()];
    const mail = await heldSmtp(smtpPort);
    worker = spawnWorker("workers/notification-worker.ts", {
      DATABASE_URL: process.env.DATABASE_URL!,
      HEALTH_PORT: String(healthPort),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: "Halles <orders@halles.test>",
    });
    await worker.waitForLog((line) => line.msg === "notification-worker started", 30_000);

    const storeId = (await storeBySlug(db, "paris-bastille")).id;
    const variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
    await setStock(db, storeId, variantId, 10);
    const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 1 });
    const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 1 }]);
    const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: RECIPIENT });
    if (!placed.ok) throw new Error(placed.error.code);
    const requestId = `itest-${randomUUID()}`;
    await withRequestId(requestId, () =>
      db.transaction(async (tx) => {
        await confirmPaidOrder(tx, placed.order.id, { paymentIntentId: "pi_graceful_stop" });
        await enqueueOrderEmail(tx, placed.order.id, "confirmed");
      }),
    );

    await mail.received; // the job is in flight, waiting on SMTP
    worker.signal("SIGTERM");
    await worker.waitForLog((line) => line.msg === "stopping: no new jobs; waiting for running ones");
    const ready = await fetch(`http://127.0.0.1:${healthPort}/health/ready`);
    expect(ready.status).toBe(503);
    const ours = (line: { requestId?: unknown; msg: string }) => line.requestId === requestId && line.msg === "job completed";
    expect(worker.logs.some(ours)).toBe(false);

    mail.release();
    const done = await worker.waitForLog(ours);
    expect(done).toMatchObject({ task: "send-order-email", result: "sent" });
    expect(await worker.exited).toBe(0);
    expect(worker.logs.findIndex((line) => line.msg === "stopped")).toBeGreaterThan(worker.logs.findIndex(ours));
  });
});
