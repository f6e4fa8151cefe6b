// Store look-ups: the list, one store, an order's store, and the stores delivering to a postcode.
import { asc, eq } from "drizzle-orm";
import { UUID_PATTERN } from "@/lib/ids";
import type { Executor } from "../client";
import { orders, storeDeliveryPostcodes, stores, type Store } from "../schema";

export function listStores(db: Executor): Promise<Store[]> {
  return db.select().from(stores).orderBy(asc(stores.position), asc(stores.name));
}

export async function getStoreBySlug(db: Executor, slug: string): Promise<Store | null> {
  const [store] = await db.select().from(stores).where(eq(stores.slug, slug)).limit(1);
  return store ?? null;
}

/** The store new visitors see until they choose one. */
export async function getDefaultStore(db: Executor): Promise<Store | null> {
  const [store] = await db.select().from(stores).orderBy(asc(stores.position), asc(stores.id)).limit(1);
  return store ?? null;
}

/** Normalises what people type as a postcode: "69 003" → "69003". */
export function normalizePostcode(input: string): string {
  return input.replace(/\s+/g, "").toUpperCase().slice(0, 10);
}

export async function findStoresDeliveringTo(db: Executor, postcode: string): Promise<Store[]> {
  return db
    .select({ store: stores })
    .from(stores)
    .innerJoin(storeDeliveryPostcodes, eq(storeDeliveryPostcodes.storeId, stores.id))
    .where(eq(storeDeliveryPostcodes.postcode, normalizePostcode(postcode)))
    .orderBy(asc(stores.position))
    .then((rows) => rows.map((r) => r.store));
}

/** The store an order belongs to, or null for an unknown (or malformed) order id. */
export async function findOrderStoreId(db: Executor, orderId: string): Promise<number | null> {
  if (!UUID_PATTERN.test(orderId)) return null;
  const [row] = await db.select({ storeId: orders.storeId }).from(orders).where(eq(orders.id, orderId)).limit(1);
  return row?.storeId ?? null;
}
