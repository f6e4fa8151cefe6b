// Stale stock on cached pages (issue 6 item 10): every path that moves a variant in or out of stock
// at a store (checkout reservation, cancellation, expiry, a decline) enqueues one refresh of that
// store's cached pages in its own transaction; changes the storefront cannot see enqueue nothing.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { TAGS } from "@/lib/cache-tags";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { placeOrder } from "./checkout";
import { expireUnpaidOrders } from "./order-lifecycle";
import { cancelOrder } from "./order-cancellation";
import { confirmPaidOrder } from "./order-lifecycle";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let variantId: number;
let other: number;

beforeAll(async () => {
  ({ db, close } = connect(4));
  storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
  variantId = (await variantOf(db, "kiwis")).id;
  other = (await variantOf(db, "pineapple")).id;
});
afterAll(async () => {
  await restoreStock(db);
  await close();
});
beforeEach(async () => {
  await db.execute(sql`delete from graphile_worker._private_jobs where key like 'refresh-storefront:%'`);
});

/** The pending refreshes of this test's store: their tags (other tests' stores may have theirs). */
async function refreshes(): Promise<string[][]> {
  const rows = await db.execute<{ payload: { tags: string[] } }>(sql`
    select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'refresh-storefront' and (j.payload->'tags')::jsonb ? ${TAGS.stock(storeId)}::text order by j.id`);
  return rows.map((r) => r.payload.tags);
}

async function order(quantity: number, variant = variantId, now?: Date) {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId: variant, quantity }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "fresh@example.test", now });
  if (!placed.ok) throw new Error(placed.error.code);
  return placed.order;
}

const UNPAID = ["pending_payment", "authorized"] as const;

describe("stale stock on cached pages (issue 6 item 10)", () => {
  it("a checkout that leaves stock enqueues nothing; one that takes the last unit refreshes the store", async () => {
    await setStock(db, storeId, variantId, 3);
    await order(1);
    expect(await refreshes()).toEqual([]);
    await order(2);
    expect(await refreshes()).toEqual([[TAGS.stock(storeId)]]);
  });

  it("a cancellation or an expiry that puts a sold-out variant back refreshes the store; a confirmation does not", async () => {
    // Its own variant: the expiry below expires every unpaid order, the first test's too.
    await setStock(db, storeId, other, 4);
    const cancelled = await order(2, other);
    const confirmed = await order(2, other);
    await db.execute(sql`delete from graphile_worker._private_jobs where key like 'refresh-storefront:%'`);

    // Committing stock changes nothing a shopper sees (it was reserved already).
    await db.transaction((tx) => confirmPaidOrder(tx, confirmed.id, { paymentIntentId: "pi_stock_refresh" }));
    expect(await refreshes()).toEqual([]);

    await db.transaction((tx) => cancelOrder(tx, { orderId: cancelled.id, actor: "stripe", reason: "payment failed", from: UNPAID }));
    expect(await refreshes()).toEqual([[TAGS.stock(storeId)]]);

    await db.execute(sql`delete from graphile_worker._private_jobs where key like 'refresh-storefront:%'`);
    // Placed "a year ago", so that it expires before any other test's unpaid order: the expiry
    // below then reaches this one only.
    const expiring = await order(2, other, new Date(Date.now() - 365 * 86_400_000));
    await db.execute(sql`delete from graphile_worker._private_jobs where key like 'refresh-storefront:%'`);
    expect((await expireUnpaidOrders(db, { now: new Date(expiring.expiresAt.getTime() + 1000) })).map((o) => o.id)).toContain(expiring.id);
    expect(await refreshes()).toEqual([[TAGS.stock(storeId)]]);
  });

  it("a burst of changes makes one pending refresh per store", async () => {
    for (let i = 0; i < 3; i++) {
      await setStock(db, storeId, variantId, 1);
      await order(1);
    }
    expect(await refreshes()).toEqual([[TAGS.stock(storeId)]]);
  });
});
