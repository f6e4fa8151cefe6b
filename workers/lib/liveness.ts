// Frees the jobs of worker processes that died (SIGKILL, OOM, lost host) within seconds instead of
// graphile-worker's 4 hours. Each process keeps a heartbeat in PostgreSQL: one shared advisory lock
// per graphile-worker worker id, held on a dedicated connection, so it vanishes with the process
// or its connection. Every process sweeps the queue for jobs locked by worker ids without a
// heartbeat and hands them back with graphile_worker.force_unlock_workers.
import { sql } from "drizzle-orm";
import postgres from "postgres";
import type { Logger } from "pino";
import { Counter, type Registry } from "prom-client";
import { z } from "zod";
import { reconnectBackoff, type Database } from "@/db/client";
import { parseEnv } from "@/lib/env";

/** First key of the heartbeat locks (ASCII "HLWK"); the second is hashtext(worker id). */
export const HEARTBEAT_LOCK_CLASS = 0x484c574b;

const DEFAULT_SWEEP_INTERVAL_MS = 10_000;

const envSchema = z.object({
  /** How often a process looks for jobs of dead workers; 0 turns the sweep off (the heartbeat stays). */
  WORKER_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(DEFAULT_SWEEP_INTERVAL_MS),
});

/** Validated at service start-up with the rest of the environment. */
export function livenessEnv(source: Record<string, string | undefined> = process.env): z.infer<typeof envSchema> {
  return parseEnv(envSchema, source);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- graphile-config registers plugin names in a global namespace
  namespace GraphileConfig {
    interface Plugins {
      HallesHeartbeatPlugin: true;
    }
  }
}

export type Heartbeat = {
  /** Takes the worker id's lock; resolves once it is held. Throws only once the heartbeat is closing. */
  hold(workerId: string): Promise<void>;
  /** Drops a worker id that stopped (its jobs are then freed by the sweep if it left one locked). */
  release(workerId: string): Promise<void>;
  /** Takes any lock not held by the heartbeat's connection (a new connection after a drop); returns how many. */
  check(): Promise<number>;
  workerIds(): string[];
  /** Ends the connection, which releases every lock: call once no job runs any more. */
  close(): Promise<void>;
};

const RECONNECT_DELAY_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startHeartbeat(url: string, log: Logger): Heartbeat {
  const ids = new Set<string>();
  let closing = false;
  let chain: Promise<unknown> = Promise.resolve();
  let retry: NodeJS.Timeout | undefined;

  const client = postgres(url, {
    max: 1,
    max_lifetime: null, // postgres.js recycles connections after 30–60 min by default, which would drop the locks
    backoff: reconnectBackoff,
    fetch_types: false,
    onnotice: () => {},
    connection: { application_name: "halles-heartbeat" },
    onclose: () => {
      if (closing || ids.size === 0 || retry) return;
      log.warn("heartbeat connection lost; taking the locks again");
      // After a pause: while the database is down, each failed attempt closes the connection again.
      retry = setTimeout(() => {
        retry = undefined;
        if (!closing) check().catch((error: unknown) => log.error({ err: error }, "heartbeat: could not take the locks again; the next sweep retries"));
      }, RECONNECT_DELAY_MS);
      retry.unref();
    },
  });

  const takeMissing = async (): Promise<number> => {
    if (ids.size === 0) return 0;
    const rows = await client<{ id: string }[]>`
      select id, pg_advisory_lock_shared(${HEARTBEAT_LOCK_CLASS}::int, hashtext(id)) as held
      from json_array_elements_text(${JSON.stringify([...ids])}::text::json) as id
      where not exists (
        select 1 from pg_locks l
        where l.pid = pg_backend_pid() and l.locktype = 'advisory' and l.objsubid = 2
          and l.classid = ${HEARTBEAT_LOCK_CLASS}::int::oid and l.objid = hashtext(id)::oid)`;
    return rows.length;
  };

  // One statement at a time on the connection, so concurrent callers never interleave.
  const serially = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = chain.catch(() => {}).then(fn);
    chain = next;
    return next;
  };
  const check = () => serially(takeMissing);

  return {
    async hold(workerId) {
      ids.add(workerId);
      for (let attempt = 1; ; attempt++) {
        if (closing) throw new Error(`heartbeat closing: worker ${workerId} takes no job`);
        try {
          await check();
          return;
        } catch (error) {
          log.warn({ err: error, workerId, attempt }, "heartbeat: could not take the worker's lock; retrying");
          await sleep(Math.min(5_000, 250 * 2 ** attempt));
        }
      }
    },
    async release(workerId) {
      if (!ids.delete(workerId) || closing) return;
      // A lost connection has dropped the lock already; the id is gone from the set either way.
      await serially(() => client`select pg_advisory_unlock_shared(${HEARTBEAT_LOCK_CLASS}::int, hashtext(${workerId}))`).catch(() => {});
    },
    check: async () => (closing ? 0 : check()),
    workerIds: () => [...ids],
    async close() {
      closing = true;
      clearTimeout(retry);
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * A graphile-worker plugin: a worker fetches its first job only once its heartbeat is held, and
 * drops it when it stops. A worker that stops on an error (graphile-worker's "seppuku" when it
 * cannot mark its job done, the database being gone) leaves that job locked: without its heartbeat,
 * the sweep frees it as it would a dead process's.
 */
export function heartbeatPlugin(heartbeat: Heartbeat): GraphileConfig.Plugin {
  return {
    name: "HallesHeartbeatPlugin",
    version: "1.0.0",
    description: "Holds a heartbeat advisory lock per worker id (see workers/lib/liveness.ts).",
    worker: {
      hooks: {
        startWorker: (_info, event) => heartbeat.hold(event.worker.workerId),
        stopWorker: (_info, event) => heartbeat.release(event.worker.workerId),
      },
    },
  };
}

/** Worker ids that lock a job or a job queue and have no heartbeat in this database. */
export async function findWorkersWithoutHeartbeat(db: Database): Promise<string[]> {
  const rows = await db.execute<{ worker_id: string }>(sql`
    select w.locked_by as worker_id from (
      select locked_by from graphile_worker._private_jobs where locked_by is not null
      union
      select locked_by from graphile_worker._private_job_queues where locked_by is not null
    ) as w
    where not exists (
      select 1 from pg_locks l
      where l.locktype = 'advisory' and l.granted and l.objsubid = 2
        and l.database = (select oid from pg_database where datname = current_database())
        and l.classid = ${HEARTBEAT_LOCK_CLASS}::int::oid and l.objid = hashtext(w.locked_by)::oid)`);
  return rows.map((row) => row.worker_id).sort();
}

/** Unlocks the jobs and queues of these worker ids and wakes the workers listening; returns the jobs freed. */
export async function releaseJobsOfWorkers(db: Database, workerIds: string[]): Promise<number> {
  if (workerIds.length === 0) return 0;
  const ids = JSON.stringify(workerIds);
  return db.transaction(async (tx) => {
    const [{ jobs }] = await tx.execute<{ jobs: number }>(sql`
      select count(*)::int as jobs from graphile_worker._private_jobs
      where locked_by in (select json_array_elements_text(${ids}::text::json))`);
    await tx.execute(sql`select graphile_worker.force_unlock_workers(array(select json_array_elements_text(${ids}::text::json)))`);
    // force_unlock_workers sends no notification: without one, idle workers would wait for their next poll.
    if (jobs > 0) await tx.execute(sql`select pg_notify('jobs:insert', json_build_object('count', ${jobs}::int)::text)`);
    return jobs;
  });
}

export type SweepResult = { suspected: string[]; released: string[]; jobs: number };

export type OrphanSweep = {
  /** One sweep now (tests); the timer keeps running. */
  sweep(): Promise<SweepResult>;
  stop(): Promise<void>;
};

/**
 * Sweeps every `intervalMs`. A worker id is released only when it has no heartbeat on two
 * sweeps in a row, so a live process whose heartbeat connection is being re-established (it
 * takes its locks again at once) keeps its jobs. Several processes may sweep at the same time:
 * force_unlock_workers only touches rows still locked by the dead ids.
 */
export function startOrphanSweep(options: {
  db: Database;
  heartbeat: Heartbeat;
  intervalMs: number;
  log: Logger;
  registry: Registry;
}): OrphanSweep {
  const { db, heartbeat, intervalMs, log } = options;
  const recovered = new Counter({
    name: "jobs_recovered_total",
    help: "Jobs unlocked because the worker process that had locked them was gone (no heartbeat).",
    registers: [options.registry],
  });
  let suspects = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;

  const sweep = async (): Promise<SweepResult> => {
    const retaken = await heartbeat.check();
    if (retaken > 0) log.warn({ locks: retaken }, "heartbeat locks were missing and have been taken again");
    const without = await findWorkersWithoutHeartbeat(db);
    const released = without.filter((id) => suspects.has(id));
    suspects = new Set(without.filter((id) => !suspects.has(id)));
    const jobs = await releaseJobsOfWorkers(db, released);
    if (released.length > 0) {
      recovered.inc(jobs);
      log.warn({ workerIds: released, jobs }, "released the jobs of dead workers");
    }
    return { suspected: [...suspects], released, jobs };
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = sweep()
        .catch((error: unknown) => log.error({ err: error }, "sweep for jobs of dead workers failed; retrying at the next interval"))
        .finally(schedule);
    }, intervalMs);
  };
  schedule();

  return {
    sweep,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
