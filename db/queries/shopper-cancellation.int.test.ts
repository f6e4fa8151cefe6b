// A shopper cancelling their own order: stock and slot come back exactly once however many
// cancellations race, the e-mail and the Stripe clean-up jobs are enqueued with the change, and
// orders being picked (or another shopper's) are refused.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { orderEvents, orders, type OrderStatus } from "@/db/schema";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, connect, createShopper, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { placeOrder } from "./checkout";
import { confirmPaidOrder } from "./order-lifecycle";
import { transitionOrder } from "./orders";
import { SHOPPER_CANCEL_REASON } from "@/lib/orders/state-machine";
import { cancelOrderByShopper } from "./shopper-cancellation";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(12));
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  variantId = (await variantOf(db, "free-range-eggs", 1)).id;
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

beforeEach(() => setStock(db, storeId, variantId, 20));

/** An order for 4 of the 20 items in stock, in a fresh slot, moved on to `status`. */
async function orderIn(status: OrderStatus) {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 4 }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!placed.ok) throw new Error(`refused: ${placed.error.code}`);
  const orderId = placed.order.id;
  if (status !== "pending_payment") {
    await db.transaction(async (tx) => {
      if (status === "authorized") await transitionOrder(tx, { orderId, to: "authorized", actor: "stripe", set: { paymentIntentId: `pi_${orderId}` } });
      else await confirmPaidOrder(tx, orderId, { paymentIntentId: `pi_${orderId}` });
      for (const next of ["picking", "picked", "ready_for_collection", "completed"] as const) {
        if (status === "authorized" || status === "confirmed") break;
        await transitionOrder(tx, { orderId, to: next, actor: "system" });
        if (next === status) break;
      }
    });
  }
  return { orderId, userId: shopper.userId, slotId };
}

const statusOf = async (id: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;
const jobsFor = async (orderId: string) => (await jobsOfOrder(db, orderId)).map((j) => ({ task: j.task, payload: j.payload }));

describe("cancelOrderByShopper", () => {
  it.each(["pending_payment", "authorized"] as const)("releases a %s order's reserved stock and slot once under 10 concurrent cancels", async (status) => {
    const { orderId, userId, slotId } = await orderIn(status);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 4 });
    const results = await Promise.all(Array.from({ length: 10 }, () => cancelOrderByShopper(db, userId, orderId)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect(await statusOf(orderId)).toBe("cancelled");
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));
    expect(events.filter((e) => e.toStatus === "cancelled")).toEqual([
      expect.objectContaining({ fromStatus: status, actor: `customer:${userId}`, reason: SHOPPER_CANCEL_REASON }),
    ]);
    expect(await jobsFor(orderId)).toEqual([
      { task: "close-stripe-payment", payload: { orderId } },
      { task: "send-order-email", payload: { orderId, kind: "cancelled" } },
    ]);
  });

  it("gives a confirmed order's committed stock back, and its slot place, once under 10 concurrent cancels", async () => {
    const { orderId, userId, slotId } = await orderIn("confirmed");
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 16, reserved: 0 });
    const results = await Promise.all(Array.from({ length: 10 }, () => cancelOrderByShopper(db, userId, orderId)));
    expect(results.filter((r) => r.ok && r.changed)).toHaveLength(1);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(row).toMatchObject({ status: "cancelled", cancelReason: SHOPPER_CANCEL_REASON });
    expect((await jobsFor(orderId)).map((j) => j.task)).toEqual(["close-stripe-payment", "send-order-email"]);
    // Later, again: nothing more moves.
    expect(await cancelOrderByShopper(db, userId, orderId)).toMatchObject({ ok: true, changed: false, order: { status: "cancelled" } });
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
  });

  it.each(["picking", "picked", "ready_for_collection", "completed"] as const)("refuses a %s order and changes nothing", async (status) => {
    const { orderId, userId, slotId } = await orderIn(status);
    const before = await stockOf(db, storeId, variantId);
    const jobsBefore = await jobsFor(orderId);
    expect(await cancelOrderByShopper(db, userId, orderId)).toEqual({ ok: false, code: "not_cancellable", status });
    expect(await statusOf(orderId)).toBe(status);
    expect(await stockOf(db, storeId, variantId)).toEqual(before);
    expect(await bookedOf(db, slotId)).toBe(1);
    expect(await jobsFor(orderId)).toEqual(jobsBefore);
  });

  it("treats another shopper's order, an unknown id and a malformed id as not found", async () => {
    const { orderId, slotId } = await orderIn("confirmed");
    const stranger = await createShopper(db);
    expect(await cancelOrderByShopper(db, stranger, orderId)).toEqual({ ok: false, code: "not_found" });
    expect(await cancelOrderByShopper(db, stranger, "00000000-0000-4000-8000-000000000000")).toEqual({ ok: false, code: "not_found" });
    expect(await cancelOrderByShopper(db, stranger, "not-an-id")).toEqual({ ok: false, code: "not_found" });
    expect(await statusOf(orderId)).toBe("confirmed");
    expect(await bookedOf(db, slotId)).toBe(1);
    expect(await jobsFor(orderId)).toEqual([]);
  });
});
