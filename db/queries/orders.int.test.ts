// Order transitions under concurrency, and the invariants the database itself enforces.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { orderEvents, orders, slots, stockLevels, stores, users } from "@/db/schema";
import { InvalidTransitionError } from "@/lib/orders/state-machine";
import { transitionOrder } from "./orders";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let userId: string;
let slotId: number;
const slotStartsAt = new Date(Date.now() + 86_400_000);

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 12);
  db = connection.db;
  close = () => connection.sql.end();
  [{ id: storeId }] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, "lyon-part-dieu"));
  [{ id: userId }] = await db
    .insert(users)
    .values({ email: `orders-${randomUUID()}@example.test`, name: "Test Shopper", passwordHash: "not-used" })
    .returning({ id: users.id });
  [{ id: slotId }] = await db
    .insert(slots)
    .values({ storeId, kind: "collection", startsAt: slotStartsAt, endsAt: new Date(slotStartsAt.getTime() + 3_600_000), capacity: 3 })
    .returning({ id: slots.id });
});

afterAll(() => close());

async function newOrder() {
  const [order] = await db
    .insert(orders)
    .values({
      number: `T-${randomUUID().slice(0, 8)}`,
      userId,
      storeId,
      slotId,
      slotStartsAt,
      fulfilment: "collection",
      contactEmail: "shopper@example.test",
      subtotalCents: 1000,
      deliveryFeeCents: 0,
      totalCents: 1000,
      authorizedCents: 1100,
      expiresAt: new Date(Date.now() + 1_800_000),
    })
    .returning();
  return order;
}

const eventsOf = (orderId: string) => db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId));

describe("transitionOrder", () => {
  it("moves along the lifecycle and records who did what", async () => {
    const order = await newOrder();
    const result = await db.transaction((tx) =>
      transitionOrder(tx, { orderId: order.id, to: "authorized", actor: "stripe", data: { paymentIntent: "pi_123" } }),
    );
    expect(result).toMatchObject({ changed: true, from: "pending_payment", order: { status: "authorized" } });
    expect(await eventsOf(order.id)).toEqual([
      expect.objectContaining({ fromStatus: "pending_payment", toStatus: "authorized", actor: "stripe", data: { paymentIntent: "pi_123" } }),
    ]);
  });

  it("ignores a replay and refuses an impossible move", async () => {
    const order = await newOrder();
    await db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "authorized", actor: "stripe" }));
    const replay = await db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "authorized", actor: "stripe" }));
    expect(replay.changed).toBe(false);
    await expect(db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "completed", actor: "system" }))).rejects.toBeInstanceOf(
      InvalidTransitionError,
    );
    expect(await eventsOf(order.id)).toHaveLength(1);
    const [row] = await db.select({ status: orders.status }).from(orders).where(eq(orders.id, order.id));
    expect(row.status).toBe("authorized");
  });

  it("applies a transition once when ten workers race for it", async () => {
    const order = await newOrder();
    await db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "authorized", actor: "stripe" }));
    const results = await Promise.all(
      Array.from({ length: 10 }, () => db.transaction((tx) => transitionOrder(tx, { orderId: order.id, to: "confirmed", actor: "system" }))),
    );
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect((await eventsOf(order.id)).filter((e) => e.toStatus === "confirmed")).toHaveLength(1);
  });

  it("reports an unknown order as unchanged", async () => {
    expect(await db.transaction((tx) => transitionOrder(tx, { orderId: randomUUID(), to: "cancelled", actor: "system" }))).toEqual({
      changed: false,
      order: null,
    });
  });
});

describe("database invariants", () => {
  it("refuses to overbook a slot", async () => {
    await expect(db.update(slots).set({ booked: 4 }).where(eq(slots.id, slotId))).rejects.toThrow();
    const [slot] = await db.select().from(slots).where(eq(slots.id, slotId));
    expect(slot.booked).toBe(0);
  });

  it("refuses negative stock and reservations beyond it", async () => {
    const [level] = await db.select().from(stockLevels).where(eq(stockLevels.storeId, storeId)).limit(1);
    const where = and(eq(stockLevels.storeId, storeId), eq(stockLevels.variantId, level.variantId));
    await expect(db.update(stockLevels).set({ quantity: -1 }).where(where)).rejects.toThrow();
    await expect(db.update(stockLevels).set({ reserved: sql`${stockLevels.quantity} + 1` }).where(where)).rejects.toThrow();
  });
});
