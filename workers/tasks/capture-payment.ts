// capture-payment: takes a picked order's final total from the card authorisation, capped at what
// was authorised (the rest is released by Stripe, never charged), then records it and moves the
// order on to collection or delivery. Idempotent three ways: the order is read first (captured or
// no longer picked: nothing to do), Stripe gets the idempotency key `capture:<orderId>` (a re-run
// replays the first capture), and a capture Stripe refuses because it already happened is read
// back from the PaymentIntent. An authorisation that lapsed before capture cancels the order
// ("payment expired"). Network and server errors are thrown, so graphile-worker retries.
import Stripe from "stripe";
import type { Logger } from "pino";
import type { Database } from "@/db/client";
import { recordCapture, type RecordCaptureResult } from "@/db/queries/capture";
import { cancelOrder } from "@/db/queries/order-cancellation";
import { findOrder } from "@/db/queries/orders";
import type { TaskPayload } from "@/lib/jobs/tasks";
import { logger } from "@/lib/logger";
import { PAYMENT_EXPIRED_REASON } from "@/lib/orders/state-machine";
import { captureSplit } from "@/lib/payments/amounts";
import type { TaskHandler } from "../runtime";

export type CapturePaymentResult =
  | RecordCaptureResult
  | { outcome: "not-picked"; status: string }
  | { outcome: "authorization-lapsed"; cancelled: boolean; cancellationReason: string | null };

/** "payment expired" when Stripe dropped the authorisation itself, else what Stripe says. */
const lapseReason = (intent: Stripe.PaymentIntent) => (intent.cancellation_reason === "automatic" ? PAYMENT_EXPIRED_REASON : "payment cancelled");

/** The PaymentIntent after asking for the capture: captured now, captured before, or canceled. */
async function captureAtStripe(stripe: Stripe, orderId: string, paymentIntentId: string, amountCents: number): Promise<Stripe.PaymentIntent> {
  try {
    return await stripe.paymentIntents.capture(paymentIntentId, { amount_to_capture: amountCents }, { idempotencyKey: `capture:${orderId}` });
  } catch (error) {
    // Not capturable any more (captured already under a forgotten key, canceled, expired): read what it is.
    if (error instanceof Stripe.errors.StripeInvalidRequestError && error.code === "payment_intent_unexpected_state") {
      return stripe.paymentIntents.retrieve(paymentIntentId);
    }
    throw error;
  }
}

export async function capturePayment(db: Database, stripe: Stripe, payload: TaskPayload<"capture-payment">, log: Logger = logger): Promise<CapturePaymentResult> {
  const order = await findOrder(db, payload.orderId);
  if (!order) return { outcome: "unknown-order" };
  if (order.capturedCents !== null) return { outcome: "already-recorded" };
  if (order.status !== "picked") return { outcome: "not-picked", status: order.status };
  if (!order.paymentIntentId || order.finalTotalCents === null) {
    throw new Error(`picked order ${order.id} has no PaymentIntent or final total; it cannot be captured`);
  }
  const { captureCents } = captureSplit(order.finalTotalCents, order.authorizedCents);
  const intent = await captureAtStripe(stripe, order.id, order.paymentIntentId, captureCents);

  if (intent.status === "succeeded") {
    return db.transaction((tx) => recordCapture(tx, order.id, { capturedCents: intent.amount_received, paymentIntentId: intent.id }));
  }
  if (intent.status === "canceled") {
    const reason = lapseReason(intent);
    const result = await db.transaction((tx) =>
      cancelOrder(tx, { orderId: order.id, actor: "stripe", reason, from: ["picked"], data: { paymentIntentId: intent.id, cancellationReason: intent.cancellation_reason } }),
    );
    log.warn({ orderId: order.id, paymentIntentId: intent.id, cancellationReason: intent.cancellation_reason, cancelled: result.changed }, "authorisation gone before capture: order cancelled");
    return { outcome: "authorization-lapsed", cancelled: result.changed, cancellationReason: intent.cancellation_reason };
  }
  throw new Error(`PaymentIntent ${intent.id} of order ${order.id} is ${intent.status} after capture; retrying`);
}

export function capturePaymentTask(stripe: Stripe): TaskHandler<"capture-payment"> {
  return (payload, ctx) => capturePayment(ctx.db, stripe, payload, ctx.log);
}
