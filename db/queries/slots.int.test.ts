// Slots: the calendar from opening hours (idempotent, closed days, Paris time across DST), what
// is offered, and holding and releasing places.
import { and, eq, gte, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { slots, stores } from "@/db/schema";
import { bookedOf, connect, createSlot, storeBySlug } from "@/tests/checkout-fixtures";
import { calendarFor, ensureSlotCalendar, holdSlot, listAvailableSlots, releaseSlot } from "./slots";

let db: Database;
let close: () => Promise<void>;
let lyon: number;
let bordeaux: number;

// A week in Paris from Monday 24 March 2031; summer time starts on Sunday 30 March.
const MONDAY = new Date("2031-03-24T00:00:00Z");
const NEXT_MONDAY = new Date("2031-03-31T00:00:00Z");

beforeAll(async () => {
  ({ db, close } = connect(4));
  lyon = (await storeBySlug(db, "lyon-part-dieu")).id;
  bordeaux = (await storeBySlug(db, "bordeaux-chartrons")).id;
});

afterAll(() => close());

const slotsOf = (storeId: number, from: Date, until: Date) =>
  db
    .select()
    .from(slots)
    .where(and(eq(slots.storeId, storeId), gte(slots.startsAt, from), lt(slots.startsAt, until)))
    .orderBy(slots.startsAt, slots.kind);

describe("ensureSlotCalendar", () => {
  it("creates a week of slots from opening hours, once", async () => {
    // Lyon and Paris: 6 days × (6 two-hour deliveries + 12 one-hour collections), Sunday morning 2 + 4.
    // Bordeaux: closed on Sundays.
    expect(await ensureSlotCalendar(db, { now: MONDAY })).toBe(114 + 114 + 108);
    const [first] = await slotsOf(lyon, MONDAY, NEXT_MONDAY);
    await db.transaction((tx) => holdSlot(tx, first.id));
    expect(await ensureSlotCalendar(db, { now: MONDAY })).toBe(0);
    expect(await bookedOf(db, first.id)).toBe(1);
    expect(await slotsOf(lyon, MONDAY, NEXT_MONDAY)).toHaveLength(114);
  });

  it("gives closed days no slots and follows Paris time across the change to summer time", async () => {
    const sunday = new Date("2031-03-30T00:00:00Z");
    expect(await slotsOf(bordeaux, sunday, NEXT_MONDAY)).toEqual([]);
    const saturday = await slotsOf(lyon, new Date("2031-03-29T00:00:00Z"), sunday);
    // 08:30 in Paris is 07:30 UTC in winter…
    expect(saturday[0]).toMatchObject({ kind: "delivery", startsAt: new Date("2031-03-29T07:30:00Z"), endsAt: new Date("2031-03-29T09:30:00Z"), capacity: 8 });
    expect(saturday.at(-1)).toMatchObject({ kind: "collection", startsAt: new Date("2031-03-29T18:30:00Z"), capacity: 10 });
    // …and Sunday's 09:00–13:00 is 07:00–11:00 UTC in summer.
    const sundaySlots = await slotsOf(lyon, sunday, NEXT_MONDAY);
    expect(sundaySlots.map((s) => `${s.kind} ${s.startsAt.toISOString().slice(11, 16)}`)).toEqual([
      "delivery 07:00",
      "collection 07:00",
      "collection 08:00",
      "delivery 09:00",
      "collection 09:00",
      "collection 10:00",
    ]);
  });

  it("skips the slots of today that have started", async () => {
    const [store] = await db.select().from(stores).where(eq(stores.id, lyon));
    const today = calendarFor(store, new Date("2031-03-24T12:00:00Z"), 1); // 13:00 in Paris
    expect(today.filter((s) => s.kind === "delivery").map((s) => s.startsAt.toISOString())).toEqual([
      "2031-03-24T13:30:00.000Z",
      "2031-03-24T15:30:00.000Z",
      "2031-03-24T17:30:00.000Z",
    ]);
    expect(today.filter((s) => s.kind === "collection")).toHaveLength(7);
  });
});

describe("listAvailableSlots", () => {
  it("offers the future slots with room, in time order", async () => {
    const offered = await listAvailableSlots(db, { storeId: lyon, kind: "collection", from: MONDAY, days: 7 });
    expect(offered).toHaveLength(76);
    expect(offered.map((s) => s.startsAt.getTime())).toEqual(offered.map((s) => s.startsAt.getTime()).sort((a, b) => a - b));
    await db.update(slots).set({ booked: 10 }).where(eq(slots.id, offered[1].id));
    const after = await listAvailableSlots(db, { storeId: lyon, kind: "collection", from: MONDAY, days: 7 });
    expect(after.map((s) => s.id)).not.toContain(offered[1].id);
    expect(after[0]).toMatchObject({ id: offered[0].id, remaining: offered[0].remaining });

    const past = await createSlot(db, { storeId: lyon, kind: "collection", capacity: 5, startsAt: new Date(Date.now() - 3_600_000) });
    const soon = await listAvailableSlots(db, { storeId: lyon, kind: "collection", from: new Date(Date.now() - 86_400_000), days: 2 });
    expect(soon.map((s) => s.id)).not.toContain(past);
  });
});

describe("holdSlot and releaseSlot", () => {
  it("holds only while there is room and releases never below zero", async () => {
    const slotId = await createSlot(db, { storeId: lyon, kind: "delivery", capacity: 2 });
    const hold = () => db.transaction((tx) => holdSlot(tx, slotId));
    const release = () => db.transaction((tx) => releaseSlot(tx, slotId));
    expect((await Promise.all([hold(), hold(), hold(), hold()])).filter(Boolean)).toHaveLength(2);
    expect(await bookedOf(db, slotId)).toBe(2);
    expect((await Promise.all([release(), release(), release()])).filter(Boolean)).toHaveLength(2);
    expect(await bookedOf(db, slotId)).toBe(0);
  });

  it("does not hold a slot that has started", async () => {
    const slotId = await createSlot(db, { storeId: lyon, kind: "delivery", capacity: 2, startsAt: new Date(Date.now() - 60_000) });
    expect(await db.transaction((tx) => holdSlot(tx, slotId))).toBe(false);
  });
});
