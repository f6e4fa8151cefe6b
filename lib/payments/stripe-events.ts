// What a Stripe event means for an order: a pure decision, so the order worker's handling of
// every event type (including ones in the wrong order or twice) is easy to test.
import type Stripe from "stripe";
import { PAYMENT_EXPIRED_REASON } from "@/lib/orders/state-machine";

/** What an authorisation event says was paid, as checked against the order (./payment-checks.ts). */
export type ReportedPayment = {
  /** The object that reported it: a Checkout Session is checked by its id, a PaymentIntent by its own. */
  source: "checkout_session" | "payment_intent";
  checkoutSessionId: string | null;
  paymentIntentId: string;
  /** Amount authorised, in minor units; null when the object does not say. */
  amountCents: number | null;
  currency: string | null;
  livemode: boolean | null;
};

export type StripeEventAction =
  | { kind: "confirm"; orderId: string; payment: ReportedPayment }
  | { kind: "cancel"; orderId: string; reason: string }
  | { kind: "ignore"; why: string };

const orderIdOf = (metadata: Stripe.Metadata | null | undefined) => metadata?.order_id ?? null;
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));
const numberOr = (value: unknown, fallback: unknown): number | null =>
  typeof value === "number" ? value : typeof fallback === "number" ? fallback : null;
const stringOrNull = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * With manual capture, a completed Checkout Session and a PaymentIntent awaiting capture both
 * mean "authorised"; whichever arrives first confirms the order (once its checks pass), the other
 * is a no-op. A declined card cancels the order (the session is then expired so it cannot be
 * paid later).
 */
export function decideStripeEvent(event: Pick<Stripe.Event, "type" | "data"> & { livemode?: boolean }): StripeEventAction {
  const object = event.data.object as { livemode?: unknown };
  const livemode = typeof event.livemode === "boolean" ? event.livemode : typeof object.livemode === "boolean" ? object.livemode : null;
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object as Stripe.Checkout.Session;
      const orderId = orderIdOf(session.metadata);
      const paymentIntentId = idOf(session.payment_intent);
      if (!orderId || !paymentIntentId) return { kind: "ignore", why: "session without order or payment" };
      return {
        kind: "confirm",
        orderId,
        payment: {
          source: "checkout_session",
          checkoutSessionId: stringOrNull(session.id),
          paymentIntentId,
          amountCents: numberOr(session.amount_total, null),
          currency: stringOrNull(session.currency),
          livemode,
        },
      };
    }
    case "payment_intent.amount_capturable_updated": {
      const intent = event.data.object as Stripe.PaymentIntent;
      const orderId = orderIdOf(intent.metadata);
      if (!orderId || !intent.id || intent.status !== "requires_capture") return { kind: "ignore", why: "not an authorised order payment" };
      return {
        kind: "confirm",
        orderId,
        payment: {
          source: "payment_intent",
          checkoutSessionId: null,
          paymentIntentId: intent.id,
          // What can be captured is what was authorised; `amount` only for an object without it.
          amountCents: numberOr(intent.amount_capturable, intent.amount),
          currency: stringOrNull(intent.currency),
          livemode,
        },
      };
    }
    case "checkout.session.expired": {
      const orderId = orderIdOf((event.data.object as Stripe.Checkout.Session).metadata);
      return orderId ? { kind: "cancel", orderId, reason: "checkout expired" } : { kind: "ignore", why: "session without order" };
    }
    case "payment_intent.payment_failed":
    case "payment_intent.canceled": {
      const intent = event.data.object as Stripe.PaymentIntent;
      const orderId = orderIdOf(intent.metadata);
      // Stripe cancels an authorisation it was never asked to capture (7 days) with reason "automatic".
      const expired = event.type === "payment_intent.canceled" && intent.cancellation_reason === "automatic";
      const reason = event.type === "payment_intent.payment_failed" ? "payment failed" : expired ? PAYMENT_EXPIRED_REASON : "payment cancelled";
      return orderId ? { kind: "cancel", orderId, reason } : { kind: "ignore", why: "payment without order" };
    }
    // Refunds are counted by the refund-payment task when Stripe answers it, never from their
    // webhooks (refund.created, refund.updated, charge.refunded), so a refund counts once.
    default:
      return { kind: "ignore", why: `${event.type} is not used` };
  }
}
