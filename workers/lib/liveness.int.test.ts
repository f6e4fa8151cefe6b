// Heartbeats and the sweep for jobs of dead workers: a job locked by a worker id without a
// heartbeat is handed back (on the second sweep that finds it so), a live worker's never is,
// not even while its heartbeat connection is being re-established; a worker that stopped drops its own.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import pino from "pino";
import postgres from "postgres";
import { Registry } from "prom-client";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { enqueueJob } from "@/lib/jobs/queue";
import { connect } from "@/tests/checkout-fixtures";
import { findWorkersWithoutHeartbeat, HEARTBEAT_LOCK_CLASS, livenessEnv, startHeartbeat, startOrphanSweep, type Heartbeat, type OrphanSweep } from "./liveness";

const log = pino({ level: "silent" });
let db: Database;
let close: () => Promise<void>;
const opened: { heartbeat: Heartbeat; sweep?: OrphanSweep }[] = [];

beforeAll(() => {
  ({ db, close } = connect(4));
});
afterEach(async () => {
  for (const { heartbeat, sweep } of opened.splice(0)) {
    await sweep?.stop();
    await heartbeat.close();
  }
  await db.execute(sql`delete from graphile_worker._private_jobs where payload->>'orderId' like '00000000-%'`);
});
afterAll(() => close());

/** A process's liveness parts, with a sweep that only runs when the test calls it. */
function process_() {
  const heartbeat = startHeartbeat(process.env.DATABASE_URL!, log);
  const sweep = startOrphanSweep({ db, heartbeat, intervalMs: 3_600_000, log, registry: new Registry() });
  opened.push({ heartbeat, sweep });
  return { heartbeat, sweep };
}

/** A job locked by `workerId`, as graphile-worker's getJob leaves it. */
async function lockedJob(workerId: string): Promise<string> {
  const orderId = `00000000-0000-4000-8000-${randomUUID().slice(-12)}`;
  const job = await db.transaction((tx) => enqueueJob(tx, "send-order-email", { orderId, kind: "confirmed" }));
  await db.execute(sql`update graphile_worker._private_jobs set locked_by = ${workerId}, locked_at = now(), attempts = 1 where id = ${job.id}`);
  return job.id;
}

const lockOf = async (jobId: string) =>
  (await db.execute<{ locked_by: string | null }>(sql`select locked_by from graphile_worker._private_jobs where id = ${jobId}`))[0].locked_by;

const workerId = () => `worker-test${randomUUID().replaceAll("-", "").slice(0, 14)}`;

describe("liveness", () => {
  it("hands back a dead worker's job on the second sweep that finds it without a heartbeat, and wakes the workers", async () => {
    const dead = workerId();
    const jobId = await lockedJob(dead);
    const { sweep } = process_();
    const listener = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const notified: string[] = [];
    await listener.listen("jobs:insert", (payload) => notified.push(payload));
    try {
      expect(await sweep.sweep()).toMatchObject({ released: [], suspected: [dead] });
      expect(await lockOf(jobId)).toBe(dead);
      expect(await sweep.sweep()).toEqual({ released: [dead], suspected: [], jobs: 1 });
      expect(await lockOf(jobId)).toBeNull();
      await expect.poll(() => notified.map((p) => JSON.parse(p) as unknown)).toContainEqual({ count: 1 });
      expect(await sweep.sweep()).toEqual({ released: [], suspected: [], jobs: 0 });
    } finally {
      await listener.end();
    }
  });

  it("never hands back a live worker's job, even across a dropped heartbeat connection", async () => {
    const live = workerId();
    const jobId = await lockedJob(live);
    const owner = process_();
    await owner.heartbeat.hold(live);
    const other = process_();
    for (let i = 0; i < 3; i++) expect((await other.sweep.sweep()).suspected).not.toContain(live);

    // The owner's heartbeat connection is cut: it takes its locks again on a new one at once.
    const holder = async () =>
      (
        await db.execute<{ pid: number }>(sql`
          select pid from pg_locks where locktype = 'advisory' and objsubid = 2
            and classid = ${HEARTBEAT_LOCK_CLASS}::int::oid and objid = hashtext(${live})::oid`)
      ).map((row) => row.pid);
    const [before] = await holder();
    await db.execute(sql`select pg_terminate_backend(${before})`);
    await expect.poll(async () => (await holder()).filter((pid) => pid !== before), { timeout: 5_000 }).toHaveLength(1);
    expect(await holder()).not.toContain(before);
    expect(await findWorkersWithoutHeartbeat(db)).not.toContain(live);
    for (let i = 0; i < 2; i++) expect((await other.sweep.sweep()).released).not.toContain(live);
    expect(await lockOf(jobId)).toBe(live);
  });

  it("frees a worker's jobs once its process is gone (its heartbeat connection closed), with several sweepers at once", async () => {
    const victim = process_();
    const id = workerId();
    await victim.heartbeat.hold(id);
    const jobs = [await lockedJob(id), await lockedJob(id)];
    const sweepers = [process_(), process_()];
    await Promise.all(sweepers.map((s) => s.sweep.sweep()));
    expect(await lockOf(jobs[0])).toBe(id);

    await victim.sweep.stop();
    await victim.heartbeat.close();
    await Promise.all(sweepers.map((s) => s.sweep.sweep()));
    const second = await Promise.all(sweepers.map((s) => s.sweep.sweep()));
    expect(second.flatMap((r) => r.released)).toContain(id);
    expect(await Promise.all(jobs.map(lockOf))).toEqual([null, null]);
  });

  it("frees the job of a worker that stopped inside a live process (released heartbeat), and keeps the others' locks", async () => {
    // graphile-worker's worker that cannot mark its job done (the database gone) stops and leaves
    // the job locked; the process lives on, and takes no other heartbeat lock down with it.
    const owner = process_();
    const [stopped, running] = [workerId(), workerId()];
    await owner.heartbeat.hold(stopped);
    await owner.heartbeat.hold(running);
    const [orphan, kept] = [await lockedJob(stopped), await lockedJob(running)];
    await owner.heartbeat.release(stopped);
    expect(owner.heartbeat.workerIds()).toEqual([running]);
    // A heartbeat reconnect must not take the released id back.
    expect(await owner.heartbeat.check()).toBe(0);

    const other = process_();
    await other.sweep.sweep();
    expect((await other.sweep.sweep()).released).toEqual([stopped]);
    expect(await lockOf(orphan)).toBeNull();
    expect(await lockOf(kept)).toBe(running);
  });

  it("reads its interval from WORKER_SWEEP_INTERVAL_MS (0 turns the sweep off)", () => {
    expect(livenessEnv({}).WORKER_SWEEP_INTERVAL_MS).toBe(10_000);
    expect(livenessEnv({ WORKER_SWEEP_INTERVAL_MS: "0" }).WORKER_SWEEP_INTERVAL_MS).toBe(0);
    expect(() => livenessEnv({ WORKER_SWEEP_INTERVAL_MS: "soon" })).toThrow(/WORKER_SWEEP_INTERVAL_MS/);
  });
});
