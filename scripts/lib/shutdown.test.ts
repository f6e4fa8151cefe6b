import { describe, expect, it } from "vitest";
import { createShutdown } from "./shutdown";

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("start-up and ports (issue 6 item 11): stopping at any moment", () => {
  it("stops what has started, newest first, then exits once", async () => {
    const calls: string[] = [];
    const exits: number[] = [];
    const shutdown = createShutdown({ exit: (code) => exits.push(code) });
    await shutdown.step(async () => "database", async (name) => void calls.push(`stop ${name}`));
    shutdown.onStop(async () => void calls.push("stop services"));
    await Promise.all([shutdown.stop(0), shutdown.stop(1)]);
    expect(calls).toEqual(["stop services", "stop database"]);
    expect(exits).toEqual([0]);
  });

  it("waits for a step under way to finish before undoing it", async () => {
    const calls: string[] = [];
    const shutdown = createShutdown({ exit: () => calls.push("exit") });
    const database = deferred<string>();
    const opening = shutdown.step(() => database.promise, async (name) => void calls.push(`stop ${name}`));
    const stopping = shutdown.stop(0);
    calls.push("signal");
    database.resolve("database");
    await stopping;
    await expect(opening).rejects.toMatchObject({ name: "AbortError" }); // start-up goes no further
    expect(calls).toEqual(["signal", "stop database", "exit"]);
  });

  it("starts no step once stopping has begun, and undoes nothing that failed", async () => {
    const calls: string[] = [];
    const shutdown = createShutdown({ exit: () => calls.push("exit") });
    const failing = shutdown.step(
      () => Promise.reject(new Error("did not start")),
      async () => void calls.push("undo"),
    );
    await expect(failing).rejects.toThrow("did not start");
    await shutdown.stop(0);
    expect(() => shutdown.step(async () => calls.push("started"))).toThrow(/abort/i);
    expect(calls).toEqual(["exit"]);
    expect(shutdown.signal.aborted).toBe(true);
  });
});
