import { describe, expect, it } from "vitest";
import { createHashingSlots, HashingBusyError } from "./hashing-slots";

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe("the cap on concurrent password hashing (issue 6 item 4)", () => {
  it("runs at most `concurrency` at once and queues the rest in order", async () => {
    const slots = createHashingSlots({ concurrency: 2, maxQueue: 10, maxWaitMs: 5_000 });
    const gates = Array.from({ length: 5 }, deferred);
    let peak = 0;
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      slots.run(async () => {
        started.push(i);
        peak = Math.max(peak, slots.stats().running);
        await gate.promise;
        return i;
      }),
    );
    await new Promise((r) => setImmediate(r));
    expect(slots.stats()).toEqual({ running: 2, waiting: 3 });
    for (const gate of gates) gate.resolve();
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(slots.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it("refuses at once when the queue is full, and after the longest wait", async () => {
    const slots = createHashingSlots({ concurrency: 1, maxQueue: 1, maxWaitMs: 50 });
    const gate = deferred();
    const first = slots.run(() => gate.promise);
    const queued = slots.run(async () => "late");
    await expect(slots.run(async () => "third")).rejects.toBeInstanceOf(HashingBusyError);
    await expect(queued).rejects.toBeInstanceOf(HashingBusyError);
    gate.resolve();
    await first;
    expect(await slots.run(async () => "free again")).toBe("free again");
  });

  it("frees the slot when the work fails", async () => {
    const slots = createHashingSlots({ concurrency: 1, maxQueue: 0, maxWaitMs: 50 });
    await expect(slots.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await slots.run(async () => 1)).toBe(1);
  });
});
