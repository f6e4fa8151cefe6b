// process-stripe-event: applies a stored Stripe event to its order, once. The event row is
// locked and marked processed in the same transaction as the order change and its jobs (the
// e-mail, and close-stripe-payment to expire a session or void an authorisation at Stripe), so a
// redelivered or re-run event changes nothing and a crash cannot lose a clean-up at Stripe.
// A payment confirms its order only if it is what the order asked for (lib/payments/payment-checks.ts);
// otherwise the order is cancelled, the payment voided and an alert logged.
import { eq } from "drizzle-orm";
import type { Logger } from "pino";
import type Stripe from "stripe";
import type { Database, Executor } from "@/db/client";
import { cancelOrder, isCancellable, isUnpaid, UNPAID } from "@/db/queries/order-cancellation";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { findOrder, lockOrder, orderRequestId } from "@/db/queries/orders";
import { getStripeEvent, markStripeEventProcessed } from "@/db/queries/stripe-events";
import { stripeEvents, type Order } from "@/db/schema";
import { enqueueCloseStripePayment, enqueueOrderEmail } from "@/lib/jobs/queue";
import type { TaskPayload } from "@/lib/jobs/tasks";
import { logger } from "@/lib/logger";
import { acceptedRequestId, currentRequestId, withRequestId } from "@/lib/request-id.mjs";
import { checkPayment, PAYMENT_MISMATCH_REASON, type PaymentProblem } from "@/lib/payments/payment-checks";
import { checkoutSessionPaymentIntent } from "@/lib/payments/stripe";
import { AWAITING_CAPTURE, PAYMENT_EXPIRED_REASON } from "@/lib/orders/state-machine";
import { decideStripeEvent, type StripeEventAction } from "@/lib/payments/stripe-events";
import type { TaskHandler } from "../runtime";

export type StripeEventContext = {
  stripe: Stripe;
  /** The mode of the key in use (isLiveKey): events of the other mode never confirm an order. */
  livemode: boolean;
  log?: Logger;
};

export type ProcessStripeEventResult =
  | { outcome: "unknown-event" | "already-processed" | "ignored" | "applied" | "unchanged" }
  | { outcome: "rejected"; problems: PaymentProblem[] };

type ConfirmAction = Extract<StripeEventAction, { kind: "confirm" }>;

/** The PaymentIntent an order's Checkout Session holds at Stripe, asked before the transaction. */
type SessionIntent = { sessionId: string; paymentIntentId: string | null };

const needsSessionIntent = (order: Order, action: ConfirmAction) =>
  action.payment.source === "payment_intent" && isUnpaid(order.status) && !order.paymentIntentId && order.checkoutSessionId !== null;

/**
 * A PaymentIntent event for an order that does not know its PaymentIntent yet: asks Stripe which
 * one the order's Checkout Session holds. Done before the transaction, so no row lock is held
 * across a network call; a Stripe error is thrown and the job retried.
 */
async function lookUpSessionIntent(db: Database, stripe: Stripe, eventId: string): Promise<SessionIntent | undefined> {
  const event = await getStripeEvent(db, eventId);
  if (!event || event.processedAt) return undefined;
  const action = decideStripeEvent(event.payload as unknown as Stripe.Event);
  if (action.kind !== "confirm") return undefined;
  const order = await findOrder(db, action.orderId);
  if (!order || !needsSessionIntent(order, action)) return undefined;
  return { sessionId: order.checkoutSessionId!, paymentIntentId: await checkoutSessionPaymentIntent(stripe, order.checkoutSessionId!) };
}

/** The PaymentIntent the order's payment must come from, as far as it is known. */
function expectedIntent(order: Order, action: ConfirmAction, looked: SessionIntent | undefined): string | null {
  if (order.paymentIntentId || !needsSessionIntent(order, action)) return order.paymentIntentId;
  // The order changed between the look-up and the lock (rare): look again on the retry.
  if (looked?.sessionId !== order.checkoutSessionId) throw new Error(`order ${order.id} changed while its PaymentIntent was looked up; retrying`);
  return looked.paymentIntentId;
}

async function applyPayment(
  tx: Executor,
  eventId: string,
  action: ConfirmAction,
  context: { livemode: boolean; looked: SessionIntent | undefined },
): Promise<ProcessStripeEventResult> {
  const { payment } = action;
  const order = await lockOrder(tx, action.orderId);
  if (!order) return { outcome: "unchanged" };
  // Paid after the order was cancelled (expired, declined first, cancelled by the shopper): release the money.
  if (order.status === "cancelled") {
    await enqueueCloseStripePayment(tx, order.id, payment.paymentIntentId);
    return { outcome: "unchanged" };
  }
  // Already confirmed (or further on) by the other event of the same payment.
  if (!isUnpaid(order.status)) return { outcome: "unchanged" };
  const problems = checkPayment(payment, {
    authorizedCents: order.authorizedCents,
    checkoutSessionId: order.checkoutSessionId,
    paymentIntentId: expectedIntent(order, action, context.looked),
    livemode: context.livemode,
  });
  if (problems.length === 0) {
    const result = await confirmPaidOrder(tx, order.id, { paymentIntentId: payment.paymentIntentId });
    if (result.changed) await enqueueOrderEmail(tx, order.id, "confirmed");
    return { outcome: result.changed ? "applied" : "unchanged" };
  }
  await cancelOrder(tx, {
    orderId: order.id,
    actor: "stripe",
    reason: PAYMENT_MISMATCH_REASON,
    from: UNPAID,
    paymentIntentId: payment.paymentIntentId,
    data: { eventId, paymentIntentId: payment.paymentIntentId, problems },
  });
  return { outcome: "rejected", problems };
}

export async function processStripeEvent(
  db: Database,
  context: StripeEventContext,
  payload: TaskPayload<"process-stripe-event">,
): Promise<ProcessStripeEventResult> {
  const looked = await lookUpSessionIntent(db, context.stripe, payload.eventId);
  const { result, orderId } = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, payload.eventId)).for("update");
    if (!row) return { result: { outcome: "unknown-event" } as const };
    if (row.processedAt) return { result: { outcome: "already-processed" } as const };
    const action = decideStripeEvent(row.payload as unknown as Stripe.Event);
    // The jobs this event sets off (the e-mail…) carry the id of the checkout request that placed
    // the order, so that one id follows a payment from the checkout to its e-mail.
    const placedBy = action.kind === "ignore" ? null : acceptedRequestId(await orderRequestId(tx, action.orderId));
    if (placedBy) (context.log ?? logger).info({ placedBy }, "Stripe event for an order placed by another request: its jobs carry that request id");
    const result = await withRequestId(placedBy ?? currentRequestId(), async (): Promise<ProcessStripeEventResult> => {
      if (action.kind === "confirm") return applyPayment(tx, payload.eventId, action, { livemode: context.livemode, looked });
      if (action.kind !== "cancel") return { outcome: "ignored" };
      // An expired authorisation ends a paid order too, until it is captured; other declines only unpaid ones.
      const from = action.reason === PAYMENT_EXPIRED_REASON ? AWAITING_CAPTURE.filter(isCancellable) : UNPAID;
      const cancelled = await cancelOrder(tx, { orderId: action.orderId, actor: "stripe", reason: action.reason, from });
      return { outcome: cancelled.changed ? "applied" : "unchanged" };
    });
    await markStripeEventProcessed(tx, payload.eventId);
    return { result, orderId: action.kind === "ignore" ? undefined : action.orderId };
  });
  // After the commit, so a rolled-back attempt raises no alert and a processed event raises one.
  if (result.outcome === "rejected") {
    (context.log ?? logger).error(
      { alert: PAYMENT_MISMATCH_REASON, orderId, eventId: payload.eventId, problems: result.problems },
      "a payment did not match its order: order cancelled, payment voided",
    );
  }
  return result;
}

export function processStripeEventTask(context: Omit<StripeEventContext, "log">): TaskHandler<"process-stripe-event"> {
  return (payload, ctx) => processStripeEvent(ctx.db, { ...context, log: ctx.log }, payload);
}
