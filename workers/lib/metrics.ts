// Prometheus metrics of a worker service: jobs completed and failed per task, job durations,
// and the queue's depth and permanently failed jobs read from graphile_worker.jobs on scrape.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export type QueueStats = { task: string; ready: number; failed: number }[];

export type WorkerMetrics = {
  registry: Registry;
  completed: Counter<"task">;
  failed: Counter<"task" | "reason">;
  duration: Histogram<"task" | "outcome">;
};

export function createWorkerMetrics(service: string, queueStats?: () => Promise<QueueStats>): WorkerMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  const completed = new Counter({ name: "jobs_completed_total", help: "Jobs that ran to completion.", labelNames: ["task"], registers });
  const failed = new Counter({
    name: "jobs_failed_total",
    help: 'Job attempts that failed: reason "error" (retried until max attempts) or "invalid_payload" (not retried).',
    labelNames: ["task", "reason"],
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
    // Both gauges are filled from one query, reused for a second so that a scrape runs it once.
    let cached: { at: number; stats: Promise<QueueStats> } | null = null;
    const read = () => {
      if (!cached || Date.now() - cached.at > 1_000) cached = { at: Date.now(), stats: queueStats() };
      return cached.stats;
    };
    const fill = async (gauge: Gauge<"task">, pick: (row: QueueStats[number]) => number) => {
      try {
        const rows = await read();
        gauge.reset();
        for (const row of rows) gauge.set({ task: row.task }, pick(row));
      } catch {
        // left as they were: the readiness check reports an unreachable database
      }
    };
    new Gauge({
      name: "jobs_ready",
      help: "Jobs waiting to run now (all tasks of the queue, not only this service's).",
      labelNames: ["task"],
      registers,
      async collect() {
        await fill(this, (row) => row.ready);
      },
    });
    new Gauge({
      name: "jobs_permanently_failed",
      help: "Jobs that used all their attempts and stay in graphile_worker.jobs until retried or deleted.",
      labelNames: ["task"],
      registers,
      async collect() {
        await fill(this, (row) => row.failed);
      },
    });
  }
  return { registry, completed, failed, duration };
}
