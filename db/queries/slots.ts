// Delivery and collection slots: what is offered, holding and releasing a place, and the
// rolling calendar generated from each store's opening hours.
import { and, asc, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { slots, stores, type OpeningHours, type Slot, type SlotKind } from "../schema";

type NewSlot = typeof slots.$inferInsert;

/** How slots are cut from opening hours, per kind. */
export const SLOT_RULES: Record<SlotKind, { minutes: number; capacity: number }> = {
  delivery: { minutes: 120, capacity: 8 },
  collection: { minutes: 60, capacity: 10 },
};

export type AvailableSlot = Slot & { remaining: number };

/** Future slots of a store with at least one place left, in time order. */
export async function listAvailableSlots(
  db: Executor,
  params: { storeId: number; kind: SlotKind; from?: Date; days?: number },
): Promise<AvailableSlot[]> {
  const from = params.from ?? new Date();
  const until = new Date(from.getTime() + (params.days ?? 7) * 86_400_000);
  const rows = await db
    .select()
    .from(slots)
    .where(
      and(
        eq(slots.storeId, params.storeId),
        eq(slots.kind, params.kind),
        gt(slots.startsAt, from),
        sql`${slots.startsAt} > now()`,
        lt(slots.startsAt, until),
        lt(slots.booked, slots.capacity),
      ),
    )
    .orderBy(asc(slots.startsAt));
  return rows.map((slot) => ({ ...slot, remaining: slot.capacity - slot.booked }));
}

/** Takes one place in a future slot if there is room; false when full, past or unknown. Prepared: it runs in every checkout. */
export async function holdSlot(tx: Executor, slotId: number): Promise<boolean> {
  const held = await tx
    .update(slots)
    .set({ booked: sql`${slots.booked} + 1` })
    .where(and(eq(slots.id, slotId), lt(slots.booked, slots.capacity), sql`${slots.startsAt} > now()`))
    .returning({ id: slots.id })
    .prepare("hold_slot")
    .execute();
  return held.length > 0;
}

/** Gives a place back (never below zero); false when there was nothing to give back. */
export async function releaseSlot(tx: Executor, slotId: number): Promise<boolean> {
  const released = await tx
    .update(slots)
    .set({ booked: sql`${slots.booked} - 1` })
    .where(and(eq(slots.id, slotId), gt(slots.booked, 0)))
    .returning({ id: slots.id });
  return released.length > 0;
}

/**
 * Creates the slots of every store for the next `days` days (today included) from its opening
 * hours in its own time zone; closed days get none. Idempotent: existing slots are kept as
 * they are. Returns how many slots were created.
 */
export async function ensureSlotCalendar(db: Executor, params: { days?: number; now?: Date } = {}): Promise<number> {
  const now = params.now ?? new Date();
  const allStores = await db.select().from(stores);
  const rows = allStores.flatMap((store) => calendarFor(store, now, params.days ?? 7));
  if (rows.length === 0) return 0;
  const created = await db.insert(slots).values(rows).onConflictDoNothing().returning({ id: slots.id });
  return created.length;
}

type CalendarStore = {
  id: number;
  timezone: string;
  openingHours: OpeningHours;
  offersDelivery: boolean;
  offersCollection: boolean;
};

/** The slots a store should have for `days` days from `now`. */
export function calendarFor(store: CalendarStore, now: Date, days: number): NewSlot[] {
  const kinds = (["delivery", "collection"] as const).filter((k) => (k === "delivery" ? store.offersDelivery : store.offersCollection));
  const today = localDate(now, store.timezone);
  const result: NewSlot[] = [];
  for (let offset = 0; offset < days; offset++) {
    const day = new Date(Date.UTC(today.year, today.month - 1, today.day + offset));
    const isoWeekday = String(day.getUTCDay() === 0 ? 7 : day.getUTCDay()) as keyof OpeningHours;
    for (const period of store.openingHours[isoWeekday] ?? []) {
      const opens = minutesOf(period.opens);
      const closes = minutesOf(period.closes);
      for (const kind of kinds) {
        const { minutes, capacity } = SLOT_RULES[kind];
        for (let start = opens; start + minutes <= closes; start += minutes) {
          const startsAt = zonedTime(day, start, store.timezone);
          if (startsAt <= now) continue;
          const endsAt = zonedTime(day, start + minutes, store.timezone);
          result.push({ storeId: store.id, kind, startsAt, endsAt, capacity });
        }
      }
    }
  }
  return result;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + (m || 0);
}

/** The calendar date at `instant` in `timeZone`. */
function localDate(instant: Date, timeZone: string): { year: number; month: number; day: number } {
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
