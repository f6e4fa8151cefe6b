import { EventEmitter } from "node:events";
import type { Runner } from "graphile-worker";
import pino from "pino";
import { Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { superviseRunner } from "./runner-supervisor";

/** A stand-in for graphile-worker's runner: its promise and events are driven by the test. */
function fakeRunner() {
  let settle: { resolve: () => void; reject: (error: unknown) => void } = { resolve: () => {}, reject: () => {} };
  const promise = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  promise.catch(() => {});
  const events = new EventEmitter();
  let stops = 0;
  const runner = {
    promise,
    events,
    stop: async () => {
      stops++;
      settle.resolve();
    },
  };
  return { runner: runner as unknown as Runner, crash: (error: unknown) => settle.reject(error), events, stops: () => stops };
}

const quiet = pino({ level: "silent" });

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
}

describe("superviseRunner", () => {
  it("starts a new runner when the runner stops on an error (a crontab tick without a database)", async () => {
    const runners = [fakeRunner(), fakeRunner()];
    let started = 0;
    const supervised = await superviseRunner({ start: async () => runners[started++].runner, log: quiet, registry: new Registry() });
    expect(supervised.isRunning()).toBe(true);

    runners[0].crash(new Error("connect ECONNREFUSED"));
    await until(() => started === 2 && supervised.isRunning());
    expect(runners[0].stops()).toBe(1);

    await supervised.stop();
    expect(runners[1].stops()).toBe(1);
    expect(supervised.isRunning()).toBe(false);
  });

  it("starts a new runner when one of its workers exits on an error, and keeps retrying while it cannot start", async () => {
    const first = fakeRunner();
    const second = fakeRunner();
    let calls = 0;
    const start = async () => {
      calls++;
      if (calls === 1) return first.runner;
      if (calls < 4) throw new Error("connect ECONNREFUSED"); // the database is still down
      return second.runner;
    };
    const registry = new Registry();
    const supervised = await superviseRunner({ start, log: quiet, registry });

    first.events.emit("worker:stop", { worker: {}, error: new Error("Failed to release job") });
    expect(supervised.isRunning()).toBe(false);
    await until(() => supervised.isRunning());
    expect(calls).toBe(4);
    expect(first.stops()).toBe(1);
    expect(await registry.getSingleMetricAsString("job_runner_restarts_total")).toMatch(/job_runner_restarts_total 1$/m);

    // A worker stopping without an error is a normal shutdown, not a failure.
    second.events.emit("worker:stop", { worker: {} });
    expect(supervised.isRunning()).toBe(true);
    await supervised.stop();
  });

  it("does not restart once stopped", async () => {
    const only = fakeRunner();
    let started = 0;
    const supervised = await superviseRunner({ start: async () => (started++, only.runner), log: quiet, registry: new Registry() });
    await supervised.stop();
    only.crash(new Error("late"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(1);
  });
});
