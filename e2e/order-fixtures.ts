// Orders for end-to-end tests, written straight into the e2e database (DATABASE_URL, set by
// scripts/e2e.ts) with the app's own queries, so that tests about the order pages do not have to
// go through the whole checkout first.
import { expect, type Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import type { Sql } from "postgres";
import { createDatabase, type Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { transitionOrder } from "@/db/queries/orders";
import { basketLines, baskets, orders, slots, stockLevels, users, type DeliveryAddress, type OrderStatus } from "@/db/schema";
import { assertLocalDatabase } from "@/scripts/lib/postgres";
import { createBasket, createSlot, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { submitSignUp, uniqueEmail } from "./helpers";


// Made on first use and ended by closeDb() in a file's afterAll. With fullyParallel, a worker runs
// that hook after each group of a file's tests it was given, and may come back to the file later.
let connection: { db: Database; sql: Sql; end: () => Promise<void> } | undefined;

/** The e2e database (local only); close it with closeDb() in afterAll. */
export function e2eDb(): Database {
  if (!connection) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: run the end-to-end tests with npm run test:e2e");
    assertLocalDatabase(url);
    const { db, sql } = createDatabase(url, 3);
    connection = { db, sql, end: () => sql.end() };
  }
  return connection.db;
}

/** The same connection for plain SQL. */
export function e2eSql(): Sql {
  e2eDb();
  return connection!.sql;
}

export async function closeDb(): Promise<void> {
  await connection?.end();
  connection = undefined;
}

/** Signs a new shopper up through the form; returns their id and e-mail. */
export async function signUpShopper(page: Page, tag: string, name = "Order Tester"): Promise<{ userId: string; email: string }> {
  const email = uniqueEmail(tag);
  await page.goto("/sign-up");
  await submitSignUp(page, name, email);
  await expect(page).toHaveURL(/\/account$/);
  const [user] = await e2eDb().select({ id: users.id }).from(users).where(eq(users.email, email));
  return { userId: user.id, email };
}

/** A shopper who never signs in (the owner of orders others must not see). */
export async function otherShopper(): Promise<string> {
  const [user] = await e2eDb()
    .insert(users)
    .values({ email: uniqueEmail("other"), name: "Other Shopper", passwordHash: "not-used" })
    .returning({ id: users.id });
  return user.id;
}

export type OrderItem = { slug: string; quantity: number; substitution?: "allow" | "refuse" };

/**
 * Places an order for the shopper at Bordeaux Chartrons (stock reserved, slot held,
 * pending_payment), then moves it on to `status` the way the workers and agents would. Not the
 * default store, whose stock the checkout journey counts; give each test its own products.
 */
export async function placeTestOrder(
  userId: string,
  params: { items: OrderItem[]; fulfilment?: "delivery" | "collection"; address?: DeliveryAddress; status?: OrderStatus; slotStartsAt?: Date },
) {
  const db = e2eDb();
  const store = await storeBySlug(db, "bordeaux-chartrons");
  const variants = await Promise.all(params.items.map((i) => variantOf(db, i.slug)));
  for (const v of variants) {
    // Plenty of stock, whatever the test reserves.
    await db
      .insert(stockLevels)
      .values({ storeId: store.id, variantId: v.id, quantity: 100_000, reserved: 0 })
      .onConflictDoUpdate({ target: [stockLevels.storeId, stockLevels.variantId], set: { quantity: 100_000 } });
  }
  const fulfilment = params.fulfilment ?? "collection";
  const slotId = await createSlot(db, { storeId: store.id, kind: fulfilment, capacity: 5, startsAt: params.slotStartsAt });
  // One basket per shopper: fill it for this order, empty it afterwards as the checkout does.
  const lines = params.items.map((i, n) => ({ variantId: variants[n].id, quantity: i.quantity }));
  const [existing] = await db.select({ id: baskets.id }).from(baskets).where(eq(baskets.userId, userId));
  const basketId = existing?.id ?? (await createBasket(db, { userId, storeId: store.id, lines: [] }));
  await db.update(baskets).set({ storeId: store.id }).where(eq(baskets.id, basketId));
  await db.insert(basketLines).values(lines.map((l) => ({ ...l, basketId })));
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  const substitutions = Object.fromEntries(params.items.map((i, n) => [variants[n].id, i.substitution ?? "allow"]));
  const placed = await placeOrder(db, { userId, basketId, fulfilment, slotId, address: params.address, substitutions, contactEmail: user.email });
  await db.delete(basketLines).where(eq(basketLines.basketId, basketId));
  if (!placed.ok) throw new Error(`placeOrder refused: ${placed.error.code}`);
  const order = placed.order;
  if (params.status && params.status !== "pending_payment") await moveOrderTo(order.id, params.status);
  return { id: order.id, number: order.number, slotId, storeId: store.id, variantIds: variants.map((v) => v.id) };
}

/** Moves an order along the lifecycle up to `status` (only forward, never to cancelled). */
export async function moveOrderTo(orderId: string, status: OrderStatus): Promise<void> {
  const path: OrderStatus[] = ["authorized", "confirmed", "picking", "picked", "ready_for_collection", "completed"];
  await e2eDb().transaction(async (tx) => {
    const [current] = await tx.select({ status: orders.status }).from(orders).where(eq(orders.id, orderId));
    if (current.status === "pending_payment" || current.status === "authorized") await confirmPaidOrder(tx, orderId, { paymentIntentId: `pi_e2e_${orderId}` });
    for (const next of path.slice(2)) {
      if (path.indexOf(status) < path.indexOf(next)) break;
      await transitionOrder(tx, { orderId, to: next, actor: "system" });
    }
  });
}

export async function orderRow(orderId: string) {
  const [row] = await e2eDb().select().from(orders).where(eq(orders.id, orderId));
  return row;
}

/** The first item's stock and the slot's booked places. */
export async function stockAndSlot(order: { storeId: number; slotId: number; variantIds: number[] }) {
  const db = e2eDb();
  const [stock] = await db
    .select({ quantity: stockLevels.quantity, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, order.storeId), eq(stockLevels.variantId, order.variantIds[0])));
  const [slot] = await db.select({ booked: slots.booked }).from(slots).where(eq(slots.id, order.slotId));
  return { stock, booked: slot.booked };
}
