// Test data for basket, slot and checkout integration tests: shoppers, baskets, slots, and
// stock levels that are put back as they were when the file's tests end.
import { randomInt, randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { createDatabase, type Database, type Executor } from "@/db/client";
import { basketLines, baskets, productVariants, products, slots, stockLevels, stores, users, type SlotKind } from "@/db/schema";

export function connect(max = 12): { db: Database; close: () => Promise<void> } {
  const { db, sql: client } = createDatabase(process.env.DATABASE_URL!, max);
  return { db, close: () => client.end() };
}

export async function storeBySlug(db: Database, slug: string) {
  const [store] = await db.select({ id: stores.id, name: stores.name }).from(stores).where(eq(stores.slug, slug));
  return store;
}

/** A product's variant (the first by position unless `index` is given), with its product's name and VAT. */
export async function variantOf(db: Database, slug: string, index = 0) {
  const rows = await db
    .select({ id: productVariants.id, productId: products.id, name: products.name, priceCents: productVariants.priceCents, vatRateBp: products.vatRateBp })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.slug, slug))
    .orderBy(asc(productVariants.position), asc(productVariants.id));
  return rows[index];
}

const originalStock = new Map<string, { storeId: number; variantId: number; quantity: number; reserved: number } | null>();

/** Sets a stock level (nothing reserved), remembering the original for restoreStock. */
export async function setStock(db: Database, storeId: number, variantId: number, quantity: number): Promise<void> {
  const key = `${storeId}:${variantId}`;
  if (!originalStock.has(key)) {
    const [row] = await db
      .select({ storeId: stockLevels.storeId, variantId: stockLevels.variantId, quantity: stockLevels.quantity, reserved: stockLevels.reserved })
      .from(stockLevels)
      .where(and(eq(stockLevels.storeId, storeId), eq(stockLevels.variantId, variantId)));
    originalStock.set(key, row ?? null);
  }
  await db
    .insert(stockLevels)
    .values({ storeId, variantId, quantity, reserved: 0 })
    .onConflictDoUpdate({ target: [stockLevels.storeId, stockLevels.variantId], set: { quantity, reserved: 0 } });
}

export async function restoreStock(db: Database): Promise<void> {
  for (const [key, row] of originalStock) {
    const [storeId, variantId] = key.split(":").map(Number);
    const where = and(eq(stockLevels.storeId, storeId), eq(stockLevels.variantId, variantId));
    if (row) await db.update(stockLevels).set({ quantity: row.quantity, reserved: row.reserved }).where(where);
    else await db.delete(stockLevels).where(where);
  }
  originalStock.clear();
}

export async function stockOf(db: Database, storeId: number, variantId: number) {
  const [row] = await db
    .select({ quantity: stockLevels.quantity, reserved: stockLevels.reserved })
    .from(stockLevels)
    .where(and(eq(stockLevels.storeId, storeId), eq(stockLevels.variantId, variantId)));
  return row;
}

export async function createShopper(db: Database): Promise<string> {
  const [user] = await db
    .insert(users)
    .values({ email: `shopper-${randomUUID()}@example.test`, name: "Test Shopper", passwordHash: "not-used" })
    .returning({ id: users.id });
  return user.id;
}

/** A basket (a shopper's when userId is given, else a guest's) holding the given lines. */
export async function createBasket(
  db: Database,
  params: { userId?: string; storeId: number; lines: { variantId: number; quantity: number; addedAt?: Date }[] },
): Promise<string> {
  const [basket] = await db.insert(baskets).values({ userId: params.userId, storeId: params.storeId }).returning({ id: baskets.id });
  if (params.lines.length > 0) await db.insert(basketLines).values(params.lines.map((l) => ({ ...l, basketId: basket.id })));
  return basket.id;
}

/** A new shopper with a basket of `lines` at the store. */
export async function shopperWithBasket(db: Database, storeId: number, lines: { variantId: number; quantity: number; addedAt?: Date }[]) {
  const userId = await createShopper(db);
  return { userId, basketId: await createBasket(db, { userId, storeId, lines }) };
}

/** A slot starting some time in the next weeks (random, so slots of different tests never collide). */
export async function createSlot(db: Database, params: { storeId: number; kind: SlotKind; capacity: number; startsAt?: Date }): Promise<number> {
  const startsAt = params.startsAt ?? new Date(Date.now() + 86_400_000 + randomInt(0, 20 * 86_400) * 1000);
  const [slot] = await db
    .insert(slots)
    .values({ storeId: params.storeId, kind: params.kind, startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), capacity: params.capacity })
    .returning({ id: slots.id });
  return slot.id;
}

export async function bookedOf(db: Database, slotId: number): Promise<number> {
  const [slot] = await db.select({ booked: slots.booked }).from(slots).where(eq(slots.id, slotId));
  return slot.booked;
}

export const lyonAddress = { recipient: "Test Shopper", street: "1 Rue de la République", postcode: "69 002", city: "Lyon", phone: null };


/**
 * Runs `fn` in `n` transactions that have all begun before any of them goes on, so that a
 * race between them really happens instead of the first finishing before the second starts.
 */
export async function race<T>(db: Database, n: number, fn: (tx: Executor) => Promise<T>): Promise<T[]> {
  let arrived = 0;
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => (open = resolve));
  return Promise.all(
    Array.from({ length: n }, () =>
      db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        if (++arrived === n) open();
        await gate;
        return fn(tx);
      }),
    ),
  );
}
