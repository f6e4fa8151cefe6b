// enqueueJob on the real graphile-worker schema: the job shares the caller's transaction.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { enqueueJob } from "./queue";
import { InvalidJobPayloadError, orderEmailJobKey } from "./tasks";

let db: Database;
let close: () => Promise<void>;

beforeAll(() => {
  const connection = createDatabase(process.env.DATABASE_URL!, 2);
  db = connection.db;
  close = () => connection.sql.end();
});

afterAll(() => close());

type JobRow = { id: string; task_identifier: string; key: string | null; max_attempts: number; queue_name: string | null; payload: unknown };

async function jobsWithKey(key: string): Promise<JobRow[]> {
  return [
    ...(await db.execute<JobRow>(sql`
      select j.id::text, t.identifier as task_identifier, j.key, j.max_attempts, q.queue_name, j.payload
      from graphile_worker._private_jobs j
      join graphile_worker._private_tasks t on t.id = j.task_id
      left join graphile_worker._private_job_queues q on q.id = j.job_queue_id
      where j.key = ${key}`)),
  ];
}

class Rollback extends Error {}

describe("enqueueJob", () => {
  it("leaves no job when the transaction rolls back", async () => {
    const key = orderEmailJobKey(randomUUID(), "confirmed");
    await expect(
      db.transaction(async (tx) => {
        await enqueueJob(tx, "send-order-email", { orderId: randomUUID(), kind: "confirmed" }, { jobKey: key });
        throw new Rollback();
      }),
    ).rejects.toBeInstanceOf(Rollback);
    expect(await jobsWithKey(key)).toEqual([]);
  });

  it("adds the job when the transaction commits, with the default of 10 attempts", async () => {
    const orderId = randomUUID();
    const key = orderEmailJobKey(orderId, "confirmed");
    const job = await db.transaction((tx) => enqueueJob(tx, "send-order-email", { orderId, kind: "confirmed" }, { jobKey: key }));
    expect(job.key).toBe(key);
    expect(await jobsWithKey(key)).toEqual([
      { id: job.id, task_identifier: "send-order-email", key, max_attempts: 10, queue_name: null, payload: { orderId, kind: "confirmed" } },
    ]);
  });

  it("keeps one pending job per key and passes the options through", async () => {
    const key = `test:${randomUUID()}`;
    const runAt = new Date(Date.now() + 3_600_000);
    const first = await enqueueJob(db, "process-stripe-event", { eventId: "evt_1" }, { jobKey: key, runAt, maxAttempts: 3, queueName: "stripe" });
    const second = await enqueueJob(db, "process-stripe-event", { eventId: "evt_1" }, { jobKey: key, runAt, maxAttempts: 3, queueName: "stripe" });
    expect(second.id).toBe(first.id);
    expect(await jobsWithKey(key)).toEqual([expect.objectContaining({ max_attempts: 3, queue_name: "stripe" })]);
  });

  it("refuses an invalid payload before touching the queue", async () => {
    const key = `test:${randomUUID()}`;
    await expect(
      enqueueJob(db, "send-order-email", { orderId: "not-a-uuid", kind: "confirmed" }, { jobKey: key }),
    ).rejects.toBeInstanceOf(InvalidJobPayloadError);
    expect(await jobsWithKey(key)).toEqual([]);
  });
});
