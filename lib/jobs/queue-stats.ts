// What the graphile-worker queue holds, per task, read straight from graphile_worker.jobs: for
// the workers' metrics (and any page that shows the queue).
import { sql } from "drizzle-orm";
import type { Executor } from "@/db/client";

export type QueueStat = {
  task: string;
  /** Due now, not taken by a worker, attempts left. */
  ready: number;
  /** Taken by a worker (running, or its worker died and the lock has not expired yet). */
  locked: number;
  /** Attempts used up: kept until retried or deleted. */
  failed: number;
  /** Seconds the longest-waiting ready job has been due; 0 when none is ready. */
  oldestReadySeconds: number;
};

export async function readQueueStats(db: Executor): Promise<QueueStat[]> {
  const rows = await db.execute<QueueStat>(sql`
    select task_identifier as task,
      count(*) filter (where attempts < max_attempts and locked_at is null and run_at <= now())::int as ready,
      count(*) filter (where locked_at is not null)::int as locked,
      count(*) filter (where attempts >= max_attempts)::int as failed,
      coalesce(extract(epoch from now() - min(run_at) filter (where attempts < max_attempts and locked_at is null and run_at <= now())), 0)::float8 as "oldestReadySeconds"
    from graphile_worker.jobs group by task_identifier`);
  return [...rows];
}
