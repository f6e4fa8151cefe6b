// PaymentIntent capture and cancel, and refunds, with Stripe's amount and state rules.
import type Stripe from "stripe";
import type { z } from "zod";
import { invalidParam, invalidRequest, StripeApiError, unexpectedState } from "./errors";
import { buildRefund } from "./charge-objects";
import { newId } from "./objects";
import type { cancelParams, captureParams, CreateRefundParams } from "./params";
import type { RequestContext, Store } from "./store";

const CANCELABLE: ReadonlyArray<Stripe.PaymentIntent.Status> = [
  "requires_payment_method",
  "requires_capture",
  "requires_confirmation",
  "requires_action",
  "processing",
];

function formatAmount(amount: number, currency: string): string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

/**
 * Captures all or part of an authorisation. Like Stripe, the uncaptured rest is released at once:
 * it shows up in the charge's `amount_refunded`, and only the captured amount can be refunded later.
 */
export function capturePaymentIntent(
  store: Store,
  id: string,
  params: z.output<typeof captureParams>,
  request: RequestContext,
): Stripe.PaymentIntent {
  const intent = store.paymentIntent(id);
  if (intent.status !== "requires_capture") {
    throw unexpectedState(
      `This PaymentIntent could not be captured because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be captured: requires_capture.`,
    );
  }
  const amount = params.amount_to_capture ?? intent.amount_capturable;
  if (amount > intent.amount_capturable) {
    throw new StripeApiError(
      400,
      "invalid_request_error",
      `The amount to capture (${amount}) must be less than or equal to the PaymentIntent's amount_capturable (${intent.amount_capturable}).`,
      { code: "amount_too_large", param: "amount_to_capture" },
    );
  }
  const charge = store.charge(String(intent.latest_charge));
  charge.captured = true;
  charge.amount_captured = amount;
  charge.amount_refunded = charge.amount - amount;
  charge.balance_transaction = newId("txn_");
  if (params.metadata) intent.metadata = { ...intent.metadata, ...params.metadata };
  intent.status = "succeeded";
  intent.amount_received = amount;
  intent.amount_capturable = 0;

  const sessionId = store.sessionIdByPaymentIntent.get(intent.id);
  const session = sessionId ? store.sessions.get(sessionId)?.session : undefined;
  if (session) session.payment_status = "paid";

  store.deps.emit("charge.captured", charge, request);
  store.deps.emit("payment_intent.succeeded", intent, request);
  return intent;
}

/** Cancels an intent; an authorisation (`requires_capture`) is released in full. */
export function cancelPaymentIntent(
  store: Store,
  id: string,
  params: z.output<typeof cancelParams>,
  request: RequestContext,
): Stripe.PaymentIntent {
  const intent = store.paymentIntent(id);
  const sessionId = store.sessionIdByPaymentIntent.get(intent.id);
  if (sessionId && store.sessions.get(sessionId)?.session.status === "open") {
    throw unexpectedState(
      "You cannot cancel this PaymentIntent because it was created by Checkout and its Checkout Session is still open. Expire the Checkout Session instead.",
    );
  }
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedState(
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: ${CANCELABLE.join(", ")}.`,
    );
  }
  if (intent.status === "requires_capture" && typeof intent.latest_charge === "string") {
    const charge = store.charge(intent.latest_charge);
    charge.amount_refunded = charge.amount;
    charge.refunded = true;
  }
  intent.status = "canceled";
  intent.canceled_at = store.nowSeconds();
  intent.cancellation_reason = params.cancellation_reason ?? null;
  intent.amount_capturable = 0;
  store.deps.emit("payment_intent.canceled", intent, request);
  return intent;
}

/**
 * Test trigger: the authorisation of an uncaptured intent lapses, as Stripe does after 7 days. The
 * charge is refunded in full (`charge.expired`), the intent canceled with cancellation_reason
 * "automatic" (`payment_intent.canceled`). Only an intent in `requires_capture` can expire.
 */
export function expireAuthorization(store: Store, id: string): Stripe.PaymentIntent {
  const intent = store.paymentIntent(id);
  if (intent.status !== "requires_capture" || typeof intent.latest_charge !== "string") {
    throw unexpectedState(`Only an uncaptured PaymentIntent (requires_capture) has an authorisation that can expire; this one has a status of ${intent.status}.`);
  }
  const charge = store.charge(intent.latest_charge);
  charge.amount_refunded = charge.amount;
  charge.refunded = true;
  intent.status = "canceled";
  intent.canceled_at = store.nowSeconds();
  intent.cancellation_reason = "automatic";
  intent.amount_capturable = 0;
  store.deps.emit("charge.expired", charge, null);
  store.deps.emit("payment_intent.canceled", intent, null);
  return intent;
}

/** Refunds all or part of what was captured; more than what is left is refused with amount_too_large. */
export function createRefund(store: Store, params: CreateRefundParams, request: RequestContext): Stripe.Refund {
  if (!params.payment_intent && !params.charge) {
    throw invalidParam("Missing required param: payment_intent (or charge).", "payment_intent", "parameter_missing");
  }
  let charge: Stripe.Charge;
  if (params.payment_intent) {
    const intent = store.paymentIntent(params.payment_intent, "payment_intent");
    if (intent.status !== "succeeded" || typeof intent.latest_charge !== "string") {
      throw invalidRequest(
        `This PaymentIntent (${intent.id}) does not have a successful charge to refund (status: ${intent.status}). To release an uncaptured authorisation, cancel the PaymentIntent.`,
        "payment_intent",
        "charge_not_refundable",
      );
    }
    charge = store.charge(intent.latest_charge);
  } else {
    charge = store.charge(String(params.charge), "charge");
    if (!charge.captured) {
      throw invalidRequest(`Charge ${charge.id} has not been captured and cannot be refunded.`, "charge", "charge_not_refundable");
    }
  }

  const remaining = charge.amount - charge.amount_refunded;
  if (remaining <= 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, "charge", "charge_already_refunded");
  }
  const amount = params.amount ?? remaining;
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${formatAmount(amount, charge.currency)}) is greater than unrefunded amount on charge (${formatAmount(remaining, charge.currency)})`,
      "amount",
      "amount_too_large",
    );
  }

  const refund = buildRefund({
    id: newId("re_3", 23),
    created: store.nowSeconds(),
    amount,
    charge,
    reason: params.reason ?? null,
    metadata: params.metadata ?? {},
  });
  store.refunds.set(refund.id, refund);
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  charge.refunds?.data.unshift(refund);
  store.deps.emit("refund.created", refund, request);
  store.deps.emit("charge.refunded", charge, request);
  return refund;
}
