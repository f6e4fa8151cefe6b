import { describe, expect, it } from "vitest";
import { minutesText, rateDecision, windowStartOf } from "./rate-limit";

const limit = { name: "test", limit: 10, windowMs: 60_000 };
const at = (secondsIntoWindow: number) => new Date(Date.UTC(2026, 11, 1, 12, 0, secondsIntoWindow));

describe("sliding-window rate limits", () => {
  it("starts windows on whole multiples of their length", () => {
    expect(windowStartOf(at(42), 60_000)).toEqual(at(0));
  });

  it("allows up to the limit within a window", () => {
    expect(rateDecision(limit, { current: 10, previous: 0 }, at(5))).toEqual({ allowed: true });
    expect(rateDecision(limit, { current: 11, previous: 0 }, at(5))).toMatchObject({ allowed: false });
  });

  it("counts the previous window by how much of it still overlaps", () => {
    // 30 s into the window: half of the previous window's 10 still counts.
    expect(rateDecision(limit, { current: 5, previous: 10 }, at(30))).toEqual({ allowed: true });
    expect(rateDecision(limit, { current: 6, previous: 10 }, at(30))).toMatchObject({ allowed: false });
    // A burst at the end of one window does not buy a second burst at the start of the next.
    expect(rateDecision(limit, { current: 2, previous: 10 }, at(1))).toMatchObject({ allowed: false });
  });

  it("says how long until a request would be allowed again", () => {
    // 6 + 10·(1 − t/60) ≤ 10 once t ≥ 36 s: 6 s after 30 s.
    expect(rateDecision(limit, { current: 6, previous: 10 }, at(30))).toEqual({ allowed: false, retryAfterSeconds: 6 });
    // 20 this window: 40 s to its end, then 20·(1 − t/60) ≤ 10 once t ≥ 30 s.
    expect(rateDecision(limit, { current: 20, previous: 0 }, at(20))).toEqual({ allowed: false, retryAfterSeconds: 70 });
  });

  it("words a wait in whole minutes", () => {
    expect(minutesText(1)).toBe("1 minute");
    expect(minutesText(61)).toBe("2 minutes");
  });
});
