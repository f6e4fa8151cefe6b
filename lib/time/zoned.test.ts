import { describe, expect, it } from "vitest";
import { dayRange, isoDay } from "./zoned";

describe("local days in Paris", () => {
  it("spans 24 hours in winter, and 23 on the day clocks go forward", () => {
    expect(dayRange("2026-12-02", "Europe/Paris")).toEqual({ from: new Date("2026-12-01T23:00:00Z"), to: new Date("2026-12-02T23:00:00Z") });
    const spring = dayRange("2027-03-28", "Europe/Paris");
    expect(spring.to.getTime() - spring.from.getTime()).toBe(23 * 3_600_000);
  });

  it("names the local date of an instant", () => {
    expect(isoDay(new Date("2026-12-01T23:30:00Z"), "Europe/Paris")).toBe("2026-12-02");
    expect(isoDay(new Date("2026-12-01T22:30:00Z"), "Europe/Paris")).toBe("2026-12-01");
  });
});
