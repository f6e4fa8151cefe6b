import { describe, expect, it } from "vitest";
import { SIGN_IN_THROTTLE, throttleDecision, throttleMessage, windowStart } from "./throttle";

const now = new Date("2026-11-27T12:00:00Z");
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);

describe("sign-in throttling policy", () => {
  it("allows up to four recent failures", () => {
    expect(throttleDecision({ count: 0, latest: [] }, now)).toEqual({ allowed: true });
    expect(throttleDecision({ count: 4, latest: [1, 2, 3, 4].map(minutesAgo) }, now)).toEqual({ allowed: true });
  });

  it("refuses after five failures within 15 minutes, until the oldest leaves the window", () => {
    const decision = throttleDecision({ count: 5, latest: [1, 2, 3, 4, 6].map(minutesAgo) }, now);
    expect(decision).toMatchObject({ allowed: false, retryAfterMinutes: 9 });
    if (!decision.allowed) expect(decision.retryAt).toEqual(new Date(minutesAgo(6).getTime() + 15 * 60_000));
  });

  it("counts the fifth most recent failure when there are more", () => {
    // Seven failures (e.g. racing attempts): allowed again when only four remain in the window.
    const decision = throttleDecision({ count: 7, latest: [0.5, 1, 2, 3, 10].map(minutesAgo) }, now);
    expect(decision).toMatchObject({ allowed: false, retryAfterMinutes: 5 });
  });

  it("rounds up and never says zero minutes", () => {
    expect(throttleDecision({ count: 5, latest: [1, 2, 3, 4, 14.99].map(minutesAgo) }, now)).toMatchObject({ retryAfterMinutes: 1 });
    expect(throttleDecision({ count: 5, latest: [1, 2, 3, 4, 5].map(minutesAgo) }, now)).toMatchObject({ retryAfterMinutes: 10 });
    expect(throttleDecision({ count: 5, latest: [0, 0, 0, 0, 0].map(minutesAgo) }, now)).toMatchObject({ retryAfterMinutes: 15 });
  });

  it("does not depend on the order of the timestamps", () => {
    const a = throttleDecision({ count: 5, latest: [6, 4, 1, 3, 2].map(minutesAgo) }, now);
    const b = throttleDecision({ count: 5, latest: [1, 2, 3, 4, 6].map(minutesAgo) }, now);
    expect(a).toEqual(b);
  });

  it("takes another policy", () => {
    const policy = { maxFailures: 3, windowMs: 60 * 60_000 };
    expect(throttleDecision({ count: 3, latest: [10, 20, 30].map(minutesAgo) }, now, policy)).toMatchObject({ allowed: false, retryAfterMinutes: 30 });
  });

  it("has a window of 15 minutes and a message with the wait", () => {
    expect(SIGN_IN_THROTTLE).toEqual({ maxFailures: 5, windowMs: 15 * 60_000 });
    expect(windowStart(now)).toEqual(minutesAgo(15));
    expect(throttleMessage(9)).toBe("Too many attempts. Try again in 9 minutes.");
    expect(throttleMessage(1)).toBe("Too many attempts. Try again in 1 minute.");
  });
});
