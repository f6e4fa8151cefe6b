// Stripe events, stored once per event id whatever the number of deliveries.
import { eq, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Executor } from "../client";
import { stripeEvents, type StripeEvent } from "../schema";

/** Stores the event; false when it was already stored (a redelivery). */
export async function recordStripeEvent(tx: Executor, event: Stripe.Event): Promise<boolean> {
  const rows = await tx
    .insert(stripeEvents)
    .values({ id: event.id, type: event.type, payload: event as unknown as Record<string, unknown> })
    .onConflictDoNothing({ target: stripeEvents.id })
    .returning({ id: stripeEvents.id });
  return rows.length > 0;
}

export async function getStripeEvent(db: Executor, id: string): Promise<StripeEvent | null> {
  const [row] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, id));
  return row ?? null;
}

export async function markStripeEventProcessed(tx: Executor, id: string): Promise<void> {
  await tx.update(stripeEvents).set({ processedAt: sql`now()` }).where(eq(stripeEvents.id, id));
}
