// Fault drill: PostgreSQL down while a minute turns. The scheduler's crontab writes each minute's
// tick; graphile-worker 0.16.6 then let a copy of that failure go unhandled, which ended the process
// (CI saw it once the restart drill's outage happened to span a minute's turn). The outage here is
// placed across one on purpose.
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeWorker, spawnWorker, type WorkerProcess } from "@/tests/worker-process";
import { startDrillPostgres, type DrillPostgres } from "./drill-postgres";
import { startReadinessProbe, workerReadiness, type ReadinessProbe } from "./readiness-probe";

const RECOVERY_BOUND_MS = 10_000;
/** Stop the database this long before a minute turns, start it this long after. */
const BEFORE_TURN_MS = 3_000;
const AFTER_TURN_MS = 3_000;

let pg: DrillPostgres;
let scheduler: WorkerProcess | undefined;
let probe: ReadinessProbe | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  pg = await startDrillPostgres("minute-turn");
}, 180_000);

afterAll(async () => {
  await probe?.stop();
  scheduler?.signal("SIGTERM");
  await scheduler?.exited;
  await pg?.remove();
}, 60_000);

it("fault drills (issue 6 item 14): the scheduler lives through a minute's turn with the database down, and is ready again within 10 s", { timeout: 180_000 }, async () => {
  scheduler = spawnWorker("workers/scheduler.ts", { DATABASE_URL: pg.url, HEALTH_PORT: "0" });
  const started = await scheduler.waitForLog((line) => / started$/.test(line.msg), 30_000);
  probe = startReadinessProbe("scheduler", workerReadiness(started.healthPort as number));
  await probe.waitFor(200, performance.now(), 20_000);

  const untilTurn = () => 60_000 - (Date.now() % 60_000);
  if (untilTurn() < BEFORE_TURN_MS + 1_000) await sleep(untilTurn()); // too close: take the next one
  await sleep(untilTurn() - BEFORE_TURN_MS);
  await pg.stop();
  const down = performance.now();
  await probe.waitFor(503, down, 20_000);
  await sleep(untilTurn() < 30_000 ? untilTurn() + AFTER_TURN_MS : AFTER_TURN_MS); // past the turn
  await pg.start();
  const back = performance.now();

  const ready = await probe.waitFor(200, back, 30_000).catch((error: Error) => {
    throw new Error(`${error.message}\nscheduler ${describeWorker(scheduler!)}`);
  });
  expect(ready.answeredAt - back).toBeLessThan(RECOVERY_BOUND_MS);
  expect(scheduler.child.exitCode).toBeNull();
  expect(scheduler.logs.filter((line) => / started$/.test(line.msg))).toHaveLength(1);
  // The tick failed while the database was down and a new runner took over: the path under test ran.
  expect(scheduler.logs.some((line) => line.msg === "job runner started again")).toBe(true);
});
