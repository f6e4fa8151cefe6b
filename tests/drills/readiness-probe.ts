// Polls a readiness check for the length of a drill and keeps every answer with the moment it
// came, so the drill can ask "was it 503 while the database was down, and when was it 200 again?".

export type ProbeSample = { startedAt: number; answeredAt: number; status: number };

export type ReadinessProbe = {
  name: string;
  samples: ProbeSample[];
  /** Resolves once an answer that started at or after `since` has `status`; rejects after `timeoutMs`. */
  waitFor(status: number, since: number, timeoutMs: number): Promise<ProbeSample>;
  stop(): Promise<void>;
};

const INTERVAL_MS = 100;

/** `check` answers an HTTP status; a check that throws (process gone, timeout) counts as 0. */
export function startReadinessProbe(name: string, check: () => Promise<number>): ReadinessProbe {
  const samples: ProbeSample[] = [];
  let stopped = false;
  const loop = (async () => {
    while (!stopped) {
      const startedAt = performance.now();
      const status = await check().catch(() => 0);
      samples.push({ startedAt, answeredAt: performance.now(), status });
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS));
    }
  })();
  return {
    name,
    samples,
    async waitFor(status, since, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        const found = samples.find((s) => s.startedAt >= since && s.status === status);
        if (found) return found;
        if (performance.now() > deadline) {
          throw new Error(`${name}: no ${status} since the mark within ${timeoutMs} ms; last answers ${JSON.stringify(samples.slice(-3))}`);
        }
        await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS / 2));
      }
    },
    async stop() {
      stopped = true;
      await loop;
    },
  };
}

/** A worker service's GET /health/ready, as an orchestrator would ask it. */
export function workerReadiness(port: number): () => Promise<number> {
  return async () => (await fetch(`http://127.0.0.1:${port}/health/ready`, { signal: AbortSignal.timeout(5_000) })).status;
}
