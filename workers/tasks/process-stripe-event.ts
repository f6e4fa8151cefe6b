// process-stripe-event: applies a stored Stripe event to its order, once. The event row is
// locked and marked processed in the same transaction as the order change and the e-mail job,
// so a redelivered or re-run event changes nothing. Calls back to Stripe (expire a session,
// void an authorisation) happen after the commit and are themselves idempotent.
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { cancelUnpaidOrder, confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { markStripeEventProcessed } from "@/db/queries/stripe-events";
import { stripeEvents, type Order } from "@/db/schema";
import { enqueueOrderEmail } from "@/lib/jobs/queue";
import type { TaskPayload } from "@/lib/jobs/tasks";
import { decideStripeEvent } from "@/lib/payments/stripe-events";
import type { TaskHandler } from "../runtime";

export type StripeFollowUp = { expireSession?: string; voidPaymentIntent?: string };

export type ProcessStripeEventResult = { outcome: "unknown-event" | "already-processed" | "ignored" | "applied" | "unchanged"; followUp: StripeFollowUp };

export async function processStripeEvent(db: Database, payload: TaskPayload<"process-stripe-event">): Promise<ProcessStripeEventResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, payload.eventId)).for("update");
    if (!row) return { outcome: "unknown-event", followUp: {} };
    if (row.processedAt) return { outcome: "already-processed", followUp: {} };
    const action = decideStripeEvent(row.payload as unknown as Stripe.Event);
    let outcome: ProcessStripeEventResult["outcome"] = "ignored";
    const followUp: StripeFollowUp = {};
    if (action.kind === "confirm") {
      const result = await confirmPaidOrder(tx, action.orderId, { paymentIntentId: action.paymentIntentId });
      outcome = result.changed ? "applied" : "unchanged";
      if (result.changed) await enqueueOrderEmail(tx, action.orderId, "confirmed");
      // Paid after the order was cancelled (expired, declined first): release the money.
      if (result.order?.status === "cancelled") followUp.voidPaymentIntent = action.paymentIntentId;
    } else if (action.kind === "cancel") {
      const result = await cancelUnpaidOrder(tx, action.orderId, { actor: "stripe", reason: action.reason });
      outcome = result.changed ? "applied" : "unchanged";
      if (result.changed) {
        await enqueueOrderEmail(tx, action.orderId, "cancelled");
        Object.assign(followUp, openPayment(result.order));
      }
    }
    await markStripeEventProcessed(tx, payload.eventId);
    return { outcome, followUp };
  });
}

/** What is left open at Stripe by a cancelled order: its session, or its authorisation. */
function openPayment(order: Order | null): StripeFollowUp {
  if (!order) return {};
  if (order.paymentIntentId) return { voidPaymentIntent: order.paymentIntentId };
  return order.checkoutSessionId ? { expireSession: order.checkoutSessionId } : {};
}

/** Expires a session / cancels an authorisation; "already done" answers from Stripe are fine. */
export async function closeAtStripe(stripe: Stripe, followUp: StripeFollowUp): Promise<void> {
  const quietly = (promise: Promise<unknown>) =>
    promise.catch((error: unknown) => {
      if (!(error instanceof Error && "type" in error && error.type === "StripeInvalidRequestError")) throw error;
    });
  if (followUp.expireSession) await quietly(stripe.checkout.sessions.expire(followUp.expireSession));
  if (followUp.voidPaymentIntent) await quietly(stripe.paymentIntents.cancel(followUp.voidPaymentIntent));
}

export function processStripeEventTask(stripe: Stripe): TaskHandler<"process-stripe-event"> {
  return async (payload, ctx) => {
    const result = await processStripeEvent(ctx.db, payload);
    await closeAtStripe(stripe, result.followUp);
    return result;
  };
}
