// Big orders for the picking benches: a shopper's order of N lines (a few of them weighed) at one
// store, paid with 4242 on the Stripe test server's hosted page and confirmed by the order worker
// from Stripe's webhook, then claimed by the agent; and the lines settled as a picker would.
import { and, asc, eq, gt, notInArray, sql } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "../../db/client";
import { placeOrder } from "../../db/queries/checkout";
import { claimOrder, settleOrderLine, type LineOutcomeInput } from "../../db/queries/picking";
import { basketLines, orderLines, orders, productVariants, products, slots, stockLevels, stores } from "../../db/schema";
import type { SessionUser } from "../../lib/auth/access";
import { openCheckoutSession } from "../../lib/checkout/start-checkout";
import { GOOD_CARD, submitCard } from "../../tools/stripe-test-server/test-helpers";
import { shopperWithBasket } from "../../tests/checkout-fixtures";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `count` confirmed orders of `lines` lines each at the store, claimed by `agent`; their ids. */
export async function paidBigOrders(
  db: Database,
  stripe: Stripe,
  params: { storeSlug: string; count: number; lines: number; agent: SessionUser; publicUrl: string },
): Promise<string[]> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, params.storeSlug));
  // Unit products with a weighed one every tenth line, in stock and sold at the store.
  const variants = await db
    .select({ id: productVariants.id, sellingMode: productVariants.sellingMode, step: productVariants.weightStepGrams })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.active, true))
    .orderBy(asc(productVariants.id));
  const weighed = variants.filter((v) => v.sellingMode === "weight");
  const unit = variants.filter((v) => v.sellingMode === "unit");
  const chosen = Array.from({ length: params.lines }, (_, i) => (i % 10 === 0 ? weighed[i / 10] : unit[i]));
  await db
    .insert(stockLevels)
    .values(variants.map((v) => ({ storeId: store.id, variantId: v.id, quantity: 1_000_000, reserved: 0 })))
    .onConflictDoUpdate({ target: [stockLevels.storeId, stockLevels.variantId], set: { quantity: 1_000_000 } });
  const [slot] = await db
    .select({ id: slots.id })
    .from(slots)
    .where(and(eq(slots.storeId, store.id), eq(slots.kind, "collection"), gt(slots.startsAt, sql`now() + interval '2 hours'`)))
    .orderBy(asc(slots.startsAt))
    .limit(1);
  await db.update(slots).set({ capacity: sql`${slots.booked} + ${params.count}` }).where(eq(slots.id, slot.id));

  const ids: string[] = [];
  for (let n = 0; n < params.count; n++) {
    const { userId, basketId } = await shopperWithBasket(
      db,
      store.id,
      chosen.map((v) => ({ variantId: v.id, quantity: v.sellingMode === "weight" ? (v.step ?? 100) * 5 : 1 + (v.id % 3) })),
    );
    const placed = await placeOrder(db, { userId, basketId, fulfilment: "collection", slotId: slot.id, contactEmail: `big-order-${n}@example.test` });
    if (!placed.ok) throw new Error(`placeOrder refused: ${placed.error.code}`);
    await db.delete(basketLines).where(eq(basketLines.basketId, basketId));
    const paymentUrl = await openCheckoutSession(db, stripe, placed.order, params.publicUrl);
    const paid = await submitCard(paymentUrl, GOOD_CARD);
    if (paid.status !== 303) throw new Error(`payment answered ${paid.status}`);
    ids.push(placed.order.id);
  }
  for (const id of ids) {
    const deadline = Date.now() + 30_000;
    while ((await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status !== "confirmed") {
      if (Date.now() > deadline) throw new Error(`order ${id} was not confirmed within 30 s`);
      await sleep(50);
    }
    const claimed = await db.transaction((tx) => claimOrder(tx, id, params.agent));
    if (!claimed.ok) throw new Error(`claim of ${id} refused: ${claimed.code}`);
  }
  return ids;
}

/**
 * Settles every line as a picker would: the first weighed line 15 % heavier, one line missing,
 * one substituted by a product the order does not hold, the rest picked as ordered.
 */
export async function settleAllLines(db: Database, orderId: string, agent: SessionUser): Promise<void> {
  const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(asc(orderLines.position));
  const [substitute] = await db
    .select({ id: productVariants.id })
    .from(productVariants)
    .where(and(eq(productVariants.sellingMode, "unit"), notInArray(productVariants.id, lines.map((l) => l.variantId!))))
    .limit(1);
  const heavier = lines.find((l) => l.sellingMode === "weight");
  const missing = lines.find((l) => l.sellingMode === "unit");
  const substituted = lines.find((l) => l.sellingMode === "unit" && l !== missing && l.substitution === "allow");
  for (const line of lines) {
    const outcome: LineOutcomeInput =
      line === heavier
        ? { kind: "picked", quantity: Math.round(line.quantity * 1.15) }
        : line === missing
          ? { kind: "missing", found: 0 }
          : line === substituted
            ? { kind: "substituted", variantId: substitute.id, quantity: 1 }
            : { kind: "picked", quantity: line.quantity };
    const result = await db.transaction((tx) => settleOrderLine(tx, { orderId, lineId: line.id, outcome, staff: agent }));
    if (!result.ok) throw new Error(`settling line ${line.id} refused: ${result.code}`);
  }
}
