// Checkout Sessions: create, retrieve (with lazy expiry), expire, and a shopper paying on the hosted page.
import type Stripe from "stripe";
import { invalidParam, resourceMissing, unexpectedState } from "./errors";
import { buildCharge, type TestCard } from "./charge-objects";
import { buildCustomerDetails, buildPaymentIntent, buildSession, newId } from "./objects";
import type { CreateSessionParams } from "./params";
import type { RequestContext, SessionEntry, Store } from "./store";

const MIN_EXPIRY_SECONDS = 30 * 60;
const MAX_EXPIRY_SECONDS = 24 * 60 * 60;
// Clients compute `now + 30 min` a moment before the request lands; don't punish them for it.
const EXPIRY_TOLERANCE_SECONDS = 10;

export const TEST_CARDS = {
  succeeds: "4242424242424242",
  declined: "4000000000000002",
} as const;

export function createSession(store: Store, params: CreateSessionParams): Stripe.Checkout.Session {
  if (params.mode !== "payment") {
    throw invalidParam("This Stripe test server supports mode=payment only.", "mode");
  }
  const lineItems = params.line_items.map((item, index) => {
    if (item.price !== undefined) {
      throw invalidParam(
        "Price ids are not available on the Stripe test server; pass price_data instead.",
        `line_items[${index}][price]`,
      );
    }
    if (!item.price_data) throw invalidParam(`Missing required param: line_items[${index}][price_data].`, `line_items[${index}][price_data]`, "parameter_missing");
    const { currency, unit_amount: unitAmount, product_data: product } = item.price_data;
    return { name: product.name, description: product.description ?? null, currency, unitAmount, quantity: item.quantity };
  });
  const currency = lineItems[0].currency;
  if (lineItems.some((item) => item.currency !== currency)) {
    throw invalidParam("All line items must be in the same currency.", "line_items");
  }

  const created = store.nowSeconds();
  const expiresAt = params.expires_at ?? created + MAX_EXPIRY_SECONDS;
  if (expiresAt < created + MIN_EXPIRY_SECONDS - EXPIRY_TOLERANCE_SECONDS) {
    throw invalidParam("The `expires_at` timestamp must be at least 30 minutes from Checkout Session creation.", "expires_at");
  }
  if (expiresAt > created + MAX_EXPIRY_SECONDS + EXPIRY_TOLERANCE_SECONDS) {
    throw invalidParam("The `expires_at` timestamp must be less than 24 hours from Checkout Session creation.", "expires_at");
  }

  const id = newId("cs_test_a1", 56);
  const session = buildSession({
    id,
    created,
    expiresAt,
    currency,
    amountTotal: lineItems.reduce((sum, item) => sum + item.unitAmount * item.quantity, 0),
    successUrl: params.success_url ?? null,
    cancelUrl: params.cancel_url ?? null,
    clientReferenceId: params.client_reference_id ?? null,
    customerEmail: params.customer_email ?? null,
    metadata: params.metadata ?? {},
    locale: params.locale ?? null,
    submitType: params.submit_type ?? null,
    url: `${store.deps.publicUrl()}/pay/${id}`,
  });
  const intentData = params.payment_intent_data;
  store.sessions.set(id, {
    session,
    lineItems,
    captureMethod: intentData?.capture_method ?? "automatic",
    paymentIntentData: {
      description: intentData?.description ?? null,
      metadata: intentData?.metadata ?? {},
      receiptEmail: intentData?.receipt_email ?? params.customer_email ?? null,
      statementDescriptor: intentData?.statement_descriptor ?? null,
      statementDescriptorSuffix: intentData?.statement_descriptor_suffix ?? null,
    },
  });
  return session;
}

/** Looks a session up, first expiring it if its `expires_at` has passed (Stripe expires lazily too). */
export function findSession(store: Store, id: string): SessionEntry {
  const entry = store.sessions.get(id);
  if (!entry) throw resourceMissing("checkout.session", id, "session");
  expireIfDue(store, id);
  return entry;
}

/** Expires an open session whose time is up; called on access and by the server's timer. */
export function expireIfDue(store: Store, id: string): void {
  const entry = store.sessions.get(id);
  if (entry && entry.session.status === "open" && store.nowSeconds() >= entry.session.expires_at) {
    markExpired(store, entry, null);
  }
}

export function expireSession(store: Store, id: string, request: RequestContext): Stripe.Checkout.Session {
  const entry = findSession(store, id);
  if (entry.session.status !== "open") {
    throw unexpectedState(
      `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of "${entry.session.status}".`,
      "checkout_session_unexpected_state",
    );
  }
  markExpired(store, entry, request);
  return entry.session;
}

function markExpired(store: Store, entry: SessionEntry, request: RequestContext): void {
  const { session } = entry;
  session.status = "expired";
  session.url = null;
  const intentId = typeof session.payment_intent === "string" ? session.payment_intent : null;
  const intent = intentId ? store.paymentIntents.get(intentId) : undefined;
  if (intent && intent.status === "requires_payment_method") {
    intent.status = "canceled";
    intent.canceled_at = store.nowSeconds();
    intent.cancellation_reason = "automatic";
    store.deps.emit("payment_intent.canceled", intent, request);
  }
  store.deps.emit("checkout.session.expired", session, request);
}

export interface CardForm {
  cardNumber: string;
  expiry: string;
  cvc: string;
  name: string;
  email: string;
}

export type CardField = keyof CardForm;

export type PaymentAttempt =
  | { outcome: "succeeded"; session: Stripe.Checkout.Session }
  | { outcome: "invalid"; fieldErrors: Partial<Record<CardField, string>> }
  | { outcome: "declined"; message: string }
  | { outcome: "not_open"; session: Stripe.Checkout.Session };

/** Field checks Checkout makes in the browser before anything reaches the card network. */
export function validateCardForm(form: CardForm, now: Date): { errors: Partial<Record<CardField, string>>; card?: TestCard } {
  const errors: Partial<Record<CardField, string>> = {};
  const number = form.cardNumber.replace(/[\s-]/g, "");
  if (number !== TEST_CARDS.succeeds && number !== TEST_CARDS.declined) errors.cardNumber = "Your card number is invalid.";
  const expiry = /^(\d{1,2})\s*\/?\s*(\d{2}|\d{4})$/.exec(form.expiry.trim());
  const month = expiry ? Number(expiry[1]) : 0;
  const year = expiry ? (expiry[2].length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2])) : 0;
  if (!expiry || month < 1 || month > 12) {
    errors.expiry = "Your card's expiration date is incomplete.";
  } else if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    errors.expiry = "Your card's expiration date is in the past.";
  }
  if (!/^\d{3,4}$/.test(form.cvc.trim())) errors.cvc = "Your card's security code is incomplete.";
  if (form.name.trim() === "") errors.name = "Enter the name on your card.";
  const email = form.email.trim();
  if (email !== "" && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = "Your email address is invalid.";
  if (Object.keys(errors).length > 0) return { errors };
  return { errors, card: { number, expMonth: month, expYear: year, name: form.name.trim(), email: email || null } };
}

/** The shopper submits the hosted page: validate, then authorise (4242…) or decline (…0002). */
export function payWithCard(store: Store, sessionId: string, form: CardForm): PaymentAttempt {
  const entry = findSession(store, sessionId);
  const { session } = entry;
  if (session.status !== "open") return { outcome: "not_open", session };
  const { errors, card } = validateCardForm(form, new Date(store.deps.now()));
  if (!card) return { outcome: "invalid", fieldErrors: errors };
  card.email = session.customer_email ?? card.email;

  const intent = ensurePaymentIntent(store, entry);
  const paymentMethodId = newId("pm_");
  const declined = card.number === TEST_CARDS.declined;
  const charge = buildCharge({
    id: newId("ch_"),
    created: store.nowSeconds(),
    paymentIntent: intent,
    paymentMethodId,
    card,
    outcome: declined ? "declined" : "authorized",
  });
  store.charges.set(charge.id, charge);
  intent.latest_charge = charge.id;

  if (declined) {
    intent.status = "requires_payment_method";
    intent.payment_method = null;
    intent.last_payment_error = {
      type: "card_error",
      code: "card_declined",
      decline_code: "generic_decline",
      message: "Your card was declined.",
      charge: charge.id,
      doc_url: "https://stripe.com/docs/error-codes/card-declined",
    };
    store.deps.emit("charge.failed", charge, null);
    store.deps.emit("payment_intent.payment_failed", intent, null);
    return { outcome: "declined", message: "Your card was declined." };
  }

  const manual = intent.capture_method === "manual";
  intent.payment_method = paymentMethodId;
  intent.last_payment_error = null;
  intent.status = manual ? "requires_capture" : "succeeded";
  intent.amount_capturable = manual ? intent.amount : 0;
  intent.amount_received = manual ? 0 : intent.amount;
  session.status = "complete";
  session.payment_status = manual ? store.deps.manualCapturePaymentStatus : "paid";
  session.url = null;
  session.customer_details = buildCustomerDetails(card.email, card.name);
  session.collected_information = { business_name: null, individual_name: null, shipping_details: null };

  store.deps.emit("charge.succeeded", charge, null);
  store.deps.emit(manual ? "payment_intent.amount_capturable_updated" : "payment_intent.succeeded", intent, null);
  store.deps.emit("checkout.session.completed", session, null);
  return { outcome: "succeeded", session };
}

/** Checkout creates the PaymentIntent on the first payment attempt, not with the session. */
function ensurePaymentIntent(store: Store, entry: SessionEntry): Stripe.PaymentIntent {
  const { session } = entry;
  if (typeof session.payment_intent === "string") return store.paymentIntent(session.payment_intent);
  const data = entry.paymentIntentData;
  const intent = buildPaymentIntent({
    id: newId("pi_3", 23),
    created: store.nowSeconds(),
    amount: session.amount_total ?? 0,
    currency: session.currency ?? "eur",
    captureMethod: entry.captureMethod,
    description: data.description,
    metadata: data.metadata,
    receiptEmail: data.receiptEmail,
    statementDescriptor: data.statementDescriptor,
    statementDescriptorSuffix: data.statementDescriptorSuffix,
  });
  store.paymentIntents.set(intent.id, intent);
  store.sessionIdByPaymentIntent.set(intent.id, session.id);
  session.payment_intent = intent.id;
  store.deps.emit("payment_intent.created", intent, null);
  return intent;
}
