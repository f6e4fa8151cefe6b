// "Place order and pay": the order is placed (stock reserved, slot held, one transaction), then a
// Stripe Checkout Session with manual capture is opened for it and the basket is emptied. Shared
// by the checkout page's action and the benchmarks.
import { randomUUID } from "node:crypto";
import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { emptyBasket } from "@/db/queries/baskets";
import { placeOrder, recordCheckoutSession, type PlaceOrderError, type PlaceOrderInput, type PlaceOrderResult } from "@/db/queries/checkout";
import { findOrder } from "@/db/queries/orders";
import { isDatabaseUnavailable, retryWhileDatabaseUnavailable } from "@/db/retry";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { LIMITS } from "@/lib/limits/policies";
import { cancelOrder, UNPAID } from "@/db/queries/order-cancellation";
import type { Order } from "@/db/schema";
import { logger } from "@/lib/logger";
import { countOrderPlaced } from "@/lib/metrics/orders";
import { currentRequestId } from "@/lib/request-id.mjs";
import { PAYMENT_UNAVAILABLE_REASON } from "@/lib/orders/state-machine";
import { PAYMENT_CURRENCY } from "@/lib/payments/payment-checks";

export type StartCheckoutError =
  | PlaceOrderError
  | { code: "payment_unavailable" }
  | { code: "throttled"; retryAfterMinutes: number }
  /** The database stayed unreachable (CHECKOUT_DATABASE_PATIENCE_MS): nothing was charged. */
  | { code: "unavailable" };

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

/**
 * How long checkout waits out a database that went away (a restart, a failover) before it gives
 * up: long enough for a restart, short enough for a person waiting on a button.
 */
export const CHECKOUT_DATABASE_PATIENCE_MS = 10_000;

const patiently = <T>(what: string, fn: (attempt: number) => Promise<T>) =>
  retryWhileDatabaseUnavailable(fn, {
    patienceMs: CHECKOUT_DATABASE_PATIENCE_MS,
    onRetry: (error, attempt) => logger.warn({ err: error, attempt, step: what }, "checkout: database unavailable; retrying"),
  });

/** Opens (or, for a retry, finds again: same idempotency key) the order's Checkout Session. */
export async function openCheckoutSession(db: Database, stripe: Stripe, order: Order, publicUrl: string): Promise<string> {
  const session = await stripe.checkout.sessions.create(checkoutSessionParams(order, publicUrl), {
    idempotencyKey: `halles-checkout-${order.id}`,
  });
  await patiently("record session", () => recordCheckoutSession(db, order.id, session.id));
  if (!session.url) throw new Error(`Stripe returned no URL for Checkout Session ${session.id}`);
  return session.url;
}

/**
 * Places the order, or finds it placed: the id is chosen here so that after a lost connection
 * (was the COMMIT cut off before or after it happened?) the order is looked for before trying again.
 */
function placeOrderOnce(db: Database, input: PlaceOrderInput): Promise<PlaceOrderResult | { ok: true; order: Order }> {
  const orderId = randomUUID();
  return patiently("place order", async (attempt) => {
    const placed = attempt > 1 ? await findOrder(db, orderId) : null;
    return placed ? { ok: true as const, order: placed } : placeOrder(db, { ...input, orderId, requestId: currentRequestId() });
  });
}

export async function startCheckout(db: Database, stripe: Stripe, input: StartCheckoutInput): Promise<StartCheckoutResult> {
  let order: Order;
  try {
    if (input.rateLimit) {
      const { clientAddress } = input.rateLimit;
      const limited = await patiently("rate limits", () =>
        hitRateLimits(db, [
          [LIMITS.checkoutPerAccount, input.userId],
          [LIMITS.checkoutPerAddress, clientAddress ?? "unknown"],
        ]),
      );
      if (!limited.allowed) return { ok: false, error: { code: "throttled", retryAfterMinutes: Math.ceil(limited.retryAfterSeconds / 60) } };
    }
    const placed = await placeOrderOnce(db, input);
    if (!placed.ok) return placed;
    order = placed.order;
    countOrderPlaced();
    logger.info({ orderId: order.id, number: order.number, totalCents: order.totalCents }, "order placed");
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    logger.error({ err: error, userId: input.userId }, "checkout: database unavailable; nothing charged");
    return { ok: false, error: { code: "unavailable" } };
  }

  let paymentUrl: string;
  try {
    paymentUrl = await openCheckoutSession(db, stripe, order, input.publicUrl);
  } catch (error) {
    // No payment page, no order: give the stock and slot back at once rather than at expiry. The
    // shopper reads why on the checkout page, so no e-mail. The clean-up job closes a session
    // Stripe may have opened all the same.
    logger.error({ err: error, orderId: order.id }, "could not open a Checkout Session; cancelling the order");
    try {
      await patiently("cancel order", () =>
        db.transaction((tx) => cancelOrder(tx, { orderId: order.id, actor: "system", reason: PAYMENT_UNAVAILABLE_REASON, from: UNPAID, notifyShopper: false })),
      );
    } catch (cancelError) {
      if (!isDatabaseUnavailable(cancelError)) throw cancelError;
      // Left unpaid: the scheduler cancels it at its expiry, and the shopper sees it in their orders.
      logger.error({ err: cancelError, orderId: order.id }, "checkout: could not cancel the order; it expires unpaid");
      return { ok: false, error: { code: "unavailable" } };
    }
    return { ok: false, error: { code: "payment_unavailable" } };
  }
  try {
    await patiently("empty basket", () => emptyBasket(db, input.basketId));
  } catch (error) {
    // The order is placed and its payment page open: paying matters more than the basket.
    if (!isDatabaseUnavailable(error)) throw error;
    logger.warn({ err: error, orderId: order.id }, "checkout: the basket could not be emptied");
  }
  return { ok: true, order, paymentUrl };
}
