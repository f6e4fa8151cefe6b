// A cap on password hashing running at once in this process: each scrypt takes ~32 MiB and a
// libuv thread for a third of a second, so a burst of sign-ins must queue, not exhaust the
// machine. Past a short queue, callers are told the service is busy instead of waiting.

export class HashingBusyError extends Error {
  readonly code = "hashing_busy";
  constructor() {
    super("Too many sign-ins at once. Please try again in a moment.");
    this.name = "HashingBusyError";
  }
}

export type SlotOptions = { concurrency: number; maxQueue: number; maxWaitMs: number };

export function createHashingSlots(options: SlotOptions) {
  let running = 0;
  const queue: { start: () => void; timer: NodeJS.Timeout }[] = [];

  const release = () => {
    running--;
    const next = queue.shift();
    if (next) {
      clearTimeout(next.timer);
      next.start();
    }
  };

  return {
    /** Runs `work` when a slot is free; throws HashingBusyError when the queue is full or too slow. */
    async run<T>(work: () => Promise<T>): Promise<T> {
      if (running >= options.concurrency) {
        if (queue.length >= options.maxQueue) throw new HashingBusyError();
        await new Promise<void>((resolve, reject) => {
          const entry = {
            start: () => resolve(),
            timer: setTimeout(() => {
              queue.splice(queue.indexOf(entry), 1);
              reject(new HashingBusyError());
            }, options.maxWaitMs),
          };
          queue.push(entry);
        });
      }
      running++;
      try {
        return await work();
      } finally {
        release();
      }
    },
    stats: () => ({ running, waiting: queue.length }),
  };
}

/** PASSWORD_HASH_CONCURRENCY (default 4, libuv's thread pool) hashes at once, 64 waiting, 5 s at most. */
export const hashingSlots = createHashingSlots({
  concurrency: Math.max(1, Number(process.env.PASSWORD_HASH_CONCURRENCY) || 4),
  maxQueue: 64,
  maxWaitMs: 5_000,
});
