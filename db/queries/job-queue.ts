// The graphile-worker queue as operators see it: depth per task, the jobs that used all their
// attempts, and the two things an admin does with such a job — run it again, or discard it —
// through graphile-worker's own SQL functions (reschedule_jobs, complete_jobs), audited.
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { recordStaffAction } from "./staff-actions";

export type QueueTaskStats = {
  task: string;
  /** Waiting to run now. */
  ready: number;
  /** Waiting for a later time: scheduled, or backing off before a retry. */
  scheduled: number;
  /** Locked by a worker. */
  running: number;
  /** Used all their attempts; kept until retried or discarded. */
  failed: number;
  /** How long the oldest ready job has waited (0 when none). */
  oldestReadySeconds: number;
};

// A job's attempts are counted when a worker takes it, so a job running its last attempt has
// attempts = max_attempts too: it is running, not failed, until its worker lets go of it.
const FAILED = sql`j.attempts >= j.max_attempts and j.locked_at is null`;
const WAITING = sql`j.attempts < j.max_attempts and j.locked_at is null`;

/** Per task with any job in the queue (all tasks of the database, not only one service's). */
export async function queueStats(db: Executor): Promise<QueueTaskStats[]> {
  const rows = await db.execute<QueueTaskStats>(sql`
    select j.task_identifier as task,
      count(*) filter (where ${WAITING} and j.run_at <= now())::int as ready,
      count(*) filter (where ${WAITING} and j.run_at > now())::int as scheduled,
      count(*) filter (where j.locked_at is not null)::int as running,
      count(*) filter (where ${FAILED})::int as failed,
      coalesce(extract(epoch from now() - min(j.run_at) filter (where ${WAITING} and j.run_at <= now())), 0)::float8 as "oldestReadySeconds"
    from graphile_worker.jobs j
    group by j.task_identifier
    order by j.task_identifier`);
  return [...rows];
}

export type FailedJob = {
  id: string;
  task: string;
  payload: unknown;
  lastError: string | null;
  attempts: number;
  maxAttempts: number;
  createdAt: Date;
  /** When it failed for the last time. */
  failedAt: Date;
};

/** The failed jobs, latest failure first (`limit` at most). */
export async function listFailedJobs(db: Executor, limit = 50): Promise<FailedJob[]> {
  const rows = await db.execute<Omit<FailedJob, "createdAt" | "failedAt"> & { createdAt: string; failedAt: string }>(sql`
    select j.id::text as id, t.identifier as task, j.payload, j.last_error as "lastError", j.attempts, j.max_attempts as "maxAttempts",
      j.created_at as "createdAt", j.updated_at as "failedAt"
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where ${FAILED}
    order by j.updated_at desc, j.id desc
    limit ${limit}`);
  return rows.map((row) => ({ ...row, createdAt: new Date(row.createdAt), failedAt: new Date(row.failedAt) }));
}

const SECRET_KEY = /token|secret|password/i;
const SUMMARY_LENGTH = 160;

/** A payload in one short line, with one-time tokens and other secrets hidden: it is shown and audited. */
export function summarizePayload(payload: unknown): string {
  const text = JSON.stringify(payload ?? null, (key, value: unknown) => (key && SECRET_KEY.test(key) ? "[hidden]" : value)) ?? "null";
  return text.length > SUMMARY_LENGTH ? `${text.slice(0, SUMMARY_LENGTH - 1)}…` : text;
}

/**
 * "done" when it was a failed job and now is not; "not_failed" when it is in the queue but not
 * failed (retried already, by this admin or another); "gone" when it is not in the queue at all
 * (discarded, or retried and completed).
 */
export type FailedJobOutcome = { outcome: "done"; task: string } | { outcome: "not_failed" | "gone" };

type LockedJob = { id: string; task: string; payload: unknown; lastError: string | null; attempts: number; maxAttempts: number; locked: boolean };

/** Locks the job's row for the transaction, so that two admins acting at once take turns. */
async function lockJob(tx: Executor, jobId: string): Promise<LockedJob | undefined> {
  const [job] = await tx.execute<LockedJob>(sql`
    select j.id::text as id, t.identifier as task, j.payload, j.last_error as "lastError", j.attempts, j.max_attempts as "maxAttempts",
      j.locked_at is not null as locked
    from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where j.id = ${jobId}::bigint
    for update of j`);
  return job;
}

async function actOnFailedJob(
  db: Executor,
  jobId: string,
  staffId: string,
  action: "job.retry" | "job.discard",
  apply: (tx: Executor, job: LockedJob) => Promise<void>,
): Promise<FailedJobOutcome> {
  return db.transaction(async (tx) => {
    const job = await lockJob(tx, jobId);
    if (!job) return { outcome: "gone" };
    if (job.locked || job.attempts < job.maxAttempts) return { outcome: "not_failed" };
    await apply(tx, job);
    await recordStaffAction(tx, {
      staffId,
      action,
      data: { jobId: job.id, task: job.task, attempts: job.attempts, payload: summarizePayload(job.payload), lastError: job.lastError?.slice(0, 500) ?? null },
    });
    return { outcome: "done", task: job.task };
  });
}

/** Makes a failed job runnable now with all its attempts again, and wakes the workers. */
export function retryFailedJob(db: Executor, jobId: string, staffId: string): Promise<FailedJobOutcome> {
  return actOnFailedJob(db, jobId, staffId, "job.retry", async (tx) => {
    await tx.execute(sql`select id from graphile_worker.reschedule_jobs(array[${jobId}::bigint], run_at => now(), attempts => 0)`);
    // reschedule_jobs sends no notification: without one, idle workers would wait for their next poll.
    await tx.execute(sql`select pg_notify('jobs:insert', json_build_object('count', 1)::text)`);
  });
}

/** Deletes a failed job from the queue (graphile-worker's complete_jobs). */
export function discardFailedJob(db: Executor, jobId: string, staffId: string): Promise<FailedJobOutcome> {
  return actOnFailedJob(db, jobId, staffId, "job.discard", async (tx) => {
    await tx.execute(sql`select id from graphile_worker.complete_jobs(array[${jobId}::bigint])`);
  });
}
