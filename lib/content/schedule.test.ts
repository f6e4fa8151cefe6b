import { describe, expect, it } from "vitest";
import { pageStatus, parseLocalDateTime, toLocalDateTime } from "./schedule";

describe("schedule times in Paris", () => {
  it("reads wall-clock times in Europe/Paris, winter and summer", () => {
    expect(parseLocalDateTime("2026-12-02T07:30")?.toISOString()).toBe("2026-12-02T06:30:00.000Z");
    expect(parseLocalDateTime("2026-07-14T12:00")?.toISOString()).toBe("2026-07-14T10:00:00.000Z");
  });
  it("refuses what is not a datetime-local value", () => {
    for (const value of ["", "tomorrow", "2026-02-30T10:00", "2026-12-02T24:00", "2026-12-02 07:30"]) expect(parseLocalDateTime(value)).toBeNull();
  });
  it("writes instants back as Paris wall clock", () => {
    expect(toLocalDateTime(new Date("2026-12-02T06:30:00Z"))).toBe("2026-12-02T07:30");
    expect(toLocalDateTime(new Date("2026-07-14T10:00:00Z"))).toBe("2026-07-14T12:00");
  });
  it("a page's status", () => {
    expect(pageStatus({ publishedRevisionId: null, publishAt: null })).toBe("draft");
    expect(pageStatus({ publishedRevisionId: 3, publishAt: null })).toBe("published");
    expect(pageStatus({ publishedRevisionId: 3, publishAt: new Date() })).toBe("scheduled");
  });
});
