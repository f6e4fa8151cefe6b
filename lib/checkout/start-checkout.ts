// "Place order and pay": the order is placed (stock reserved, slot held, one transaction), then a
// Stripe Checkout Session with manual capture is opened for it and the basket is emptied. Shared
// by the checkout page's action and the benchmarks.
import { and, eq, isNull } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { placeOrder, type PlaceOrderError, type PlaceOrderInput } from "@/db/queries/checkout";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { LIMITS } from "@/lib/limits/policies";
import { cancelOrder, UNPAID } from "@/db/queries/order-cancellation";
import { basketLines, orders, type Order } from "@/db/schema";
import { logger } from "@/lib/logger";
import { PAYMENT_CURRENCY } from "@/lib/payments/payment-checks";

export type StartCheckoutError = PlaceOrderError | { code: "payment_unavailable" } | { code: "throttled"; retryAfterMinutes: number };

export type StartCheckoutResult = { ok: true; order: Order; paymentUrl: string } | { ok: false; error: StartCheckoutError };

export type StartCheckoutInput = PlaceOrderInput & {
  publicUrl: string;
  /** The shopper's address: checkouts are then counted per account and per address (lib/limits/policies.ts). */
  rateLimit?: { clientAddress: string | null };
};

/** Where Stripe sends the shopper back to: the order's page, which follows its status live. */
export function orderPageUrl(publicUrl: string, orderId: string): string {
  return `${publicUrl}/account/orders/${orderId}`;
}

/** The Checkout Session of an order: one line for the amount to authorise, captured after picking. */
export function checkoutSessionParams(order: Order, publicUrl: string): Stripe.Checkout.SessionCreateParams {
  const weighedBuffer = order.authorizedCents - order.totalCents;
  return {
    mode: "payment",
    client_reference_id: order.id,
    customer_email: order.contactEmail,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: PAYMENT_CURRENCY,
          unit_amount: order.authorizedCents,
          product_data: {
            name: `Halles order ${order.number}`,
            description:
              weighedBuffer > 0
                ? "Authorised now, charged after picking: the exact weight of weighed items is known then (never more than this)."
                : "Authorised now, charged after picking.",
          },
        },
      },
    ],
    payment_intent_data: { capture_method: "manual", metadata: { order_id: order.id, order_number: order.number } },
    metadata: { order_id: order.id, order_number: order.number },
    success_url: `${orderPageUrl(publicUrl, order.id)}?paid=1`,
    cancel_url: orderPageUrl(publicUrl, order.id),
  };
}

/** Opens (or, for a retry, finds again: same idempotency key) the order's Checkout Session. */
export async function openCheckoutSession(db: Database, stripe: Stripe, order: Order, publicUrl: string): Promise<string> {
  const session = await stripe.checkout.sessions.create(checkoutSessionParams(order, publicUrl), {
    idempotencyKey: `halles-checkout-${order.id}`,
  });
  await db
    .update(orders)
    .set({ checkoutSessionId: session.id })
    .where(and(eq(orders.id, order.id), isNull(orders.checkoutSessionId)));
  if (!session.url) throw new Error(`Stripe returned no URL for Checkout Session ${session.id}`);
  return session.url;
}

export async function startCheckout(db: Database, stripe: Stripe, input: StartCheckoutInput): Promise<StartCheckoutResult> {
  if (input.rateLimit) {
    const limited = await hitRateLimits(db, [
      [LIMITS.checkoutPerAccount, input.userId],
      [LIMITS.checkoutPerAddress, input.rateLimit.clientAddress ?? "unknown"],
    ]);
    if (!limited.allowed) return { ok: false, error: { code: "throttled", retryAfterMinutes: Math.ceil(limited.retryAfterSeconds / 60) } };
  }
  const placed = await placeOrder(db, input);
  if (!placed.ok) return placed;
  let paymentUrl: string;
  try {
    paymentUrl = await openCheckoutSession(db, stripe, placed.order, input.publicUrl);
  } catch (error) {
    // No payment page, no order: give the stock and slot back at once rather than at expiry. The
    // shopper reads why on the checkout page, so no e-mail.
    await db.transaction((tx) =>
      cancelOrder(tx, { orderId: placed.order.id, actor: "system", reason: "payment_unavailable", from: UNPAID, notifyShopper: false }),
    );
    logger.error({ err: error, orderId: placed.order.id }, "could not open a Checkout Session; order cancelled");
    return { ok: false, error: { code: "payment_unavailable" } };
  }
  await db.delete(basketLines).where(eq(basketLines.basketId, input.basketId));
  return { ok: true, order: placed.order, paymentUrl };
}
