// Cancelling, expiring and confirming orders move stock and slot places exactly once, even
// when the same call arrives twice at the same moment.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Executor } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import { bookedOf, connect, createSlot, race, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { placeOrder } from "./checkout";
import { cancelOrder, UNPAID } from "./order-cancellation";
import { confirmPaidOrder, expireUnpaidOrders } from "./order-lifecycle";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(12));
  storeId = (await storeBySlug(db, "paris-bastille")).id;
  variantId = (await variantOf(db, "free-range-eggs", 1)).id;
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

beforeEach(() => setStock(db, storeId, variantId, 20));

/** A pending order for 4 items (of the 20 in stock) in a fresh slot. */
async function pendingOrder(options: { now?: Date } = {}) {
  const before = await stockOf(db, storeId, variantId);
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 4 }]);
  const result = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "shopper@example.test", now: options.now });
  if (!result.ok) throw new Error(`refused: ${result.error.code}`);
  expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: before.reserved + 4 });
  expect(await bookedOf(db, slotId)).toBe(1);
  return { order: result.order, slotId };
}

const eventsTo = async (orderId: string, status: string) =>
  (await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter((e) => e.toStatus === status);

describe("cancelOrder of an unpaid order", () => {
  it("releases stock and slot once when two cancellations race", async () => {
    const { order, slotId } = await pendingOrder();
    const cancel = (tx: Executor) => cancelOrder(tx, { orderId: order.id, actor: "system", reason: "payment_failed", from: UNPAID });
    const results = await race(db, 2, cancel);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await eventsTo(order.id, "cancelled")).toEqual([expect.objectContaining({ actor: "system", reason: "payment_failed" })]);
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: "cancelled", cancelReason: "payment_failed" });
    // And later replays change nothing either.
    expect((await db.transaction(cancel)).changed).toBe(false);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
  });

  it("leaves a confirmed order alone when only unpaid ones may be cancelled", async () => {
    const { order, slotId } = await pendingOrder();
    await db.transaction((tx) => confirmPaidOrder(tx, order.id, { paymentIntentId: `pi_${order.id}` }));
    const result = await db.transaction((tx) => cancelOrder(tx, { orderId: order.id, actor: "system", reason: "expired", from: UNPAID }));
    expect(result).toMatchObject({ changed: false, order: { status: "confirmed" } });
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 16, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(1);
  });
});

describe("expireUnpaidOrders", () => {
  it("cancels expired unpaid orders once, even when two schedulers run together", async () => {
    const { order, slotId } = await pendingOrder({ now: new Date(Date.now() - 3_600_000) });
    const fresh = await pendingOrder();
    const now = new Date();
    const [a, b] = await Promise.all([expireUnpaidOrders(db, { now }), expireUnpaidOrders(db, { now })]);
    const ids = [...a, ...b].map((o) => o.id);
    expect(ids.filter((id) => id === order.id)).toHaveLength(1);
    expect(ids).not.toContain(fresh.order.id);
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await bookedOf(db, fresh.slotId)).toBe(1);
    // Only the fresh order's 4 items are still reserved.
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 4 });
    expect(await eventsTo(order.id, "cancelled")).toEqual([expect.objectContaining({ actor: "system", reason: "expired" })]);
  });

  it("does not cancel an order that was paid just before expiry", async () => {
    const { order } = await pendingOrder({ now: new Date(Date.now() - 3_600_000) });
    await db.transaction((tx) => confirmPaidOrder(tx, order.id, { paymentIntentId: `pi_${order.id}` }));
    expect((await expireUnpaidOrders(db)).map((o) => o.id)).not.toContain(order.id);
  });
});

describe("confirmPaidOrder", () => {
  it("commits stock once when the payment is reported twice at the same moment", async () => {
    const { order, slotId } = await pendingOrder();
    const confirm = (tx: Executor) => confirmPaidOrder(tx, order.id, { paymentIntentId: "pi_twice" });
    const results = await race(db, 2, confirm);
    expect(results.map((r) => r.changed).sort()).toEqual([false, true]);
    expect((await db.transaction(confirm)).changed).toBe(false);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 16, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(1);
    const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ status: "confirmed", paymentIntentId: "pi_twice" });
    expect(await eventsTo(order.id, "authorized")).toHaveLength(1);
    expect(await eventsTo(order.id, "confirmed")).toHaveLength(1);
  });

  it("leaves a cancelled order cancelled", async () => {
    const { order } = await pendingOrder();
    await db.transaction((tx) => cancelOrder(tx, { orderId: order.id, actor: `customer:${order.userId}`, reason: "abandoned", from: UNPAID }));
    const result = await db.transaction((tx) => confirmPaidOrder(tx, order.id, { paymentIntentId: "pi_late" }));
    expect(result).toMatchObject({ changed: false, order: { status: "cancelled" } });
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
  });
});
