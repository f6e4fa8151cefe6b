// Before an order is confirmed, what Stripe says was authorised must be what the order asked for:
// its amount, in euros, through its own Checkout Session or PaymentIntent, in the key's mode. Pure,
// so each check can be tested alone; process-stripe-event applies the verdict.
import type { ReportedPayment } from "./stripe-events";

/** The only currency orders are priced and authorised in (Stripe writes it in lower case). */
export const PAYMENT_CURRENCY = "eur";

/** The cancel reason of an order whose payment did not match it (lib/orders/labels.ts words it). */
export const PAYMENT_MISMATCH_REASON = "payment_mismatch";

export type PaymentCheck = "amount" | "currency" | "checkout_session" | "payment_intent" | "livemode";

/** One thing that did not match, recorded in the order event and logged with the alert. */
export type PaymentProblem = { check: PaymentCheck; expected: string | number | boolean | null; received: string | number | boolean | null };

export type ExpectedPayment = {
  /** orders.authorized_cents. */
  authorizedCents: number;
  /** orders.checkout_session_id. */
  checkoutSessionId: string | null;
  /**
   * The order's PaymentIntent: orders.payment_intent_id when known, else the one its Checkout
   * Session holds at Stripe (null: none). Only checked for a payment reported by a PaymentIntent.
   */
  paymentIntentId: string | null;
  /** true with a live key (sk_live_/rk_live_), false with a test key. */
  livemode: boolean;
};

/** Everything that does not match; an empty list means the order may be confirmed. */
export function checkPayment(reported: ReportedPayment, expected: ExpectedPayment): PaymentProblem[] {
  const problems: PaymentProblem[] = [];
  const differ = (check: PaymentCheck, want: PaymentProblem["expected"], got: PaymentProblem["received"]) => {
    if (want === null || got !== want) problems.push({ check, expected: want, received: got });
  };
  differ("amount", expected.authorizedCents, reported.amountCents);
  differ("currency", PAYMENT_CURRENCY, reported.currency?.toLowerCase() ?? null);
  if (reported.source === "checkout_session") differ("checkout_session", expected.checkoutSessionId, reported.checkoutSessionId);
  else differ("payment_intent", expected.paymentIntentId, reported.paymentIntentId);
  differ("livemode", expected.livemode, reported.livemode);
  return problems;
}
