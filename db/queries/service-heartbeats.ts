// Heartbeats of the running processes (service_heartbeats): each process writes its own row every
// few seconds (lib/health/service-heartbeat.ts); the operations page reads them all.
import { desc, eq, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { serviceHeartbeats, type ServiceState } from "../schema";

/** A process not seen for this long is shown as down: three missed heartbeats. */
export const HEARTBEAT_DOWN_AFTER_MS = 30_000;
/** Rows of processes not seen for this long (stopped or dead) are deleted. */
export const HEARTBEAT_PRUNE_AFTER_MS = 24 * 3_600_000;

export type HeartbeatInput = {
  instanceId: string;
  service: string;
  hostName: string;
  pid: number;
  version: string;
  startedAt: Date;
  state: ServiceState;
  checks: Record<string, string>;
};

/** Writes the process's row (the first beat inserts it), seen now by the database's clock. */
export async function recordHeartbeat(db: Executor, beat: HeartbeatInput): Promise<void> {
  await db
    .insert(serviceHeartbeats)
    .values({ ...beat, lastSeenAt: sql`now()` })
    .onConflictDoUpdate({ target: serviceHeartbeats.instanceId, set: { state: beat.state, checks: beat.checks, version: beat.version, lastSeenAt: sql`now()` } });
}

/** Deletes the rows of processes gone for longer than `olderThanMs`; returns how many. */
export async function pruneHeartbeats(db: Executor, olderThanMs = HEARTBEAT_PRUNE_AFTER_MS): Promise<number> {
  const gone = await db
    .delete(serviceHeartbeats)
    .where(lt(serviceHeartbeats.lastSeenAt, sql`now() - make_interval(secs => ${olderThanMs / 1000})`))
    .returning({ id: serviceHeartbeats.instanceId });
  return gone.length;
}

/** What the page shows: the process's own state, or "down" when it has not been seen for a while. */
export type InstanceStatus = ServiceState | "down";

export type ServiceInstance = {
  instanceId: string;
  service: string;
  hostName: string;
  pid: number;
  version: string;
  status: InstanceStatus;
  checks: Record<string, string>;
  startedAt: Date;
  lastSeenAt: Date;
  /** Since the last heartbeat, by the database's clock. */
  ageSeconds: number;
};

/** Every process with a row, by service, newest first within a service. */
export async function listServiceInstances(db: Executor, downAfterMs = HEARTBEAT_DOWN_AFTER_MS): Promise<ServiceInstance[]> {
  const age = sql<number>`extract(epoch from now() - ${serviceHeartbeats.lastSeenAt})::float8`;
  const rows = await db
    .select({
      instanceId: serviceHeartbeats.instanceId,
      service: serviceHeartbeats.service,
      hostName: serviceHeartbeats.hostName,
      pid: serviceHeartbeats.pid,
      version: serviceHeartbeats.version,
      state: serviceHeartbeats.state,
      checks: serviceHeartbeats.checks,
      startedAt: serviceHeartbeats.startedAt,
      lastSeenAt: serviceHeartbeats.lastSeenAt,
      ageSeconds: age,
    })
    .from(serviceHeartbeats)
    .orderBy(serviceHeartbeats.service, desc(serviceHeartbeats.startedAt));
  return rows.map(({ state, ...row }) => ({
    ...row,
    ageSeconds: Math.max(0, row.ageSeconds),
    status: state !== "stopped" && row.ageSeconds * 1000 > downAfterMs ? "down" : state,
  }));
}

/** The row of one process (tests). */
export async function findHeartbeat(db: Executor, instanceId: string) {
  const [row] = await db.select().from(serviceHeartbeats).where(eq(serviceHeartbeats.instanceId, instanceId));
  return row;
}
