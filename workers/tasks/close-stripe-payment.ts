// close-stripe-payment: what a cancelled order left open at Stripe is closed — an open Checkout
// Session is expired (which also cancels an attempt's PaymentIntent), an authorisation is voided.
// Idempotent: Stripe's "already expired / already cancelled" answers count as done; network and
// server errors are thrown, so graphile-worker retries the job with backoff.
import { eq } from "drizzle-orm";
import Stripe from "stripe";
import type { Database } from "@/db/client";
import { orders } from "@/db/schema";
import type { TaskPayload } from "@/lib/jobs/tasks";
import { SHOPPER_CANCEL_REASON } from "@/lib/orders/state-machine";
import type { TaskHandler } from "../runtime";

export type ClosePaymentResult =
  | { outcome: "unknown-order" | "order-not-cancelled" }
  | { outcome: "closed"; expiredSessions: string[]; voidedPaymentIntents: string[]; alreadyClosed: string[] };

/** Stripe's answers meaning "nothing left to close" (already expired, completed, cancelled, or unknown). */
const ALREADY_CLOSED_CODES = new Set(["checkout_session_unexpected_state", "payment_intent_unexpected_state", "resource_missing"]);

function isAlreadyClosed(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && ALREADY_CLOSED_CODES.has(error.code ?? "");
}

/** Runs a Stripe call; true when it did something, false when Stripe says it was already done. */
async function closing(call: () => Promise<unknown>): Promise<boolean> {
  try {
    await call();
    return true;
  } catch (error) {
    if (isAlreadyClosed(error)) return false;
    throw error;
  }
}

const idOf = (value: string | { id: string } | null) => (typeof value === "string" ? value : (value?.id ?? null));

export async function closeStripePayment(db: Database, stripe: Stripe, payload: TaskPayload<"close-stripe-payment">): Promise<ClosePaymentResult> {
  const [order] = await db
    .select({ status: orders.status, checkoutSessionId: orders.checkoutSessionId, paymentIntentId: orders.paymentIntentId, cancelReason: orders.cancelReason })
    .from(orders)
    .where(eq(orders.id, payload.orderId));
  if (!order) return { outcome: "unknown-order" };
  // Money is only ever released for an order that is over; a live order keeps its payment.
  if (order.status !== "cancelled") return { outcome: "order-not-cancelled" };

  const result = { outcome: "closed" as const, expiredSessions: [] as string[], voidedPaymentIntents: [] as string[], alreadyClosed: [] as string[] };
  const intents = new Set([payload.paymentIntentId, order.paymentIntentId].filter((id): id is string => Boolean(id)));
  if (order.checkoutSessionId) {
    const sessionId = order.checkoutSessionId;
    let session: Stripe.Checkout.Session | null = null;
    try {
      session = await stripe.checkout.sessions.retrieve(sessionId);
    } catch (error) {
      if (!isAlreadyClosed(error)) throw error;
    }
    if (session?.status === "open") {
      (await closing(() => stripe.checkout.sessions.expire(sessionId)) ? result.expiredSessions : result.alreadyClosed).push(sessionId);
    }
    // Paid just before the cancellation, before the webhook arrived: the order has no intent yet.
    const paid = session ? idOf(session.payment_intent) : null;
    if (paid) intents.add(paid);
  }
  const reason = order.cancelReason === SHOPPER_CANCEL_REASON ? "requested_by_customer" : "abandoned";
  for (const id of intents) {
    const voided = await closing(() => stripe.paymentIntents.cancel(id, { cancellation_reason: reason }));
    (voided ? result.voidedPaymentIntents : result.alreadyClosed).push(id);
  }
  return result;
}

export function closeStripePaymentTask(stripe: Stripe): TaskHandler<"close-stripe-payment"> {
  return (payload, ctx) => closeStripePayment(ctx.db, stripe, payload);
}
