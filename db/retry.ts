// Telling a lost or refused database connection (a restart, a failover) from every other error,
// and waiting one out for a bounded time: for work that must finish once it has begun.

/** PostgreSQL's "connection exception" class and the shutdown and start-up codes. */
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03"]);

/** postgres.js's own codes for a connection that went (not CONNECTION_ENDED: the pool was closed on purpose). */
const UNAVAILABLE_CODES = new Set(["CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** Whether `error` (or what caused it: Drizzle wraps the driver's errors) says the database could not be reached. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code !== "string") continue;
    if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_SQLSTATES.has(code) || code.startsWith("08")) return true;
  }
  return false;
}

export type DatabaseRetryOptions = {
  /** Give up (rethrow the last error) once this long has passed since the first attempt. */
  patienceMs: number;
  /** Called before each retry, e.g. to log; `attempt` is the one that failed (from 1). */
  onRetry?: (error: unknown, attempt: number) => void;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `fn`, and runs it again while it fails because the database is unavailable, with a backoff
 * of 100 ms doubling to 1 s, for at most `patienceMs`. Other errors are thrown at once. `fn` must
 * be safe to repeat: a statement cut off mid-way may or may not have been committed.
 */
export async function retryWhileDatabaseUnavailable<T>(fn: (attempt: number) => Promise<T>, options: DatabaseRetryOptions): Promise<T> {
  const giveUpAt = Date.now() + options.patienceMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const delay = Math.min(1_000, 100 * 2 ** (attempt - 1));
      if (!isDatabaseUnavailable(error) || Date.now() + delay > giveUpAt) throw error;
      options.onRetry?.(error, attempt);
      await sleep(delay);
    }
  }
}
