// The operations page's data and actions on the real PostgreSQL and graphile-worker: heartbeats
// (down when not seen, stopped on stop, pruned), queue depth, and failed jobs — made to fail by
// graphile-worker itself — retried (runnable again), discarded (gone), each once however often or
// however concurrently it is clicked, audited, and refused to anyone but an admin.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { Logger, runOnce, type Task } from "graphile-worker";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { discardFailedJob, listFailedJobs, queueStats, retryFailedJob, summarizePayload } from "@/db/queries/job-queue";
import { findHeartbeat, listServiceInstances, pruneHeartbeats } from "@/db/queries/service-heartbeats";
import { serviceHeartbeats, staffActions } from "@/db/schema";
import { NOT_ALLOWED, type ActionState } from "@/lib/actions";
import type { SessionUser } from "@/lib/auth/access";
import { startServiceHeartbeat } from "@/lib/health/service-heartbeat";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect } from "@/tests/checkout-fixtures";
import { loadOperations, operationsVersion } from "./operations";
import { actOnFailedJob } from "./operations-actions";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidateTag: vi.fn(), revalidatePath: vi.fn() }));
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId }, sessionVersion: 0 } : null) }));

let db: Database;
let close: () => Promise<void>;
let admin: SessionUser;
const silent = pino({ level: "silent" });
const quiet = new Logger(() => () => {});
/** A task of these tests only: no worker of the app takes it. */
const TASK = `ops-test-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  ({ db, close } = connect(8));
  admin = await createStaff(db, "admin");
});
afterAll(() => close());

async function addJob(payload: unknown, maxAttempts = 1): Promise<string> {
  const [row] = await db.execute<{ id: string }>(sql`select id::text as id from graphile_worker.add_job(${TASK}, ${JSON.stringify(payload)}::json, max_attempts => ${maxAttempts}::int)`);
  return row.id;
}

/** Runs the ready jobs of TASK once with graphile-worker, with `task` as its handler. */
async function work(task: Task): Promise<void> {
  await runOnce({ connectionString: process.env.DATABASE_URL!, taskList: { [TASK]: task }, concurrency: 1, logger: quiet });
}

async function failedJob(payload: unknown = { orderId: randomUUID() }): Promise<string> {
  const id = await addJob(payload);
  await work(async () => {
    throw new Error("Stripe said no: card_declined");
  });
  return id;
}

const jobRow = async (id: string) =>
  (await db.execute<{ attempts: number; max_attempts: number; due: boolean }>(sql`select attempts, max_attempts, run_at <= now() as due from graphile_worker._private_jobs where id = ${id}::bigint`))[0];
const audited = (action: string, jobId: string) =>
  db.select().from(staffActions).where(and(eq(staffActions.action, action), sql`${staffActions.data}->>'jobId' = ${jobId}`));

function act(as: SessionUser | null, fields: Record<string, string>): Promise<ActionState> {
  signedIn.userId = as?.id ?? null;
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return actOnFailedJob({}, form);
}

describe("service heartbeats", () => {
  it("records the process with its readiness, shows it down once not seen for 30 s, stopped when it stops, and prunes old rows", async () => {
    let ready = false;
    const heartbeat = startServiceHeartbeat({ db, service: "ops-test", log: silent, intervalMs: 60_000, readiness: async () => ({ ready, checks: { database: "ok", runner: ready ? "running" : "stopped" } }) });
    await heartbeat.beat();
    expect(await findHeartbeat(db, heartbeat.instanceId)).toMatchObject({ service: "ops-test", pid: process.pid, state: "not_ready", checks: { database: "ok", runner: "stopped" } });
    ready = true;
    await heartbeat.beat();
    const seen = (await listServiceInstances(db)).find((i) => i.instanceId === heartbeat.instanceId);
    expect(seen).toMatchObject({ status: "ready", checks: { runner: "running" } });
    expect(seen!.ageSeconds).toBeLessThan(5);

    await db.update(serviceHeartbeats).set({ lastSeenAt: sql`now() - interval '31 seconds'` }).where(eq(serviceHeartbeats.instanceId, heartbeat.instanceId));
    expect((await listServiceInstances(db)).find((i) => i.instanceId === heartbeat.instanceId)).toMatchObject({ status: "down" });

    await heartbeat.stop();
    expect(await findHeartbeat(db, heartbeat.instanceId)).toMatchObject({ state: "stopped" });
    // A stopped process is not down, however long ago it stopped; after a day its row goes.
    await db.update(serviceHeartbeats).set({ lastSeenAt: sql`now() - interval '2 hours'` }).where(eq(serviceHeartbeats.instanceId, heartbeat.instanceId));
    expect((await listServiceInstances(db)).find((i) => i.instanceId === heartbeat.instanceId)).toMatchObject({ status: "stopped" });
    await pruneHeartbeats(db);
    expect(await findHeartbeat(db, heartbeat.instanceId)).toBeDefined();
    await db.update(serviceHeartbeats).set({ lastSeenAt: sql`now() - interval '25 hours'` }).where(eq(serviceHeartbeats.instanceId, heartbeat.instanceId));
    expect(await pruneHeartbeats(db)).toBeGreaterThanOrEqual(1);
    expect(await findHeartbeat(db, heartbeat.instanceId)).toBeUndefined();
  });
});

describe("failed jobs", () => {
  it("lists a job that used all its attempts with its error, counts it in the queue, and hides secrets of its payload", async () => {
    const id = await failedJob({ userId: randomUUID(), token: "one-time-secret-token-value" });
    const job = (await listFailedJobs(db)).find((j) => j.id === id);
    expect(job).toMatchObject({ task: TASK, attempts: 1, maxAttempts: 1, lastError: expect.stringContaining("card_declined") });
    expect(summarizePayload(job!.payload)).toContain('"token":"[hidden]"');
    expect(summarizePayload(job!.payload)).not.toContain("one-time-secret");
    expect((await queueStats(db)).find((q) => q.task === TASK)).toMatchObject({ failed: 1, ready: 0, running: 0 });
    await discardFailedJob(db, id, admin.id);
  });

  it("retry makes a failed job runnable now with all its attempts; graphile-worker then runs it; a second retry says so", async () => {
    const id = await failedJob();
    const before = await loadOperations(db);
    expect(await retryFailedJob(db, id, admin.id)).toEqual({ outcome: "done", task: TASK });
    expect(await jobRow(id)).toMatchObject({ attempts: 0, max_attempts: 1, due: true });
    expect((await listFailedJobs(db)).map((j) => j.id)).not.toContain(id);
    expect((await queueStats(db)).find((q) => q.task === TASK)).toMatchObject({ ready: 1, failed: 0 });
    expect(operationsVersion(await loadOperations(db), 0)).not.toBe(operationsVersion(before, 0));
    expect(await audited("job.retry", id)).toEqual([expect.objectContaining({ staffId: admin.id, data: expect.objectContaining({ task: TASK, lastError: expect.stringContaining("card_declined") }) })]);
    // Clicked again before it ran: nothing changes, and no second entry.
    expect(await retryFailedJob(db, id, admin.id)).toEqual({ outcome: "not_failed" });
    const ran = vi.fn(async () => {});
    await work(ran);
    expect(ran).toHaveBeenCalledOnce();
    expect(await jobRow(id)).toBeUndefined();
    expect(await retryFailedJob(db, id, admin.id)).toEqual({ outcome: "gone" });
    expect(await audited("job.retry", id)).toHaveLength(1);
  });

  it("concurrent retries of one job: one retries it, the others are told it was retried already", async () => {
    const id = await failedJob();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => retryFailedJob(db, id, admin.id)));
    expect(outcomes.filter((o) => o.outcome === "done")).toHaveLength(1);
    expect(outcomes.filter((o) => o.outcome === "not_failed")).toHaveLength(4);
    expect(await jobRow(id)).toMatchObject({ attempts: 0 });
    expect(await audited("job.retry", id)).toHaveLength(1);
    await work(async () => {});
  });

  it("discard removes a failed job from the queue, once; a job waiting to run is not discarded", async () => {
    const id = await failedJob();
    expect(await discardFailedJob(db, id, admin.id)).toEqual({ outcome: "done", task: TASK });
    expect(await jobRow(id)).toBeUndefined();
    expect((await listFailedJobs(db)).map((j) => j.id)).not.toContain(id);
    expect(await discardFailedJob(db, id, admin.id)).toEqual({ outcome: "gone" });
    expect(await audited("job.discard", id)).toHaveLength(1);

    const waiting = await addJob({}, 3);
    expect(await discardFailedJob(db, waiting, admin.id)).toEqual({ outcome: "not_failed" });
    expect(await jobRow(waiting)).toMatchObject({ attempts: 0 });
    await work(async () => {});
  });

  it("the action: admins retry and discard with a message for each case; other roles and signed-out people are refused", async () => {
    const id = await failedJob();
    for (const role of ["agent", "marketing", "customer"] as const) {
      expect(await act(await createStaff(db, role), { retry: id })).toEqual(NOT_ALLOWED);
    }
    await expect(act(null, { retry: id })).rejects.toThrow(); // sent to sign in
    expect(await jobRow(id)).toMatchObject({ attempts: 1 });

    expect(await act(admin, { retry: id })).toEqual({ ok: true, message: `Job ${id} (${TASK}) will run again, with all its attempts.` });
    expect(await act(admin, { retry: id })).toMatchObject({ ok: true, message: expect.stringContaining("retried already") });
    expect(await act(admin, { discard: id })).toMatchObject({ ok: true, message: expect.stringContaining("retried already") });
    await work(async () => {
      throw new Error("still failing");
    });
    expect(await act(admin, { discard: id })).toEqual({ ok: true, message: `Job ${id} (${TASK}) was discarded.` });
    expect(await act(admin, { discard: id })).toMatchObject({ ok: true, message: expect.stringContaining("no longer in the queue") });
    expect(await act(admin, { retry: "1; drop table x" })).toMatchObject({ ok: false, errors: { retry: ["Unknown job."] } });
    expect(await act(admin, { retry: id, discard: id })).toMatchObject({ ok: false, errors: { form: [expect.any(String)] } });
  });
});
