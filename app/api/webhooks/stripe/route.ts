// POST /api/webhooks/stripe: verify the signature on the raw body, store the event once, and
// enqueue its processing in the same transaction. Answers fast; the order worker does the rest.
import type Stripe from "stripe";
import { getDb } from "@/db/client";
import { recordStripeEvent } from "@/db/queries/stripe-events";
import { readTextWithin } from "@/lib/api/body";
import { ApiError } from "@/lib/api/errors";
import { apiHandler } from "@/lib/api/handler";
import { enqueueJob } from "@/lib/jobs/queue";
import { recordableEvent } from "@/lib/payments/webhook-event";
import { getStripe, stripeConfig } from "@/lib/payments/stripe";

/** Stripe's events are a few KiB; anything near this is not one of them. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

export const POST = apiHandler(async (request: Request) => {
  const signature = request.headers.get("stripe-signature");
  const body = await readTextWithin(request, MAX_WEBHOOK_BYTES);
  let event: Stripe.Event;
  try {
    if (!signature) throw new Error("missing signature");
    event = getStripe().webhooks.constructEvent(body, signature, stripeConfig().STRIPE_WEBHOOK_SECRET);
  } catch {
    throw new ApiError("bad_request", "The Stripe signature is missing, invalid or too old.");
  }
  if (!recordableEvent(event)) throw new ApiError("bad_request", "The body is not a Stripe event.");
  const stored = await getDb().transaction(async (tx) => {
    const inserted = await recordStripeEvent(tx, event);
    if (inserted) await enqueueJob(tx, "process-stripe-event", { eventId: event.id }, { jobKey: `stripe-event:${event.id}` });
    return inserted;
  });
  return Response.json({ received: true, duplicate: !stored });
});
