// The runtime every worker service shares: graphile-worker's runner over the registry's tasks
// (started again when a database outage breaks it), JSON logs, metrics, the health server,
// graceful shutdown on SIGTERM/SIGINT, and the heartbeat and sweep that hand the jobs of dead
// processes to live ones.
import { parseCrontab, run } from "graphile-worker";
import pino, { type Logger } from "pino";
import { sql } from "drizzle-orm";
import { createDatabase, type Database } from "@/db/client";
import { queueStats } from "@/db/queries/job-queue";
import { assertDeploymentConfig } from "@/lib/deployment";
import { startServiceHeartbeat } from "@/lib/health/service-heartbeat";
import { workerEnv } from "./lib/config";
import { startHealthServer } from "./lib/health-server";
import { heartbeatPlugin, livenessEnv, startHeartbeat, startOrphanSweep, type OrphanSweep } from "./lib/liveness";
import { createWorkerMetrics, type WorkerMetrics } from "./lib/metrics";
import { poolApplicationName, registerPoolMetrics, withApplicationName } from "@/lib/metrics/db-pool";
import { requestIdMixin } from "@/lib/logger";
import { tolerateOutageRejections } from "./lib/outage-rejections";
import { superviseRunner, type SupervisedRunner } from "./lib/runner-supervisor";
import { buildTaskList, graphileLogger, type TaskHandlers } from "./lib/task-runner";
import { refreshStorefrontTask } from "./tasks/refresh-storefront";

export type { TaskContext, TaskHandler, TaskHandlers } from "./lib/task-runner";

export type WorkerServiceOptions = {
  /** "order-worker", "notification-worker", "scheduler": the `service` of logs and metrics. */
  name: string;
  tasks: TaskHandlers;
  /** graphile-worker crontab lines, e.g. `*\/5 * * * * expire-unpaid-orders`. */
  crontab?: string;
  concurrency: number;
  /** 0 picks a free port (tests). */
  healthPort: number;
  /** Runs during shutdown once no job runs any more (close SMTP connections, …). */
  onShutdown?: () => Promise<void> | void;
  /** Stop and exit on SIGTERM/SIGINT (default true); tests call `stop()` themselves. */
  handleSignals?: boolean;
};

export type WorkerService = {
  name: string;
  healthPort: number;
  db: Database;
  log: Logger;
  metrics: WorkerMetrics;
  /** Stops taking jobs, waits for running ones, closes the health server and the pools. */
  stop(): Promise<void>;
};

const READINESS_TIMEOUT_MS = 2_000;
/** Running jobs get this long to finish after SIGTERM/SIGINT before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 25_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function startWorkerService(options: WorkerServiceOptions): Promise<WorkerService> {
  // Before anything opens: a real deployment with test payments or captured e-mails never starts.
  const mode = assertDeploymentConfig();
  const env = workerEnv();
  const liveness = livenessEnv();
  const log = pino({ level: env.LOG_LEVEL, base: { service: options.name, pid: process.pid }, mixin: requestIdMixin });
  const poolMax = env.DATABASE_POOL_MAX ?? Math.max(2, options.concurrency);
  const queuePoolMax = options.concurrency + 2;
  const { db, sql: pool } = createDatabase(env.DATABASE_URL, poolMax, {
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    applicationName: poolApplicationName(options.name, "app"),
  });
  const metrics = createWorkerMetrics(options.name, () => queueStats(db));
  registerPoolMetrics(metrics.registry, { db, service: options.name, pools: { app: poolMax, queue: queuePoolMax } });
  const untolerate = tolerateOutageRejections({ log, registry: metrics.registry });
  let running = false;
  let runner: SupervisedRunner | null = null;

  const readiness = async () => {
    const database = await withTimeout(db.execute(sql`select 1`), READINESS_TIMEOUT_MS).then(
      () => "ok",
      () => "unreachable",
    );
    const up = running && runner !== null && runner.isRunning();
    return { ready: database === "ok" && up, checks: { database, runner: up ? "running" : "stopped" } };
  };
  const health = await startHealthServer({
    port: options.healthPort,
    host: env.HEALTH_HOST,
    service: options.name,
    registry: metrics.registry,
    readiness,
  }).catch(async (error: unknown) => {
    untolerate();
    await pool.end({ timeout: 5 });
    throw error;
  });

  // Every service refreshes the storefront after the stock changes it commits (db/queries/stock.ts).
  const tasks: TaskHandlers = {
    "refresh-storefront": refreshStorefrontTask,
    ...options.tasks,
  };

  // Held from before the first job until the last one has finished; see workers/lib/liveness.ts.
  const heartbeat = startHeartbeat(env.DATABASE_URL, log);
  const taskList = buildTaskList(tasks, { db, log, metrics });
  const parsedCronItems = parseCrontab(options.crontab ?? "");
  const startRunner = () =>
    run({
      connectionString: withApplicationName(env.DATABASE_URL, poolApplicationName(options.name, "queue")),
      concurrency: options.concurrency,
      // LISTEN plus fetching and completing jobs; the tasks themselves use the Drizzle pool.
      maxPoolSize: queuePoolMax,
      noHandleSignals: true,
      logger: graphileLogger(log),
      taskList,
      parsedCronItems,
      preset: { plugins: [heartbeatPlugin(heartbeat)] },
    });
  try {
    runner = await superviseRunner({ start: startRunner, log, registry: metrics.registry });
  } catch (error) {
    await health.close();
    await heartbeat.close();
    await pool.end({ timeout: 5 });
    untolerate();
    throw error;
  }
  running = true;
  // For the operations page: this process, its readiness, and its stop (lib/health/service-heartbeat.ts).
  const serviceHeartbeat = startServiceHeartbeat({ db, service: options.name, log, readiness });
  const sweepIntervalMs = liveness.WORKER_SWEEP_INTERVAL_MS;
  const sweep: OrphanSweep | null =
    sweepIntervalMs > 0 ? startOrphanSweep({ db, heartbeat, intervalMs: sweepIntervalMs, log, registry: metrics.registry }) : null;
  log.info(
    { mode, tasks: Object.keys(tasks), concurrency: options.concurrency, healthHost: health.host, healthPort: health.port, sweepIntervalMs },
    `${options.name} started`,
  );

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      const wasRunning = running;
      running = false; // readiness turns 503 at once, so traffic and orchestrators see it
      log.info("stopping: no new jobs; waiting for running ones");
      await serviceHeartbeat.stop("stopping");
      await sweep?.stop();
      if (wasRunning) await runner?.stop().catch((error: unknown) => log.error({ err: error }, "runner did not stop cleanly"));
      await (async () => options.onShutdown?.())().catch((error: unknown) => log.error({ err: error }, "shutdown hook failed"));
      await heartbeat.close().catch(() => {}); // only now: the jobs that were running kept their heartbeat
      await health.close().catch(() => {});
      await serviceHeartbeat.stop("stopped");
      await pool.end({ timeout: 5 });
      untolerate();
      log.info("stopped");
    })());

  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    const onSignal = (signal: NodeJS.Signals) => {
      // One Ctrl-C can arrive several times (the terminal, then the supervisor): repeats are
      // ignored, and a supervisor that will not wait escalates to SIGKILL.
      if (stopping) return log.debug({ signal }, "already stopping");
      log.info({ signal }, "shutdown requested");
      // A shutdown that hangs (the database gone mid-stop, say) must still end the process.
      setTimeout(() => {
        log.error({ graceMs: SHUTDOWN_GRACE_MS }, "shutdown took too long; exiting");
        process.exit(1);
      }, SHUTDOWN_GRACE_MS).unref();
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          log.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  }

  return { name: options.name, healthPort: health.port, db, log, metrics, stop };
}

/**
 * The end of a worker entry whose start failed: one fatal JSON line that says why (a taken port
 * names itself, its owner and HEALTH_PORT; a bad variable names the variable), no stack, exit 1.
 */
export function exitAfterFailedStart(service: string, error: unknown): never {
  const reason = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  console.error(JSON.stringify({ level: "fatal", time: Date.now(), service, msg: `failed to start: ${reason}`, ...(typeof code === "string" ? { code } : {}) }));
  process.exit(1);
}
