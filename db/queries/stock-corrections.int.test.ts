// Stock corrections by agents (issue 7): under the row's lock, never below what unpaid orders hold,
// recorded (stock_corrections and the audit log) with the storefront's refresh in one transaction;
// and the stock list's search and low-stock filter.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { staffActions, stockCorrections, stockLevels, users } from "@/db/schema";
import { TAGS } from "@/lib/cache-tags";
import { connect, restoreStock, setStock, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { correctStock, listRecentCorrections, listStoreStock, LOW_STOCK_GRAMS, LOW_STOCK_ITEMS } from "./stock-corrections";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let agentId: string;

beforeAll(async () => {
  ({ db, close } = connect(6));
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  [{ id: agentId }] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent@halles.test"));
});
afterAll(async () => {
  await restoreStock(db);
  await close();
});

const correctionsOf = (variantId: number) =>
  db.select().from(stockCorrections).where(and(eq(stockCorrections.storeId, storeId), eq(stockCorrections.variantId, variantId))).orderBy(stockCorrections.id);

async function pendingRefreshes(): Promise<number> {
  const [row] = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from graphile_worker._private_jobs where key = ${`refresh-storefront:stock:${storeId}`}`);
  return row.n;
}

describe("stock corrections (issue 7)", () => {
  it("sets the counted quantity, records it with its reason in stock_corrections and the audit log, and refreshes the storefront", async () => {
    const variant = await variantOf(db, "kiwis");
    await setStock(db, storeId, variant.id, 12);
    await db.execute(sql`delete from graphile_worker._private_jobs where key = ${`refresh-storefront:stock:${storeId}`}`);
    const result = await db.transaction((tx) => correctStock(tx, { storeId, variantId: variant.id, quantity: 9, reason: "damaged: dropped crate", staffId: agentId }));
    expect(result).toEqual({ ok: true, before: 12, after: 9 });
    expect(await stockOf(db, storeId, variant.id)).toEqual({ quantity: 9, reserved: 0 });
    expect((await correctionsOf(variant.id)).at(-1)).toMatchObject({ quantityBefore: 12, quantityAfter: 9, reason: "damaged: dropped crate", staffId: agentId });
    const [audit] = await db.select().from(staffActions).where(eq(staffActions.action, "stock.correct")).orderBy(sql`${staffActions.id} desc`).limit(1);
    expect(audit).toMatchObject({ staffId: agentId, storeId, data: { variantId: variant.id, quantityBefore: 12, quantityAfter: 9, reason: "damaged: dropped crate", sellingMode: "unit" } });
    expect(await pendingRefreshes()).toBe(1);
    const [job] = await db.execute<{ payload: { tags: string[] } }>(sql`select payload from graphile_worker._private_jobs where key = ${`refresh-storefront:stock:${storeId}`}`);
    expect(job.payload.tags).toEqual([TAGS.stock(storeId)]);
  });

  it("refuses a count below what unpaid orders hold, and changes nothing", async () => {
    const variant = await variantOf(db, "pineapple");
    await setStock(db, storeId, variant.id, 10);
    await db.update(stockLevels).set({ reserved: 4 }).where(and(eq(stockLevels.storeId, storeId), eq(stockLevels.variantId, variant.id)));
    const before = (await correctionsOf(variant.id)).length;
    const refused = await db.transaction((tx) => correctStock(tx, { storeId, variantId: variant.id, quantity: 3, reason: "count", staffId: agentId }));
    expect(refused).toEqual({ ok: false, code: "below_reserved", reserved: 4 });
    expect(await stockOf(db, storeId, variant.id)).toEqual({ quantity: 10, reserved: 4 });
    expect(await correctionsOf(variant.id)).toHaveLength(before);
    expect(await db.transaction((tx) => correctStock(tx, { storeId, variantId: variant.id, quantity: 4, reason: "count", staffId: agentId }))).toEqual({ ok: true, before: 10, after: 4 });
  });

  it("takes concurrent corrections one after the other: each one's 'before' is the previous one's 'after'", async () => {
    const variant = await variantOf(db, "hass-avocados");
    await setStock(db, storeId, variant.id, 100);
    const counts = [40, 41, 42, 43, 44, 45];
    await Promise.all(counts.map((quantity) => db.transaction((tx) => correctStock(tx, { storeId, variantId: variant.id, quantity, reason: "count", staffId: agentId }))));
    const chain = (await correctionsOf(variant.id)).slice(-counts.length);
    expect(chain[0].quantityBefore).toBe(100);
    for (let i = 1; i < chain.length; i++) expect(chain[i].quantityBefore).toBe(chain[i - 1].quantityAfter);
    expect(chain.map((c) => c.quantityAfter).sort()).toEqual(counts);
    expect((await stockOf(db, storeId, variant.id)).quantity).toBe(chain.at(-1)!.quantityAfter);
  });

  it("lists recent corrections per variant with who made them, newest first", async () => {
    const variant = await variantOf(db, "kiwis");
    const recent = await listRecentCorrections(db, storeId, [variant.id], 2);
    expect(recent.length).toBeGreaterThan(0);
    expect(recent[0]).toMatchObject({ variantId: variant.id, quantityAfter: 9, staffName: "Alex Girard", reason: "damaged: dropped crate" });
  });

  it("finds stock by name, SKU and EAN, and filters low stock (items under 5, weighed under 1 kg)", async () => {
    const kiwis = await variantOf(db, "kiwis");
    const byName = await listStoreStock(db, storeId, { search: "kiwi" });
    expect(byName.rows.map((r) => r.variantId)).toContain(kiwis.id);
    const [row] = byName.rows.filter((r) => r.variantId === kiwis.id);
    expect((await listStoreStock(db, storeId, { search: row.sku })).rows.map((r) => r.variantId)).toContain(kiwis.id);
    if (row.ean) expect((await listStoreStock(db, storeId, { search: row.ean })).rows.map((r) => r.variantId)).toEqual([kiwis.id]);
    // What people type is text, not a pattern: "kiw%s" does not find kiwis.
    expect((await listStoreStock(db, storeId, { search: "kiw%s" })).total).toBe(0);

    await setStock(db, storeId, kiwis.id, LOW_STOCK_ITEMS - 1);
    const low = await listStoreStock(db, storeId, { lowStock: true, search: "kiwi" });
    expect(low.rows.map((r) => r.variantId)).toContain(kiwis.id);
    await setStock(db, storeId, kiwis.id, LOW_STOCK_ITEMS);
    expect((await listStoreStock(db, storeId, { lowStock: true, search: "kiwi" })).rows.map((r) => r.variantId)).not.toContain(kiwis.id);
    const lowAll = await listStoreStock(db, storeId, { lowStock: true });
    for (const r of lowAll.rows) expect(r.available).toBeLessThan(r.sellingMode === "weight" ? LOW_STOCK_GRAMS : LOW_STOCK_ITEMS);
    const all = await listStoreStock(db, storeId, {});
    expect(all.rows).toHaveLength(50);
    expect(all.total).toBeGreaterThan(50);
    const second = await listStoreStock(db, storeId, { page: 2 });
    expect(second.rows[0].variantId).not.toBe(all.rows[0].variantId);
  });
});
