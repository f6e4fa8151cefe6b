// Ids and builders of Stripe-shaped sessions, PaymentIntents and events (fields as in Stripe's fixtures, typed by the SDK).
import { randomBytes } from "node:crypto";
import Stripe from "stripe";

const ID_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/** A Stripe-looking id: `pi_3Q…`, `cs_test_a1…`, `evt_…`. */
export function newId(prefix: string, length = 24): string {
  const bytes = randomBytes(length);
  let body = "";
  for (const byte of bytes) body += ID_ALPHABET[byte % ID_ALPHABET.length];
  return `${prefix}${body}`;
}

/** The API version events are rendered in: the installed SDK's, so the app parses them as it would Stripe's. */
export const API_VERSION: string = Stripe.API_VERSION;

export const emptyAddress = (): Stripe.Address => ({
  city: null,
  country: null,
  line1: null,
  line2: null,
  postal_code: null,
  state: null,
});

export interface SessionInit {
  id: string;
  created: number;
  expiresAt: number;
  currency: string;
  amountTotal: number;
  successUrl: string | null;
  cancelUrl: string | null;
  clientReferenceId: string | null;
  customerEmail: string | null;
  metadata: Record<string, string>;
  locale: string | null;
  submitType: string | null;
  url: string;
}

export function buildSession(init: SessionInit): Stripe.Checkout.Session {
  return {
    id: init.id,
    object: "checkout.session",
    adaptive_pricing: { enabled: false },
    after_expiration: null,
    allow_promotion_codes: null,
    allowed_payment_method_types: null,
    amount_subtotal: init.amountTotal,
    amount_total: init.amountTotal,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null,
    cancel_url: init.cancelUrl,
    client_reference_id: init.clientReferenceId,
    client_secret: null,
    collected_information: null,
    consent: null,
    consent_collection: null,
    created: init.created,
    currency: init.currency,
    currency_conversion: null,
    custom_fields: [],
    custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null,
    customer_account: null,
    customer_creation: "if_required",
    customer_details: null,
    customer_email: init.customerEmail,
    discounts: [],
    expires_at: init.expiresAt,
    integration_identifier: null,
    invoice: null,
    invoice_creation: {
      enabled: false,
      invoice_data: {
        account_tax_ids: null,
        custom_fields: null,
        description: null,
        footer: null,
        issuer: null,
        metadata: {},
        rendering_options: null,
      },
    },
    livemode: false,
    locale: init.locale,
    managed_payments: { enabled: false },
    metadata: init.metadata,
    mode: "payment",
    origin_context: null,
    payment_intent: null,
    payment_link: null,
    payment_method_collection: "if_required",
    payment_method_configuration_details: null,
    payment_method_options: {},
    payment_method_types: ["card"],
    payment_status: "unpaid",
    permissions: null,
    phone_number_collection: { enabled: false },
    recovered_from: null,
    saved_payment_method_options: null,
    setup_intent: null,
    shipping_address_collection: null,
    shipping_cost: null,
    shipping_options: [],
    status: "open",
    submit_type: init.submitType,
    subscription: null,
    success_url: init.successUrl,
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
    ui_mode: "hosted_page",
    url: init.url,
    wallet_options: null,
  };
}

/** The shopper-facing details Checkout records on completion. */
export function buildCustomerDetails(email: string | null, name: string | null): Stripe.Checkout.Session.CustomerDetails {
  return {
    address: emptyAddress(),
    business_name: null,
    email,
    individual_name: null,
    name,
    phone: null,
    tax_exempt: "none",
    tax_ids: [],
  };
}

export interface PaymentIntentInit {
  id: string;
  created: number;
  amount: number;
  currency: string;
  captureMethod: Stripe.PaymentIntent.CaptureMethod;
  description: string | null;
  metadata: Record<string, string>;
  receiptEmail: string | null;
  statementDescriptor: string | null;
  statementDescriptorSuffix: string | null;
}

export function buildPaymentIntent(init: PaymentIntentInit): Stripe.PaymentIntent {
  return {
    id: init.id,
    object: "payment_intent",
    allowed_payment_method_types: null,
    amount: init.amount,
    amount_capturable: 0,
    amount_details: { tip: {} },
    amount_received: 0,
    application: null,
    application_fee_amount: null,
    automatic_payment_methods: null,
    canceled_at: null,
    cancellation_reason: null,
    capture_method: init.captureMethod,
    client_secret: `${init.id}_secret_${newId("", 25)}`,
    confirmation_method: "automatic",
    created: init.created,
    currency: init.currency,
    customer: null,
    customer_account: null,
    description: init.description,
    excluded_payment_method_types: null,
    last_payment_error: null,
    latest_charge: null,
    livemode: false,
    managed_payments: { enabled: false },
    metadata: init.metadata,
    next_action: null,
    on_behalf_of: null,
    payment_method: null,
    payment_method_configuration_details: null,
    payment_method_options: { card: { installments: null, mandate_options: null, network: null, request_three_d_secure: "automatic" } },
    payment_method_types: ["card"],
    payment_record: null,
    processing: null,
    receipt_email: init.receiptEmail,
    review: null,
    setup_future_usage: null,
    shipping: null,
    source: null,
    statement_descriptor: init.statementDescriptor,
    statement_descriptor_suffix: init.statementDescriptorSuffix,
    status: "requires_payment_method",
    transfer_data: null,
    transfer_group: null,
  };
}

export interface EventRequest {
  id: string | null;
  idempotency_key: string | null;
}

/** The objects this server emits events about. */
export type EventObject = Stripe.Checkout.Session | Stripe.PaymentIntent | Stripe.Charge | Stripe.Refund;

export function buildEvent(type: Stripe.Event.Type, object: EventObject, created: number, request: EventRequest | null, pendingWebhooks: number): Stripe.Event {
  return {
    id: newId("evt_"),
    object: "event",
    api_version: API_VERSION,
    created,
    // A snapshot: later changes to the object must not rewrite what the event said.
    data: { object: structuredClone(object) },
    livemode: false,
    pending_webhooks: pendingWebhooks,
    request: request ?? { id: null, idempotency_key: null },
    type,
    // The SDK types Event as a union keyed by `type`; the caller pairs each type with its object.
  } as Stripe.Event;
}
