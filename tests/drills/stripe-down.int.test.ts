// Fault drill: the Stripe API unreachable when a shopper places an order. The checkout action's
// own path (startCheckout with the web app's Stripe client settings, retries included) against a
// Stripe test server that has been stopped: a clear message, the stock and slot place given back,
// the basket kept, and an order that holds nothing and that the shopper never sees.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { getShopperOrder, listShopperOrders } from "@/db/queries/shopper-orders";
import { basketLines, orderEvents, orders } from "@/db/schema";
import { startCheckoutErrorMessage } from "@/lib/checkout/messages";
import { startCheckout } from "@/lib/checkout/start-checkout";
import { createStripe } from "@/lib/payments/stripe";
import { jobsOfOrder } from "@/tests/job-fixtures";
import { bookedOf, connect, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { createStripeTestServer } from "@/tools/stripe-test-server/server";

let db: Database;
let close: () => Promise<void>;

beforeAll(() => ({ db, close } = connect(4)));
afterAll(async () => {
  await restoreStock(db);
  await close();
});

describe("fault drills (issue 6 item 14): the Stripe API down during checkout", () => {
  it("tells the shopper, gives the stock and slot back, keeps the basket and leaves no order half-made", { timeout: 60_000 }, async () => {
    const storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
    const yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
    const eggs = await variantOf(db, "free-range-eggs");
    await setStock(db, storeId, yoghurt.id, 20);
    await setStock(db, storeId, eggs.id, 5);
    const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 3 });
    const lines = [
      { variantId: yoghurt.id, quantity: 3 },
      { variantId: eggs.id, quantity: 2 },
    ];
    const shopper = await shopperWithBasket(db, storeId, lines);

    // Stripe was there, and is gone: its port refuses connections now.
    const server = await createStripeTestServer({ port: 0, webhookSecret: "whsec_drill_stripe_down" });
    const port = server.port;
    await server.close();
    // The web app's own client settings (lib/payments/stripe.ts), network retries included.
    const stripe = createStripe({ STRIPE_SECRET_KEY: "sk_test_drill_stripe_down", STRIPE_WEBHOOK_SECRET: "whsec_drill_stripe_down", STRIPE_API_HOST: "127.0.0.1", STRIPE_API_PORT: port });

    const result = await startCheckout(db, stripe, {
      ...shopper,
      fulfilment: "collection",
      slotId,
      contactEmail: "stripe-down@example.test",
      publicUrl: "http://localhost:3000",
      rateLimit: { clientAddress: "198.51.100.14" },
    });

    expect(result).toEqual({ ok: false, error: { code: "payment_unavailable" } });
    if (result.ok) return;
    // What the checkout page shows (the action words the code with this function).
    const message = startCheckoutErrorMessage(result.error);
    expect(message).toMatch(/payment/i);
    expect(message).toMatch(/basket is unchanged/i);

    // Nothing held: stock, slot place and basket as they were.
    expect(await stockOf(db, storeId, yoghurt.id)).toEqual({ quantity: 20, reserved: 0 });
    expect(await stockOf(db, storeId, eggs.id)).toEqual({ quantity: 5, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    const basket = await db.select({ variantId: basketLines.variantId, quantity: basketLines.quantity }).from(basketLines).where(eq(basketLines.basketId, shopper.basketId));
    expect(basket.sort((a, b) => a.variantId - b.variantId)).toEqual(lines.map(({ variantId, quantity }) => ({ variantId, quantity })).sort((a, b) => a.variantId - b.variantId));

    // The order that was placed for a moment is cancelled, whole, and says why.
    const placed = await db.select().from(orders).where(eq(orders.userId, shopper.userId));
    expect(placed).toHaveLength(1);
    const [order] = placed;
    expect(order).toMatchObject({ status: "cancelled", cancelReason: "payment_unavailable", checkoutSessionId: null, paymentIntentId: null });
    const events = await db.select({ from: orderEvents.fromStatus, to: orderEvents.toStatus, reason: orderEvents.reason }).from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(events).toEqual([
      { from: null, to: "pending_payment", reason: null },
      { from: "pending_payment", to: "cancelled", reason: "payment_unavailable" },
    ]);
    // No e-mail (the page told the shopper); only the harmless clean-up at Stripe, retried until it answers.
    expect((await jobsOfOrder(db, order.id)).map((j) => j.task)).toEqual(["close-stripe-payment"]);

    // The shopper never got to pay for it, so their orders do not show it.
    expect(await listShopperOrders(db, shopper.userId, { page: 1 })).toMatchObject({ items: [], total: 0 });
    expect(await getShopperOrder(db, shopper.userId, order.id)).toBeNull();

    // Stripe is back: the same basket goes through and shows in the list alone.
    const back = await createStripeTestServer({ port, webhookSecret: "whsec_drill_stripe_down" });
    let againId: string | undefined;
    try {
      const again = await startCheckout(db, stripe, { ...shopper, fulfilment: "collection", slotId, contactEmail: "stripe-down@example.test", publicUrl: "http://localhost:3000" });
      expect(again.ok).toBe(true);
      if (!again.ok) return;
      againId = again.order.id;
      const list = await listShopperOrders(db, shopper.userId, { page: 1 });
      expect(list.items.map((o) => o.id)).toEqual([again.order.id]);
      expect(list.total).toBe(1);
      expect(await bookedOf(db, slotId)).toBe(1);
    } finally {
      await back.close();
      // No order worker runs here: leave the shared queue as it was.
      await db.execute(sql`delete from graphile_worker._private_jobs where payload->>'orderId' in (${order.id}, ${againId ?? order.id})`);
    }
  });
});
