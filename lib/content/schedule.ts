// The schedule form's times: datetime-local values ("2026-12-02T07:30") read and written as wall
// clock in the shop's time zone (Europe/Paris), whatever the server's zone; and a page's status.
import type { ContentPage } from "@/db/schema";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { zonedTime } from "@/lib/time/zoned";

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

/** The instant of a datetime-local value in `timeZone`; null when it is not one. */
export function parseLocalDateTime(value: string, timeZone = SHOP_TIME_ZONE): Date | null {
  const m = LOCAL.exec(value.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  const midnight = new Date(Date.UTC(year, month - 1, day));
  if (midnight.getUTCMonth() !== month - 1 || midnight.getUTCDate() !== day || hour > 23 || minute > 59) return null;
  return zonedTime(midnight, hour * 60 + minute, timeZone);
}

/** `instant` as a datetime-local value in `timeZone` (to fill the form). */
export function toLocalDateTime(instant: Date, timeZone = SHOP_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

export type PageStatus = "draft" | "published" | "scheduled";

export const STATUS_LABELS: Record<PageStatus, string> = { draft: "Draft", published: "Published", scheduled: "Scheduled" };

/** Scheduled while a publication is pending; published while the storefront shows it; a draft otherwise. */
export function pageStatus(page: Pick<ContentPage, "publishedRevisionId" | "publishAt">): PageStatus {
  if (page.publishAt) return "scheduled";
  return page.publishedRevisionId ? "published" : "draft";
}
