// Prometheus metrics of a worker service: job attempts completed, failed and retried per task, job
// durations, the queue's depth and oldest ready job read from graphile_worker.jobs on scrape, the
// order counters this process increments (lib/metrics/shared.mjs) and its database pools.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { QueueTaskStats } from "@/db/queries/job-queue";
import { sharedMetrics } from "@/lib/metrics/shared.mjs";

export type QueueStats = QueueTaskStats[];

export type WorkerMetrics = {
  registry: Registry;
  completed: Counter<"task">;
  failed: Counter<"task" | "reason">;
  retried: Counter<"task">;
  duration: Histogram<"task" | "outcome">;
};

export function createWorkerMetrics(service: string, queueStats?: () => Promise<QueueStats>): WorkerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const shared = sharedMetrics();
  for (const counter of [shared.ordersPlaced, shared.ordersConfirmed, shared.ordersCancelled, shared.ordersCaptured]) registry.registerMetric(counter);
  const completed = new Counter({ name: "jobs_completed_total", help: "Jobs that ran to completion.", labelNames: ["task"], registers });
  const failed = new Counter({
    name: "jobs_failed_total",
    help: 'Job attempts that failed: reason "error" (retried until max attempts) or "invalid_payload" (not retried).',
    labelNames: ["task", "reason"],
    registers,
  });
  const retried = new Counter({
    name: "jobs_retried_total",
    help: "Job attempts that were retries (attempt 2 and later), whatever their outcome.",
    labelNames: ["task"],
    registers,
  });
  const duration = new Histogram({
    name: "job_duration_seconds",
    help: "Time a job attempt took, by outcome.",
    labelNames: ["task", "outcome"],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  if (queueStats) {
    // The gauges are filled from one query, reused for a second so that a scrape runs it once.
    let cached: { at: number; stats: Promise<QueueStats> } | null = null;
    const read = () => {
      if (!cached || Date.now() - cached.at > 1_000) cached = { at: Date.now(), stats: queueStats() };
      return cached.stats;
    };
    const queueGauge = (name: string, help: string, pick: (row: QueueTaskStats) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ["task"],
        registers,
        async collect() {
          try {
            const rows = await read();
            this.reset();
            for (const row of rows) this.set({ task: row.task }, pick(row));
          } catch {
            // left as they were: the readiness check reports an unreachable database
          }
        },
      });
    queueGauge("jobs_ready", "Jobs waiting to run now (all tasks of the queue, not only this service's).", (row) => row.ready);
    queueGauge("jobs_running", "Jobs taken by a worker: running, or held by a worker that died until the sweep frees them.", (row) => row.running);
    queueGauge("jobs_scheduled", "Jobs waiting for a later time: scheduled, or backing off before a retry.", (row) => row.scheduled);
    queueGauge("jobs_oldest_ready_age_seconds", "How long the longest-waiting ready job has been due (0: none waiting).", (row) => row.oldestReadySeconds);
    queueGauge("jobs_permanently_failed", "Jobs that used all their attempts and stay in graphile_worker.jobs until retried or deleted.", (row) => row.failed);
  }
  return { registry, completed, failed, retried, duration };
}
