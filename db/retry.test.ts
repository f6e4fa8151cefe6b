import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, retryWhileDatabaseUnavailable } from "./retry";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });
/** Drizzle wraps the driver's error as `cause`. */
const wrapped = (cause: Error) => Object.assign(new Error("Failed query: select 1"), { cause });

describe("isDatabaseUnavailable", () => {
  it("knows a lost or refused connection, a shutdown and a start-up, wrapped or not", () => {
    for (const code of ["CONNECTION_CLOSED", "CONNECT_TIMEOUT", "ECONNREFUSED", "ECONNRESET", "57P01", "57P03", "08006"]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
      expect(isDatabaseUnavailable(wrapped(withCode(code))), `wrapped ${code}`).toBe(true);
    }
  });

  it("leaves every other error alone: constraint violations, a pool closed on purpose, plain errors", () => {
    for (const error of [withCode("23505"), withCode("40P01"), withCode("CONNECTION_ENDED"), new Error("boom"), "text", null]) {
      expect(isDatabaseUnavailable(error)).toBe(false);
    }
  });
});

describe("retryWhileDatabaseUnavailable", () => {
  it("runs again while the database is unavailable, then returns", async () => {
    const attempts: number[] = [];
    const result = await retryWhileDatabaseUnavailable(
      async (attempt) => {
        attempts.push(attempt);
        if (attempt < 3) throw wrapped(withCode("ECONNREFUSED"));
        return "placed";
      },
      { patienceMs: 5_000 },
    );
    expect(result).toBe("placed");
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("throws other errors at once, and the last one when its patience is spent", async () => {
    let calls = 0;
    await expect(retryWhileDatabaseUnavailable(async () => (calls++, Promise.reject(withCode("23505"))), { patienceMs: 5_000 })).rejects.toMatchObject({ code: "23505" });
    expect(calls).toBe(1);
    const started = Date.now();
    await expect(retryWhileDatabaseUnavailable(async () => Promise.reject(withCode("ECONNREFUSED")), { patienceMs: 300 })).rejects.toMatchObject({ code: "ECONNREFUSED" });
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
