// What a Stripe event means for an order: a pure decision, so the order worker's handling of
// every event type (including ones in the wrong order or twice) is easy to test.
import type Stripe from "stripe";

export type StripeEventAction =
  | { kind: "confirm"; orderId: string; paymentIntentId: string }
  | { kind: "cancel"; orderId: string; reason: string }
  | { kind: "ignore"; why: string };

const orderIdOf = (metadata: Stripe.Metadata | null | undefined) => metadata?.order_id ?? null;
const idOf = (value: string | { id: string } | null | undefined) => (typeof value === "string" ? value : (value?.id ?? null));

/**
 * With manual capture, a completed Checkout Session and a PaymentIntent awaiting capture both
 * mean "authorised"; whichever arrives first confirms the order, the other is a no-op. A declined
 * card cancels the order (the session is then expired so it cannot be paid later).
 */
export function decideStripeEvent(event: Pick<Stripe.Event, "type" | "data">): StripeEventAction {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object as Stripe.Checkout.Session;
      const orderId = orderIdOf(session.metadata);
      const paymentIntentId = idOf(session.payment_intent);
      if (!orderId || !paymentIntentId) return { kind: "ignore", why: "session without order or payment" };
      return { kind: "confirm", orderId, paymentIntentId };
    }
    case "payment_intent.amount_capturable_updated": {
      const intent = event.data.object as Stripe.PaymentIntent;
      const orderId = orderIdOf(intent.metadata);
      if (!orderId || intent.status !== "requires_capture") return { kind: "ignore", why: "not an authorised order payment" };
      return { kind: "confirm", orderId, paymentIntentId: intent.id };
    }
    case "checkout.session.expired": {
      const orderId = orderIdOf((event.data.object as Stripe.Checkout.Session).metadata);
      return orderId ? { kind: "cancel", orderId, reason: "checkout expired" } : { kind: "ignore", why: "session without order" };
    }
    case "payment_intent.payment_failed":
    case "payment_intent.canceled": {
      const orderId = orderIdOf((event.data.object as Stripe.PaymentIntent).metadata);
      const reason = event.type === "payment_intent.payment_failed" ? "payment failed" : "payment cancelled";
      return orderId ? { kind: "cancel", orderId, reason } : { kind: "ignore", why: "payment without order" };
    }
    default:
      return { kind: "ignore", why: `${event.type} is not used` };
  }
}
