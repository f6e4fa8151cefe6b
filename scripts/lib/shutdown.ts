// Stopping a command that starts several things (npm start, npm run dev): at any moment, start-up
// finished or not, everything started so far is stopped once, newest first (the database last).

export type Shutdown = {
  /** Aborts as soon as stopping begins: start-up steps check it and launch nothing more. */
  signal: AbortSignal;
  /** Registers how to stop something that is starting or has started; stops run newest first. */
  onStop(stop: () => Promise<unknown>): void;
  /**
   * Runs one start-up step, unless stopping has begun; the step's promise rejects with the abort
   * reason if stopping begins meanwhile. A stop waits for the step to settle, then runs `undo` on
   * what it started: a step that cannot be cut short (starting PostgreSQL) ends first; one that
   * can takes `signal` (a build, which then settles once its processes are gone).
   */
  step<T>(start: () => Promise<T>, undo?: (started: T) => Promise<unknown>): Promise<T>;
  /** Aborts start-up, runs the registered stops, then exits with `code`. Only the first call counts. */
  stop(code: number): Promise<void>;
};

export function createShutdown(options: { onStopping?: () => void; exit?: (code: number) => void } = {}): Shutdown {
  const controller = new AbortController();
  const stops: (() => Promise<unknown>)[] = [];
  let stopping: Promise<void> | undefined;

  const onStop = (stop: () => Promise<unknown>) => void stops.push(stop);
  const step = <T>(start: () => Promise<T>, undo?: (started: T) => Promise<unknown>): Promise<T> => {
    controller.signal.throwIfAborted();
    const running = start();
    onStop(async () => {
      const started = await running.then(
        (value) => ({ value }),
        () => null, // failed or interrupted: nothing to undo
      );
      if (started && undo) await undo(started.value);
    });
    return running.then((started) => {
      controller.signal.throwIfAborted();
      return started;
    });
  };
  const stop = (code: number) =>
    (stopping ??= (async () => {
      controller.abort();
      if (stops.length > 0) options.onStopping?.();
      for (let next = stops.pop(); next; next = stops.pop()) {
        await next().catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
      }
      (options.exit ?? process.exit)(code);
    })());

  return { signal: controller.signal, onStop, step, stop };
}

/**
 * Runs a command's start-up under one shutdown, stopped by Ctrl-C or SIGTERM (exit 0), or by a
 * failure (exit 1): a failed step, or a stray rejection, which would otherwise crash the process and
 * orphan the services (they run in their own process groups). While stopping, the steps that were
 * cut short fail as expected (PostgreSQL got the terminal's Ctrl-C too): not worth reporting.
 */
export function runUntilStopped(main: (shutdown: Shutdown) => Promise<void>, options: { onStopping?: () => void } = {}): void {
  const shutdown = createShutdown(options);
  const fail = (error: unknown) => {
    if (shutdown.signal.aborted) return;
    console.error(error instanceof Error ? error.message : error);
    void shutdown.stop(1);
  };
  process.on("SIGINT", () => void shutdown.stop(0));
  process.on("SIGTERM", () => void shutdown.stop(0));
  process.on("unhandledRejection", fail);
  main(shutdown).catch(fail);
}
