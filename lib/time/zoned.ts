// Wall-clock dates and times in a store's time zone (Europe/Paris), with no dependency: the
// calendar date of an instant, the instant of a local time, and a local day as a UTC range.

/** The calendar date at `instant` in `timeZone`. */
export function localDate(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: get("year"), month: get("month"), day: get("day") };
}

/** Offset of `timeZone` from UTC at `instant`, in minutes (Paris: 60 in winter, 120 in summer). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a wall-clock time (minutes after midnight) on a local date (given as UTC midnight). */
export function zonedTime(day: Date, minutes: number, timeZone: string): Date {
  const wall = day.getTime() + minutes * 60_000;
  const first = wall - offsetMinutes(new Date(wall), timeZone) * 60_000;
  // Re-check at the guessed instant: across a DST change the offset there is the right one.
  return new Date(wall - offsetMinutes(new Date(first), timeZone) * 60_000);
}

/** "2026-12-02": the local date of `instant` in `timeZone`. */
export function isoDay(instant: Date, timeZone: string): string {
  const { year, month, day } = localDate(instant, timeZone);
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The instants a local day ("2026-12-02") spans in `timeZone`: [start, end). */
export function dayRange(day: string, timeZone: string): { from: Date; to: Date } {
  const [year, month, date] = day.split("-").map(Number);
  const midnight = new Date(Date.UTC(year, month - 1, date));
  const next = new Date(Date.UTC(year, month - 1, date + 1));
  return { from: zonedTime(midnight, 0, timeZone), to: zonedTime(next, 0, timeZone) };
}
