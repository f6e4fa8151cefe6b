// Bench data: a fresh database (DATABASE_URL's server, or the embedded PostgreSQL), migrated and
// seeded, and shoppers with baskets ready to check out at one store (plenty of stock and slots).
import { and, eq, gt, inArray, sql } from "drizzle-orm";
import { createDatabase, type Database } from "../../db/client";
import { runMigrations } from "../../db/migrate";
import type { PlaceOrderInput } from "../../db/queries/checkout";
import { ensureSlotCalendar } from "../../db/queries/slots";
import { basketLines, baskets, productVariants, products, slots, stockLevels, storeDeliveryPostcodes, stores, users } from "../../db/schema";
import { seedDatabase } from "../../db/seed";
import { createTemporaryDatabase, testServerUrl } from "../../scripts/lib/postgres";

export const STORE_SLUG = "lyon-part-dieu";

export type Shopper = Omit<PlaceOrderInput, "now">;

export type BenchDatabase = { url: string; drop: () => Promise<void> };

/** A fresh database with the demo catalog and a week of slots; `drop` removes it (and stops an embedded server). */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const server = await testServerUrl();
  const database = await createTemporaryDatabase(server.url, "halles_bench");
  try {
    await runMigrations(database.url);
    const { db, sql: client } = createDatabase(database.url, 4);
    await seedDatabase(db);
    await ensureSlotCalendar(db);
    await client.end();
  } catch (error) {
    await database.drop();
    await server.stop();
    throw error;
  }
  return {
    url: database.url,
    drop: async () => {
      await database.drop();
      await server.stop();
    },
  };
}

/** A deterministic generator, so every run orders the same baskets. */
function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/**
 * `count` shoppers at the bench store, each with a basket of 2–4 lines (one of them weighed) and
 * a checkout choice (half delivery to a covered postcode, half collection, over the week's slots).
 * Stock and slot capacity are raised so that no order is refused.
 */
export async function prepareShoppers(db: Database, count: number, label: string): Promise<Shopper[]> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, STORE_SLUG));
  const variants = await db
    .select({ id: productVariants.id, sellingMode: productVariants.sellingMode, step: productVariants.weightStepGrams })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.active, true));
  const unit = variants.filter((v) => v.sellingMode === "unit");
  const weighed = variants.filter((v) => v.sellingMode === "weight");
  await db
    .insert(stockLevels)
    .values(variants.map((v) => ({ storeId: store.id, variantId: v.id, quantity: 100_000_000, reserved: 0 })))
    .onConflictDoUpdate({ target: [stockLevels.storeId, stockLevels.variantId], set: { quantity: 100_000_000 } });
  const [covered] = await db
    .select({ postcode: storeDeliveryPostcodes.postcode })
    .from(storeDeliveryPostcodes)
    .where(eq(storeDeliveryPostcodes.storeId, store.id));
  const open = await db
    .select({ id: slots.id, kind: slots.kind })
    .from(slots)
    .where(and(eq(slots.storeId, store.id), gt(slots.startsAt, sql`now() + interval '1 hour'`)));
  const slotIds = {
    delivery: open.filter((s) => s.kind === "delivery").map((s) => s.id),
    collection: open.filter((s) => s.kind === "collection").map((s) => s.id),
  };
  await db.update(slots).set({ capacity: 1_000_000 }).where(inArray(slots.id, [...slotIds.delivery, ...slotIds.collection]));

  const next = random(count + label.length);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  const result: Shopper[] = [];
  for (let start = 0; start < count; start += 500) {
    const batch = Math.min(500, count - start);
    const made = await db
      .insert(users)
      .values(Array.from({ length: batch }, (_, i) => ({ email: `bench-${label}-${start + i}@example.test`, name: "Bench Shopper", passwordHash: "not-used" })))
      .returning({ id: users.id });
    const madeBaskets = await db
      .insert(baskets)
      .values(made.map((u) => ({ userId: u.id, storeId: store.id })))
      .returning({ id: baskets.id, userId: baskets.userId });
    const lines = madeBaskets.flatMap((basket) => {
      const chosen = new Map<number, number>();
      const heavy = pick(weighed);
      chosen.set(heavy.id, (heavy.step ?? 100) * (1 + Math.floor(next() * 5)));
      const extra = 1 + Math.floor(next() * 3);
      while (chosen.size < 1 + extra) chosen.set(pick(unit).id, 1 + Math.floor(next() * 4));
      return [...chosen].map(([variantId, quantity]) => ({ basketId: basket.id, variantId, quantity }));
    });
    await db.insert(basketLines).values(lines);
    for (const basket of madeBaskets) {
      const delivery = next() < 0.5;
      result.push({
        userId: basket.userId!,
        basketId: basket.id,
        fulfilment: delivery ? "delivery" : "collection",
        slotId: pick(delivery ? slotIds.delivery : slotIds.collection),
        address: delivery ? { recipient: "Bench Shopper", street: "1 rue du Banc", postcode: covered.postcode, city: "Lyon", phone: null } : undefined,
        contactEmail: "bench@example.test",
      });
    }
  }
  return result;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** p50, p95 and p99 of a list of latencies (ms). */
export function percentiles(latencies: number[]): { p50: number; p95: number; p99: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99) };
}
