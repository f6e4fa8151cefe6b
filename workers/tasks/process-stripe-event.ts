// process-stripe-event: applies a stored Stripe event to its order, once. The event row is
// locked and marked processed in the same transaction as the order change and its jobs (the
// e-mail, and close-stripe-payment to expire a session or void an authorisation at Stripe), so a
// redelivered or re-run event changes nothing and a crash cannot lose a clean-up at Stripe.
import { eq } from "drizzle-orm";
import type Stripe from "stripe";
import type { Database } from "@/db/client";
import { cancelOrder, UNPAID } from "@/db/queries/order-cancellation";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { markStripeEventProcessed } from "@/db/queries/stripe-events";
import { stripeEvents } from "@/db/schema";
import { enqueueCloseStripePayment, enqueueOrderEmail } from "@/lib/jobs/queue";
import type { TaskPayload } from "@/lib/jobs/tasks";
import { decideStripeEvent } from "@/lib/payments/stripe-events";
import type { TaskHandler } from "../runtime";

export type ProcessStripeEventResult = { outcome: "unknown-event" | "already-processed" | "ignored" | "applied" | "unchanged" };

export async function processStripeEvent(db: Database, payload: TaskPayload<"process-stripe-event">): Promise<ProcessStripeEventResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(stripeEvents).where(eq(stripeEvents.id, payload.eventId)).for("update");
    if (!row) return { outcome: "unknown-event" };
    if (row.processedAt) return { outcome: "already-processed" };
    const action = decideStripeEvent(row.payload as unknown as Stripe.Event);
    let outcome: ProcessStripeEventResult["outcome"] = "ignored";
    if (action.kind === "confirm") {
      const result = await confirmPaidOrder(tx, action.orderId, { paymentIntentId: action.paymentIntentId });
      outcome = result.changed ? "applied" : "unchanged";
      if (result.changed) await enqueueOrderEmail(tx, action.orderId, "confirmed");
      // Paid after the order was cancelled (expired, declined first, cancelled by the shopper): release the money.
      if (result.order?.status === "cancelled") await enqueueCloseStripePayment(tx, action.orderId, action.paymentIntentId);
    } else if (action.kind === "cancel") {
      const result = await cancelOrder(tx, { orderId: action.orderId, actor: "stripe", reason: action.reason, from: UNPAID });
      outcome = result.changed ? "applied" : "unchanged";
    }
    await markStripeEventProcessed(tx, payload.eventId);
    return { outcome };
  });
}

export const processStripeEventTask: TaskHandler<"process-stripe-event"> = (payload, ctx) => processStripeEvent(ctx.db, payload);
