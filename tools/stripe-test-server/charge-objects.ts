// Builders of Stripe-shaped charges and refunds (fields as in Stripe's fixtures, typed by the stripe SDK).
import type Stripe from "stripe";
import { emptyAddress, newId } from "./objects";

export interface TestCard {
  number: string;
  expMonth: number;
  expYear: number;
  name: string | null;
  email: string | null;
}

export interface ChargeInit {
  id: string;
  created: number;
  paymentIntent: Stripe.PaymentIntent;
  paymentMethodId: string;
  card: TestCard;
  outcome: "authorized" | "declined";
}

export function buildCharge(init: ChargeInit): Stripe.Charge {
  const pi = init.paymentIntent;
  const declined = init.outcome === "declined";
  const captured = !declined && pi.capture_method !== "manual";
  return {
    id: init.id,
    object: "charge",
    amount: pi.amount,
    amount_captured: captured ? pi.amount : 0,
    amount_refunded: 0,
    application: null,
    application_fee: null,
    application_fee_amount: null,
    balance_transaction: captured ? newId("txn_") : null,
    billing_details: { address: emptyAddress(), email: init.card.email, name: init.card.name, phone: null, tax_id: null },
    calculated_statement_descriptor: "HALLES TEST",
    captured,
    created: init.created,
    currency: pi.currency,
    customer: null,
    description: pi.description,
    disputed: false,
    failure_balance_transaction: null,
    failure_code: declined ? "card_declined" : null,
    failure_message: declined ? "Your card was declined." : null,
    fraud_details: {},
    livemode: false,
    metadata: { ...pi.metadata },
    on_behalf_of: null,
    outcome: {
      advice_code: declined ? "try_again_later" : null,
      network_advice_code: null,
      network_decline_code: null,
      network_status: declined ? "declined_by_network" : "approved_by_network",
      reason: declined ? "generic_decline" : null,
      risk_level: "normal",
      seller_message: declined ? "The bank did not return any further details with this decline." : "Payment complete.",
      type: declined ? "issuer_declined" : "authorized",
    },
    paid: !declined,
    payment_intent: pi.id,
    payment_method: init.paymentMethodId,
    payment_method_details: { type: "card", card: cardDetails(init.card, pi.amount) },
    receipt_email: pi.receipt_email,
    receipt_number: null,
    receipt_url: null,
    refunded: false,
    refunds: { object: "list", data: [], has_more: false, url: `/v1/charges/${init.id}/refunds` },
    review: null,
    shipping: null,
    source: null,
    source_transfer: null,
    statement_descriptor: pi.statement_descriptor,
    statement_descriptor_suffix: pi.statement_descriptor_suffix,
    status: declined ? "failed" : "succeeded",
    transfer_data: null,
    transfer_group: null,
  };
}

function cardDetails(card: TestCard, amount: number): Stripe.Charge.PaymentMethodDetails.Card {
  return {
    amount_authorized: amount,
    authorization_code: null,
    brand: "visa",
    checks: { address_line1_check: null, address_postal_code_check: null, cvc_check: "pass" },
    country: "US",
    electronic_commerce_indicator: null,
    exp_month: card.expMonth,
    exp_year: card.expYear,
    extended_authorization: { status: "disabled" },
    fingerprint: `tst${card.number.slice(-4)}Fingerprint`,
    funding: "credit",
    incremental_authorization: { status: "unavailable" },
    installments: null,
    last4: card.number.slice(-4),
    mandate: null,
    multicapture: { status: "unavailable" },
    network: "visa",
    network_token: { used: false },
    network_transaction_id: null,
    overcapture: { maximum_amount_capturable: amount, status: "unavailable" },
    regulated_status: "unregulated",
    three_d_secure: null,
    transaction_link_id: null,
    wallet: null,
  };
}

export interface RefundInit {
  id: string;
  created: number;
  amount: number;
  charge: Stripe.Charge;
  reason: Stripe.Refund.Reason | null;
  metadata: Record<string, string>;
}

export function buildRefund(init: RefundInit): Stripe.Refund {
  return {
    id: init.id,
    object: "refund",
    amount: init.amount,
    balance_transaction: newId("txn_"),
    charge: init.charge.id,
    created: init.created,
    currency: init.charge.currency,
    customer: null,
    customer_account: null,
    destination_details: { type: "card", card: { reference_status: "pending", reference_type: "acquirer_reference_number", type: "refund" } },
    metadata: init.metadata,
    payment_intent: typeof init.charge.payment_intent === "string" ? init.charge.payment_intent : null,
    payment_method: init.charge.payment_method,
    reason: init.reason,
    receipt_number: null,
    source_transfer_reversal: null,
    status: "succeeded",
    transfer_reversal: null,
  };
}
