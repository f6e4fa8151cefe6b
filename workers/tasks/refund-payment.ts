// refund-payment: makes one refund request (a `refunds` row) at Stripe and records the outcome.
// The row's id is Stripe's idempotency key (`refund:<refundId>`), so a re-run — after a crash
// between Stripe and the database, or a job run twice — replays the first refund instead of making
// a second. Stripe's refusal (nothing left to refund, an invalid request) marks the row failed with
// its reason; network and server errors are thrown, so graphile-worker retries. Stripe's own
// refund webhooks (refund.created, charge.refunded) are not counted: this task is the one place
// that adds to refunded_cents.
import Stripe from "stripe";
import type { Database } from "@/db/client";
import { findRefundForStripe, recordRefundFailed, recordRefundSucceeded } from "@/db/queries/refunds";
import type { TaskPayload } from "@/lib/jobs/tasks";
import type { TaskHandler } from "../runtime";

export type RefundPaymentResult =
  | { outcome: "unknown-refund" | "already-done" }
  | { outcome: "succeeded"; stripeRefundId: string; recorded: boolean }
  | { outcome: "failed"; reason: string };

export async function refundPayment(db: Database, stripe: Stripe, payload: TaskPayload<"refund-payment">): Promise<RefundPaymentResult> {
  const found = await findRefundForStripe(db, payload.refundId);
  if (!found) return { outcome: "unknown-refund" };
  const { refund, paymentIntentId } = found;
  if (refund.status !== "requested") return { outcome: "already-done" };
  if (!paymentIntentId) {
    await db.transaction((tx) => recordRefundFailed(tx, refund.id, "The order has no payment to refund."));
    return { outcome: "failed", reason: "no payment" };
  }
  let stripeRefund: Stripe.Refund;
  try {
    stripeRefund = await stripe.refunds.create(
      { payment_intent: paymentIntentId, amount: refund.amountCents, metadata: { order_id: refund.orderId, refund_id: refund.id } },
      { idempotencyKey: `refund:${refund.id}` },
    );
  } catch (error) {
    if (error instanceof Stripe.errors.StripeInvalidRequestError || error instanceof Stripe.errors.StripeCardError) {
      const reason = error.message || error.code || "refused by Stripe";
      await db.transaction((tx) => recordRefundFailed(tx, refund.id, reason));
      return { outcome: "failed", reason };
    }
    throw error;
  }
  if (stripeRefund.status === "failed" || stripeRefund.status === "canceled") {
    const reason = stripeRefund.failure_reason ?? `refund ${stripeRefund.status} at Stripe`;
    await db.transaction((tx) => recordRefundFailed(tx, refund.id, reason));
    return { outcome: "failed", reason };
  }
  const recorded = await db.transaction((tx) => recordRefundSucceeded(tx, refund.id, stripeRefund.id));
  return { outcome: "succeeded", stripeRefundId: stripeRefund.id, recorded };
}

export function refundPaymentTask(stripe: Stripe): TaskHandler<"refund-payment"> {
  return (payload, ctx) => refundPayment(ctx.db, stripe, payload);
}
