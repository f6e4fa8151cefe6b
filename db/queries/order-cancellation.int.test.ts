// cancelOrder, the one way every path cancels an order: under concurrent calls the stock, the slot
// place and the jobs move once; unpaid orders give back their reservation and confirmed ones their
// committed stock; the jobs commit or roll back with the cancellation; replays enqueue nothing.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database, Executor } from "@/db/client";
import { orderEvents, orders } from "@/db/schema";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, connect, createSlot, race, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { placeOrder } from "./checkout";
import { cancelOrder, UNPAID, type CancelOrderInput } from "./order-cancellation";
import { confirmPaidOrder } from "./order-lifecycle";
import { transitionOrder } from "./orders";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(12));
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

beforeEach(() => setStock(db, storeId, variantId, 20));

/** An order for 5 of the 20 items in stock, in a fresh slot; confirmed (stock committed) if asked. */
async function order(options: { confirmed?: boolean; now?: Date } = {}) {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const shopper = await shopperWithBasket(db, storeId, [{ variantId, quantity: 5 }]);
  const placed = await placeOrder(db, { ...shopper, fulfilment: "collection", slotId, contactEmail: "cancel@example.test", now: options.now });
  if (!placed.ok) throw new Error(`refused: ${placed.error.code}`);
  const orderId = placed.order.id;
  if (options.confirmed) await db.transaction((tx) => confirmPaidOrder(tx, orderId, { paymentIntentId: `pi_${orderId}` }));
  return { orderId, slotId };
}

const jobsFor = async (orderId: string) => (await jobsOfOrder(db, orderId)).map((j) => ({ task: j.task, payload: j.payload }));
const cancellations = async (orderId: string) =>
  (await db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId))).filter((e) => e.toStatus === "cancelled");
const statusOf = async (orderId: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId)))[0].status;

describe("cancelOrder", () => {
  it("cancels an unpaid order once under three racing calls: reservation, slot place, event, e-mail and Stripe clean-up, each once", async () => {
    const { orderId, slotId } = await order();
    const input: CancelOrderInput = {
      orderId,
      actor: "stripe",
      reason: "payment_mismatch",
      from: UNPAID,
      paymentIntentId: "pi_refused",
      data: { problems: [{ check: "amount" }] },
    };
    const results = await race(db, 3, (tx) => cancelOrder(tx, input));
    expect(results.filter((r) => r.changed)).toEqual([expect.objectContaining({ from: "pending_payment", order: expect.objectContaining({ status: "cancelled" }) })]);
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await cancellations(orderId)).toEqual([
      expect.objectContaining({ fromStatus: "pending_payment", actor: "stripe", reason: "payment_mismatch", data: { problems: [{ check: "amount" }] } }),
    ]);
    const [row] = await db.select().from(orders).where(eq(orders.id, orderId));
    expect(row.cancelReason).toBe("payment_mismatch");
    const jobs = await jobsFor(orderId);
    expect(jobs).toEqual([
      { task: "close-stripe-payment", payload: { orderId, paymentIntentId: "pi_refused" } },
      { task: "send-order-email", payload: { orderId, kind: "cancelled" } },
    ]);

    // A later replay, by the same or another path: nothing moves, nothing is enqueued.
    expect(await db.transaction((tx) => cancelOrder(tx, { orderId, actor: "system", reason: "expired", from: ["pending_payment"] }))).toEqual({
      changed: false,
      order: expect.objectContaining({ status: "cancelled", cancelReason: "payment_mismatch" }),
    });
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
    expect(await jobsFor(orderId)).toEqual(jobs);
  });

  it("gives a confirmed order's committed stock back to the shelf, and its slot place", async () => {
    const { orderId, slotId } = await order({ confirmed: true });
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 15, reserved: 0 });
    const result = await db.transaction((tx) => cancelOrder(tx, { orderId, actor: "agent:test", reason: "out of stock", from: ["confirmed"] }));
    expect(result).toMatchObject({ changed: true, from: "confirmed" });
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect((await jobsFor(orderId)).map((j) => j.task)).toEqual(["close-stripe-payment", "send-order-email"]);
  });

  it("enqueues no e-mail when the shopper is told otherwise, but still the Stripe clean-up", async () => {
    const { orderId } = await order();
    await db.transaction((tx) => cancelOrder(tx, { orderId, actor: "system", reason: "payment_unavailable", from: UNPAID, notifyShopper: false }));
    expect(await jobsFor(orderId)).toEqual([{ task: "close-stripe-payment", payload: { orderId } }]);
  });

  it("leaves alone an order in a status the caller may not cancel, one not yet expired, and an unknown one", async () => {
    const confirmed = await order({ confirmed: true });
    expect(await db.transaction((tx) => cancelOrder(tx, { orderId: confirmed.orderId, actor: "stripe", reason: "payment failed", from: UNPAID }))).toMatchObject({
      changed: false,
      order: { status: "confirmed" },
    });
    const picking = await order({ confirmed: true });
    await db.transaction((tx) => transitionOrder(tx, { orderId: picking.orderId, to: "picking", actor: "system" }));
    expect((await db.transaction((tx) => cancelOrder(tx, { orderId: picking.orderId, actor: "system", reason: "x", from: ["confirmed"] }))).changed).toBe(false);

    const fresh = await order();
    const notDue = await db.transaction((tx) =>
      cancelOrder(tx, { orderId: fresh.orderId, actor: "system", reason: "expired", from: ["pending_payment"], expiredBefore: new Date() }),
    );
    expect(notDue).toMatchObject({ changed: false, order: { status: "pending_payment" } });

    for (const { orderId, slotId } of [confirmed, picking, fresh]) {
      expect(await jobsFor(orderId)).toEqual([]);
      expect(await bookedOf(db, slotId)).toBe(1);
    }
    expect(await statusOf(picking.orderId)).toBe("picking");
    // 5 committed by each confirmed order, 5 still reserved by the fresh one.
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 10, reserved: 5 });
    expect(await db.transaction((tx) => cancelOrder(tx, { orderId: "00000000-0000-4000-8000-000000000000", actor: "system", reason: "x", from: UNPAID }))).toEqual({
      changed: false,
      order: null,
    });
  });

  it("cancels an expired order when asked by the scheduler", async () => {
    const { orderId } = await order({ now: new Date(Date.now() - 3_600_000) });
    const result = await db.transaction((tx: Executor) =>
      cancelOrder(tx, { orderId, actor: "system", reason: "expired", from: ["pending_payment"], expiredBefore: new Date() }),
    );
    expect(result.changed).toBe(true);
  });

  it("leaves no change and no job when the caller's transaction rolls back", async () => {
    const { orderId, slotId } = await order();
    const failed = db.transaction(async (tx) => {
      await cancelOrder(tx, { orderId, actor: "system", reason: "expired", from: UNPAID });
      throw new Error("caller failed after cancelling");
    });
    await expect(failed).rejects.toThrow("caller failed");
    expect(await statusOf(orderId)).toBe("pending_payment");
    expect(await stockOf(db, storeId, variantId)).toEqual({ quantity: 20, reserved: 5 });
    expect(await bookedOf(db, slotId)).toBe(1);
    expect(await jobsFor(orderId)).toEqual([]);
  });
});
