// Slot and stock hoarding (issue 6 item 5): an account holds at most two unpaid orders however
// fast it checks out, checkouts are counted per account and per address, and a script working
// from one address can hold only a sliver of a week's slots.
import { stripeAt } from "@/tests/stripe-fixtures";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import Stripe from "stripe";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { ensureSlotCalendar } from "@/db/queries/slots";
import { orders, slots } from "@/db/schema";
import { LIMITS, MAX_UNPAID_ORDERS_PER_ACCOUNT } from "@/lib/limits/policies";
import { bookedOf, connect, createBasket, createShopper, createSlot, restoreStock, setStock, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { createStripeTestServer, type StripeTestServer } from "@/tools/stripe-test-server/server";
import { startCheckout } from "./start-checkout";

let db: Database;
let close: () => Promise<void>;
let server: StripeTestServer;
let stripe: Stripe;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(12));
  server = await createStripeTestServer({ port: 0, webhookSecret: "whsec_test" });
  stripe = stripeAt(server.port);
  storeId = (await storeBySlug(db, "paris-bastille")).id;
  variantId = (await variantOf(db, "greek-style-natural-yoghurt")).id;
  await setStock(db, storeId, variantId, 10_000);
});

afterAll(async () => {
  await restoreStock(db);
  await server.close();
  await close();
});

/** Refills the shopper's one basket, as a shopper (or a script) does before each checkout. */
async function refill(userId: string, basketId?: string): Promise<string> {
  if (basketId) {
    await db.execute(sql`insert into basket_lines (basket_id, variant_id, quantity) values (${basketId}, ${variantId}, 1) on conflict do nothing`);
    return basketId;
  }
  return createBasket(db, { userId, storeId, lines: [{ variantId, quantity: 1 }] });
}

const unpaidOf = async (userId: string) =>
  (await db.select({ id: orders.id }).from(orders).where(and(eq(orders.userId, userId), eq(orders.status, "pending_payment")))).length;

describe("slot and stock hoarding (issue 6 item 5)", () => {
  it(`holds at most ${MAX_UNPAID_ORDERS_PER_ACCOUNT} unpaid orders per account, even from 20 concurrent checkouts`, async () => {
    const userId = await createShopper(db);
    const basketId = await refill(userId);
    const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 50 });
    const input = { userId, basketId, fulfilment: "collection" as const, slotId, contactEmail: "hoarder@example.test" };
    const results = await Promise.all(Array.from({ length: 20 }, () => placeOrder(db, input)));
    expect(results.filter((r) => r.ok)).toHaveLength(MAX_UNPAID_ORDERS_PER_ACCOUNT);
    expect(results.filter((r) => !r.ok && r.error.code === "too_many_unpaid")).toHaveLength(20 - MAX_UNPAID_ORDERS_PER_ACCOUNT);
    expect(await unpaidOf(userId)).toBe(MAX_UNPAID_ORDERS_PER_ACCOUNT);
    expect(await bookedOf(db, slotId)).toBe(MAX_UNPAID_ORDERS_PER_ACCOUNT);

    // Once one is paid (or cancelled), the shopper can order again.
    const [first] = results.filter((r) => r.ok).map((r) => (r.ok ? r.order : null));
    await db.update(orders).set({ status: "confirmed" }).where(eq(orders.id, first!.id));
    expect(await placeOrder(db, input)).toMatchObject({ ok: true });
  });

  it("counts checkouts per account and per address each hour", async () => {
    const address = "198.51.100.66";
    const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 1000 });
    const outcomes: string[] = [];
    // Fresh accounts, one order each, all from one address: the address's limit ends it.
    for (let i = 0; i < LIMITS.checkoutPerAddress.limit + 2; i++) {
      const userId = await createShopper(db);
      const result = await startCheckout(db, stripe, {
        userId,
        basketId: await refill(userId),
        fulfilment: "collection",
        slotId,
        contactEmail: "script@example.test",
        publicUrl: "http://127.0.0.1:3000",
        rateLimit: { clientAddress: address },
      });
      outcomes.push(result.ok ? "ok" : result.error.code);
    }
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(LIMITS.checkoutPerAddress.limit);
    expect(outcomes.slice(-2)).toEqual(["throttled", "throttled"]);

    // One account from many addresses: its own limit ends it, long before the address's.
    const userId = await createShopper(db);
    const basketId = await refill(userId);
    const perAccount: string[] = [];
    for (let i = 0; i < LIMITS.checkoutPerAccount.limit + 1; i++) {
      const result = await startCheckout(db, stripe, {
        userId,
        basketId: await refill(userId, basketId),
        fulfilment: "collection",
        slotId,
        contactEmail: "script@example.test",
        publicUrl: "http://127.0.0.1:3000",
        rateLimit: { clientAddress: `203.0.113.${i + 1}` },
      });
      perAccount.push(result.ok ? "ok" : result.error.code);
      // Paying for each order keeps the unpaid cap out of the way.
      if (result.ok) await db.update(orders).set({ status: "confirmed" }).where(eq(orders.id, result.order.id));
    }
    expect(perAccount.slice(0, LIMITS.checkoutPerAccount.limit).every((o) => o === "ok")).toBe(true);
    expect(perAccount.at(-1)).toBe("throttled");
  });

  it("a script on one address cannot fill the week's slots", async () => {
    const address = "198.51.100.67";
    await ensureSlotCalendar(db, { days: 7 });
    const week = await db
      .select({ id: slots.id, capacity: slots.capacity, booked: slots.booked })
      .from(slots)
      .where(and(eq(slots.storeId, storeId), eq(slots.kind, "collection"), gt(slots.startsAt, sql`now() + interval '1 hour'`), lt(slots.startsAt, sql`now() + interval '7 days'`)));
    expect(week.length).toBeGreaterThan(10);
    const freeBefore = week.reduce((sum, s) => sum + s.capacity - s.booked, 0);
    // The script makes more accounts than sign-up would let one address make, and tries to book
    // every slot of the week, twice over.
    let held = 0;
    for (let n = 0; n < LIMITS.signUpPerAddress.limit + 5; n++) {
      const userId = await createShopper(db);
      const basketId = await refill(userId);
      for (const slot of week.slice(0, 6)) {
        const result = await startCheckout(db, stripe, {
          userId,
          basketId: await refill(userId, basketId),
          fulfilment: "collection",
          slotId: slot.id,
          contactEmail: "script@example.test",
          publicUrl: "http://127.0.0.1:3000",
          rateLimit: { clientAddress: address },
        });
        if (result.ok) held++;
      }
    }
    expect(held).toBeLessThanOrEqual(LIMITS.checkoutPerAddress.limit);
    expect(held).toBeLessThan(freeBefore / 5);
  });
});
