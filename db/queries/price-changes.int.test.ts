// Scheduled price changes: enqueued for their time, applied once (even by concurrent appliers),
// with the storefront refresh in the same transaction; cancelled ones never apply.
import { and, eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { priceChanges, productVariants, staffActions, storePrices } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { createStaff } from "@/tests/backoffice-fixtures";
import { applyPriceChangesTask } from "@/workers/tasks/scheduled";
import { createTestProduct, type TestProduct } from "@/tests/catalog-fixtures";
import { connect, storeBySlug } from "@/tests/checkout-fixtures";
import { listPendingPriceChanges } from "./catalog-admin";
import { applyDuePriceChanges, cancelPriceChange, priceChangeJobKey, schedulePriceChange } from "./price-changes";

let db: Database;
let close: () => Promise<void>;
let marketer: SessionUser;
let paris: { id: number };

beforeAll(async () => {
  ({ db, close } = connect(8));
  marketer = await createStaff(db, "marketing");
  paris = await storeBySlug(db, "paris-bastille");
});

afterAll(() => close());

const nationalPrice = async (p: TestProduct) =>
  (await db.select({ price: productVariants.priceCents }).from(productVariants).where(eq(productVariants.id, p.variantId)))[0].price;
const parisPrice = async (p: TestProduct) =>
  (await db.select({ price: storePrices.priceCents }).from(storePrices).where(and(eq(storePrices.variantId, p.variantId), eq(storePrices.storeId, paris.id))))[0]?.price;

async function jobOf(key: string) {
  const [row] = await db.execute<{ task: string; run_at: string }>(sql`
    select t.identifier as task, j.run_at from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id where j.key = ${key}`);
  return row;
}

async function refreshJobsNaming(tag: string) {
  const rows = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'refresh-storefront' and (j.payload::jsonb)->'tags' ? ${tag}`);
  return rows[0].n;
}

describe("scheduled price changes", () => {
  it("enqueues a job at the effective time, applies national and store changes when due, and refreshes the storefront", async () => {
    const product = await createTestProduct(db, "scheduled", { priceCents: 300 });
    const later = new Date(Date.now() + 3_600_000);
    const national = await db.transaction((tx) => schedulePriceChange(tx, marketer.id, { variantId: product.variantId, storeId: null, priceCents: 275, effectiveAt: later }));
    const store = await db.transaction((tx) => schedulePriceChange(tx, marketer.id, { variantId: product.variantId, storeId: paris.id, priceCents: 250, effectiveAt: later }));
    expect(national.ok && store.ok).toBe(true);
    if (!national.ok || !store.ok) return;
    const pending = await listPendingPriceChanges(db, { productId: product.productId });
    expect(pending.map((c) => [c.id, c.storeId, c.priceCents, c.productName])).toEqual([
      [national.id, null, 275, product.name],
      [store.id, paris.id, 250, product.name],
    ]);
    const job = await jobOf(priceChangeJobKey(national.id));
    expect(job.task).toBe("apply-price-changes");
    expect(new Date(job.run_at).getTime()).toBe(later.getTime());

    // Not yet due: nothing changes.
    expect((await applyDuePriceChanges(db)).filter((c) => c.variantId === product.variantId)).toEqual([]);
    expect(await nationalPrice(product)).toBe(300);

    const applied = await applyDuePriceChanges(db, new Date(later.getTime() + 1000));
    expect(applied.filter((c) => c.variantId === product.variantId).map((c) => c.id).sort()).toEqual([national.id, store.id].sort());
    expect(await nationalPrice(product)).toBe(275);
    expect(await parisPrice(product)).toBe(250);
    expect(await listPendingPriceChanges(db, { productId: product.productId })).toEqual([]);
    expect(await refreshJobsNaming(`product:${product.slug}`)).toBeGreaterThan(0);
    // Applied once: a second run finds nothing for it.
    expect((await applyDuePriceChanges(db, new Date(later.getTime() + 2000))).filter((c) => c.variantId === product.variantId)).toEqual([]);
    const audit = await db.select().from(staffActions).where(and(eq(staffActions.staffId, marketer.id), eq(staffActions.action, "catalog.price_schedule")));
    expect(audit.length).toBeGreaterThanOrEqual(2);
  });

  it("applies a change exactly once when several appliers run at the same time", async () => {
    const product = await createTestProduct(db, "concurrent", { priceCents: 500 });
    const due = new Date(Date.now() - 1000);
    const changes = [];
    for (const price of [450, 425, 400]) {
      changes.push(await db.transaction((tx) => schedulePriceChange(tx, marketer.id, { variantId: product.variantId, storeId: null, priceCents: price, effectiveAt: new Date(due.getTime() + price) })));
    }
    const results = await Promise.all(Array.from({ length: 6 }, () => applyDuePriceChanges(db)));
    const mine = results.flat().filter((c) => c.variantId === product.variantId).map((c) => c.id);
    expect(mine.sort()).toEqual(changes.map((c) => (c.ok ? c.id : 0)).sort());
    const rows = await db.select().from(priceChanges).where(eq(priceChanges.variantId, product.variantId));
    expect(rows.every((r) => r.appliedAt !== null)).toBe(true);
    // The latest effective change wins, whatever the applier.
    expect(await nationalPrice(product)).toBe(450);
  });

  it("is applied by the scheduler's task, from its job at the effective time or the minute cron", async () => {
    const product = await createTestProduct(db, "task", { priceCents: 600 });
    const change = await db.transaction((tx) => schedulePriceChange(tx, marketer.id, { variantId: product.variantId, storeId: paris.id, priceCents: 550, effectiveAt: new Date(Date.now() + 200) }));
    if (!change.ok) throw new Error("not scheduled");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const job = { id: "1", attempt: 1, maxAttempts: 1 };
    const ran = await applyPriceChangesTask({ changeId: change.id }, { db, log: pino({ level: "silent" }), job });
    expect(ran).toMatchObject({ applied: expect.any(Number) });
    expect(await parisPrice(product)).toBe(550);
    // The cron's run right after finds nothing more to do for it.
    await applyPriceChangesTask({}, { db, log: pino({ level: "silent" }), job });
    expect(await parisPrice(product)).toBe(550);
  });

  it("never applies a cancelled change, and removes its job", async () => {
    const product = await createTestProduct(db, "cancelled", { priceCents: 800 });
    const soon = new Date(Date.now() + 60_000);
    const change = await db.transaction((tx) => schedulePriceChange(tx, marketer.id, { variantId: product.variantId, storeId: null, priceCents: 700, effectiveAt: soon }));
    if (!change.ok) throw new Error("not scheduled");
    expect(await db.transaction((tx) => cancelPriceChange(tx, marketer.id, change.id))).toEqual({ ok: true, productId: product.productId });
    expect(await jobOf(priceChangeJobKey(change.id))).toBeUndefined();
    expect(await db.transaction((tx) => cancelPriceChange(tx, marketer.id, change.id))).toEqual({ ok: false });
    await applyDuePriceChanges(db, new Date(soon.getTime() + 1000));
    expect(await nationalPrice(product)).toBe(800);
  });
});
