import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/db/schema";
import { confirmedOrder, createStaff } from "@/tests/backoffice-fixtures";
import { connect, restoreStock, setStock, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { claimOrder } from "./picking";
import { listQueue, queueCounts, queueVersion } from "./order-queue";

const { db, close } = connect();
let storeId: number;
let placed: Awaited<ReturnType<typeof confirmedOrder>>[] = [];
let day: { from: Date; to: Date };
const bordeauxAddress = { recipient: "Queue Tester", street: "12 Quai des Chartrons", postcode: "33000", city: "Bordeaux", phone: null };

beforeAll(async () => {
  // Bordeaux: the other integration tests order in Lyon.
  storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
  const yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  await setStock(db, storeId, yoghurt.id, 1_000);
  placed = [];
  for (let i = 0; i < 7; i++) placed.push(await confirmedOrder(db, { storeId, items: [{ variantId: yoghurt.id, quantity: 1 }], fulfilment: i % 2 ? "delivery" : "collection", address: bordeauxAddress }));
  // The queue shows one day: move the orders' slot starts into a day of their own, an hour apart.
  const base = new Date("2031-05-06T06:00:00Z");
  day = { from: new Date("2031-05-05T22:00:00Z"), to: new Date("2031-05-06T22:00:00Z") };
  for (const [i, order] of placed.entries()) await db.update(orders).set({ slotStartsAt: new Date(base.getTime() + (i % 3) * 3_600_000) }).where(eq(orders.id, order.id));
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

describe("the order queue (issue 7)", () => {
  it("pages through a day's orders by slot then number, with nothing skipped or repeated", async () => {
    const seen: string[] = [];
    let after;
    do {
      const page = await listQueue(db, { storeId, ...day, after, limit: 3 });
      seen.push(...page.rows.map((r) => r.number));
      after = page.next ?? undefined;
    } while (after);
    const expected = [...placed]
      .map((o, i) => ({ number: o.number, slot: i % 3 }))
      .sort((a, b) => a.slot - b.slot || a.number.localeCompare(b.number))
      .map((o) => o.number);
    expect(seen).toEqual(expected);
  });

  it("filters by status, fulfilment, number and e-mail, and counts per status", async () => {
    const agent = await createStaff(db, "agent", [storeId]);
    await db.transaction((tx) => claimOrder(tx, placed[0].id, agent));
    expect(await queueCounts(db, { storeId, ...day })).toEqual({ confirmed: 6, picking: 1 });
    expect((await listQueue(db, { storeId, ...day, status: "picking" })).rows).toMatchObject([{ id: placed[0].id, pickerName: agent.name }]);
    expect((await listQueue(db, { storeId, ...day, fulfilment: "delivery" })).rows).toHaveLength(3);
    expect((await listQueue(db, { storeId, ...day, number: placed[4].number })).rows.map((r) => r.id)).toEqual([placed[4].id]);
    expect((await listQueue(db, { storeId, ...day, email: placed[5].contactEmail.toUpperCase() })).rows.map((r) => r.id)).toEqual([placed[5].id]);
    expect((await listQueue(db, { storeId, from: day.to, to: new Date(day.to.getTime() + 86_400_000) })).rows).toEqual([]);
  });

  it("changes its version when an order of the day changes", async () => {
    const before = await queueVersion(db, { storeId, ...day });
    expect(await queueVersion(db, { storeId, ...day })).toBe(before);
    await db.update(orders).set({ cancelReason: null }).where(eq(orders.id, placed[3].id));
    expect(await queueVersion(db, { storeId, ...day })).not.toBe(before);
  });
});
