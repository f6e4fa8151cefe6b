// The operations page's data (admins): every process's heartbeat, the queue per task and the
// failed jobs, read together, and the version token its live refresh polls.
import { createHash } from "node:crypto";
import type { Executor } from "@/db/client";
import { listFailedJobs, queueStats, type FailedJob, type QueueTaskStats } from "@/db/queries/job-queue";
import { listServiceInstances, type ServiceInstance } from "@/db/queries/service-heartbeats";

export type OperationsView = { instances: ServiceInstance[]; queue: QueueTaskStats[]; failed: FailedJob[] };

/** Failed jobs shown at once: the latest failures. */
export const FAILED_JOBS_SHOWN = 50;
/** Heartbeat ages on the page are kept this fresh, even when nothing else changes. */
const AGE_REFRESH_MS = 10_000;

export async function loadOperations(db: Executor): Promise<OperationsView> {
  const [instances, queue, failed] = await Promise.all([listServiceInstances(db), queueStats(db), listFailedJobs(db, FAILED_JOBS_SHOWN)]);
  return { instances, queue, failed };
}

/**
 * Moves when a process changes state, comes or goes, when the queue's counts change, when a job
 * fails or is retried or discarded, and every 10 s so that heartbeat ages stay current.
 */
export function operationsVersion(view: OperationsView, now = Date.now()): string {
  const parts = [
    Math.floor(now / AGE_REFRESH_MS),
    view.instances.map((i) => [i.instanceId, i.status, i.checks]),
    view.queue.map((q) => [q.task, q.ready, q.scheduled, q.running, q.failed]),
    view.failed.map((job) => [job.id, job.failedAt.getTime()]),
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("base64url").slice(0, 16);
}

/** "4 s", "3 min", "2 h 5 min", "3 d" */
export function formatAge(seconds: number): string {
  const s = Math.floor(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3_600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3_600)} h ${Math.floor((s % 3_600) / 60)} min`;
  return `${Math.floor(s / 86_400)} d`;
}

/** The services of a Halles deployment, listed even when none of their processes has reported. */
export const SERVICES = ["web", "order-worker", "notification-worker", "scheduler"] as const;

/** Instances grouped by service: the known services first, in order, then any other that reported. */
export function instancesByService(instances: ServiceInstance[]): { service: string; instances: ServiceInstance[] }[] {
  const names = [...new Set<string>([...SERVICES, ...instances.map((i) => i.service)])];
  return names.map((service) => ({ service, instances: instances.filter((i) => i.service === service) }));
}
