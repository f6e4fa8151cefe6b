// Keeps graphile-worker's job runner going through database outages. graphile-worker 0.16 gives up
// for good in two places when PostgreSQL goes away: its crontab stops the whole runner if a minute's
// tick cannot be written, and a worker that cannot mark its job completed or failed exits ("committing
// seppuku") and is never replaced, so the pool silently shrinks to nothing. The supervisor notices
// either, stops what is left of the runner and starts a new one, retrying until the database
// answers. Found by the PostgreSQL-restart fault drill (tests/drills/postgres-restart.int.test.ts).
import type { Runner } from "graphile-worker";
import type { Logger } from "pino";
import { Counter, type Registry } from "prom-client";

export type SupervisedRunner = {
  /** False from a failure until a new runner runs, and once stopped (readiness). */
  isRunning(): boolean;
  /** Stops the runner (running jobs finish) and any restart in progress. */
  stop(): Promise<void>;
};

const RETRY_MAX_MS = 2_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a runner with `start` (a failure to start the first one is thrown) and restarts it when it fails. */
export async function superviseRunner(options: { start: () => Promise<Runner>; log: Logger; registry: Registry }): Promise<SupervisedRunner> {
  const { start, log } = options;
  const restarts = new Counter({
    name: "job_runner_restarts_total",
    help: "Times the job runner failed (database gone at a crontab tick or while a job was being completed) and was started again.",
    registers: [options.registry],
  });
  let runner: Runner | null = await start();
  let stopped = false;
  let restarting: Promise<void> | null = null;

  const restart = async (old: Runner, reason: unknown) => {
    runner = null;
    restarts.inc();
    log.error({ err: reason }, "job runner failed; starting a new one");
    // The old runner's other workers finish their jobs; "already stopped" is fine.
    await old.stop().catch(() => {});
    for (let attempt = 1; !stopped; attempt++) {
      try {
        const next = await start();
        if (stopped) {
          await next.stop();
          return;
        }
        runner = next;
        watch(next);
        log.warn({ attempt }, "job runner started again");
        return;
      } catch (error) {
        log.warn({ err: error, attempt }, "job runner could not start; retrying");
        await sleep(Math.min(RETRY_MAX_MS, 250 * attempt));
      }
    }
  };

  function watch(current: Runner): void {
    let failed = false;
    const fail = (reason: unknown) => {
      if (failed || stopped) return;
      failed = true;
      restarting = restart(current, reason).finally(() => (restarting = null));
    };
    current.promise.then(() => fail(new Error("the job runner stopped by itself")), fail);
    current.events.on("worker:stop", ({ error }) => {
      if (error) fail(error);
    });
  }

  watch(runner);
  return {
    isRunning: () => runner !== null && !stopped,
    async stop() {
      stopped = true;
      await restarting;
      const last = runner;
      runner = null;
      await last?.stop();
    },
  };
}
