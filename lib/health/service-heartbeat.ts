// Every running process (web instance, worker service) writes a heartbeat row every few seconds
// with what it knows of its own readiness, and marks it stopped when it stops cleanly. The back
// office's operations page reads them: a row not refreshed for 30 s is a process that is down.
// (Not to be confused with workers/lib/liveness.ts, whose advisory-lock heartbeat frees jobs.)
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { Logger } from "pino";
import { z } from "zod";
import type { Executor } from "@/db/client";
import { pruneHeartbeats, recordHeartbeat, type HeartbeatInput } from "@/db/queries/service-heartbeats";
import type { ServiceState } from "@/db/schema";
import { parseEnv } from "@/lib/env";
import packageJson from "@/package.json";

export const HEARTBEAT_INTERVAL_MS = 10_000;
/** A write that has not finished by then is given up (the next beat tries again). */
const WRITE_TIMEOUT_MS = 3_000;

const envSchema = z.object({
  /** The release a process runs, shown on the operations page (a tag or commit); else the package version. */
  HALLES_VERSION: z.string().trim().min(1).max(100).optional(),
});

export function serviceVersion(source: Record<string, string | undefined> = process.env): string {
  return parseEnv(envSchema, source).HALLES_VERSION ?? packageJson.version;
}

export type Readiness = { ready: boolean; checks: Record<string, string> };

export type ServiceHeartbeat = {
  instanceId: string;
  /** One heartbeat now (also run every interval). */
  beat(): Promise<void>;
  /** Stops beating and records `stopping` or `stopped`; `stopped` is final. */
  stop(state?: Extract<ServiceState, "stopping" | "stopped">): Promise<void>;
};

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function startServiceHeartbeat(options: {
  db: Executor;
  service: string;
  log: Logger;
  readiness: () => Promise<Readiness>;
  intervalMs?: number;
}): ServiceHeartbeat {
  const { db, log } = options;
  const intervalMs = options.intervalMs ?? HEARTBEAT_INTERVAL_MS;
  const row: Omit<HeartbeatInput, "state" | "checks"> = {
    instanceId: randomUUID(),
    service: options.service,
    hostName: hostname(),
    pid: process.pid,
    version: serviceVersion(),
    startedAt: new Date(),
  };
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let failing = false;
  let inFlight: Promise<void> = Promise.resolve();

  const write = async (state: ServiceState, checks: Record<string, string>) => {
    try {
      await withTimeout(recordHeartbeat(db, { ...row, state, checks }), WRITE_TIMEOUT_MS);
      if (failing) log.info("service heartbeat recorded again");
      failing = false;
    } catch (error) {
      // Logged once per outage: the operations page shows the process as down meanwhile.
      if (!failing) log.warn({ err: error }, "could not record the service heartbeat; retrying at the next beat");
      failing = true;
    }
  };

  const beatOnce = async () => {
    const readiness = await options.readiness().catch((): Readiness => ({ ready: false, checks: { readiness: "failed" } }));
    if (stopped) return;
    await write(readiness.ready ? "ready" : "not_ready", readiness.checks);
    await withTimeout(pruneHeartbeats(db), WRITE_TIMEOUT_MS).catch(() => {});
  };
  const beat = () => (inFlight = inFlight.then(beatOnce));

  const schedule = () => {
    timer = setTimeout(() => void beat().finally(() => !stopped && schedule()), intervalMs);
    timer.unref();
  };
  void beat();
  schedule();

  return {
    instanceId: row.instanceId,
    beat,
    async stop(state = "stopped") {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
      await write(state, {});
    },
  };
}
