// Turns the services' task handlers into graphile-worker tasks: payload validated against the
// registry (an invalid one is logged and completed, never retried), one JSON log line and the
// metrics for every attempt, and thrown errors passed on so graphile-worker retries with backoff.
// Each attempt runs under the request id its payload carries (JOB_CONTEXT): on its log lines,
// and passed on to the jobs it enqueues.
import type { Logger as PinoLogger } from "pino";
import { Logger as GraphileLogger, type Task, type TaskList } from "graphile-worker";
import type { Database } from "@/db/client";
import { InvalidJobPayloadError, JOB_CONTEXT, parseTaskPayload, type TaskName, type TaskPayload } from "@/lib/jobs/tasks";
import { withRequestId } from "@/lib/request-id.mjs";
import type { WorkerMetrics } from "./metrics";

export type JobInfo = { id: string; attempt: number; maxAttempts: number };

export type TaskContext = { db: Database; log: PinoLogger; job: JobInfo };

/** A task handler; what it returns (e.g. "already-sent") is logged as the job's result. */
export type TaskHandler<T extends TaskName> = (payload: TaskPayload<T>, ctx: TaskContext) => Promise<unknown>;

export type TaskHandlers = { [K in TaskName]?: TaskHandler<K> };

export type TaskRunnerDeps = { db: Database; log: PinoLogger; metrics: WorkerMetrics };

function wrapTask<T extends TaskName>(task: T, handler: TaskHandler<T>, deps: TaskRunnerDeps): Task {
  const attempt = runAttempt(task, handler, deps);
  return (payload, helpers) => {
    const context = JOB_CONTEXT.safeParse(payload ?? {});
    return withRequestId(context.success ? context.data.requestId : undefined, () => attempt(payload, helpers));
  };
}

function runAttempt<T extends TaskName>(task: T, handler: TaskHandler<T>, deps: TaskRunnerDeps): Task {
  return async (payload, helpers) => {
    const started = process.hrtime.bigint();
    const job: JobInfo = { id: helpers.job.id, attempt: helpers.job.attempts, maxAttempts: helpers.job.max_attempts };
    const log = deps.log.child({ jobId: job.id, task, attempt: job.attempt, maxAttempts: job.maxAttempts });
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    // graphile-worker counts the attempt before running it: 2 and up are retries.
    if (job.attempt > 1) deps.metrics.retried.inc({ task });
    const durationMs = (s: number) => Math.round(s * 1000 * 10) / 10;

    let valid: TaskPayload<T>;
    try {
      valid = parseTaskPayload(task, payload);
    } catch (error) {
      if (!(error instanceof InvalidJobPayloadError)) throw error;
      const s = seconds();
      deps.metrics.failed.inc({ task, reason: "invalid_payload" });
      deps.metrics.duration.observe({ task, outcome: "invalid_payload" }, s);
      log.error({ outcome: "invalid_payload", issues: error.issues, payload, durationMs: durationMs(s) }, "invalid payload: job dropped, not retried");
      return;
    }

    try {
      const result = await handler(valid, { db: deps.db, log, job });
      const s = seconds();
      deps.metrics.completed.inc({ task });
      deps.metrics.duration.observe({ task, outcome: "completed" }, s);
      log.info({ outcome: "completed", result, durationMs: durationMs(s) }, "job completed");
    } catch (error) {
      const s = seconds();
      const final = job.attempt >= job.maxAttempts;
      deps.metrics.failed.inc({ task, reason: "error" });
      deps.metrics.duration.observe({ task, outcome: "failed" }, s);
      if (final) log.error({ outcome: "failed", err: error, durationMs: durationMs(s) }, "job failed on its last attempt; kept in graphile_worker.jobs");
      else log.warn({ outcome: "retrying", err: error, durationMs: durationMs(s) }, "job failed; graphile-worker retries it with backoff");
      throw error;
    }
  };
}

export function buildTaskList(handlers: TaskHandlers, deps: TaskRunnerDeps): TaskList {
  const list: TaskList = {};
  for (const task of Object.keys(handlers) as TaskName[]) {
    const handler = handlers[task] as TaskHandler<TaskName> | undefined;
    if (handler) list[task] = wrapTask(task, handler, deps);
  }
  return list;
}

/**
 * graphile-worker's own messages as pino lines. Its per-job "Completed task…" info lines repeat
 * ours, so its info becomes debug; its errors and warnings stay.
 */
export function graphileLogger(log: PinoLogger): GraphileLogger {
  return new GraphileLogger((scope) => (level, message, meta) => {
    const { error, ...rest } = (meta ?? {}) as { error?: unknown };
    const fields = { graphile: scope, ...rest, ...(error === undefined ? {} : { err: error }) };
    if (level === "error") log.error(fields, message);
    else if (level === "warning") log.warn(fields, message);
    else if (level === "info") log.debug(fields, message);
    else log.trace(fields, message);
  });
}
