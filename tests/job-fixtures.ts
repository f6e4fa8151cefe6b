// Reading the job queue in tests: graphile_worker.jobs leaves payloads out, so this joins its
// private tables (graphile-worker 0.16).
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";

export type QueuedJob = { task: string; payload: Record<string, unknown>; attempts: number; lastError: string | null };

/** Jobs (pending or failed, not yet completed) whose payload names the order, by task then id. */
export async function jobsOfOrder(db: Database, orderId: string, task?: string): Promise<QueuedJob[]> {
  const rows = await db.execute<{ task: string; payload: Record<string, unknown>; attempts: number; last_error: string | null }>(sql`
    select t.identifier as task, j.payload, j.attempts, j.last_error
    from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where j.payload->>'orderId' = ${orderId} and (${task ?? null}::text is null or t.identifier = ${task ?? null}::text)
    order by t.identifier, j.id`);
  return rows.map((r) => ({ task: r.task, payload: r.payload, attempts: r.attempts, lastError: r.last_error }));
}
