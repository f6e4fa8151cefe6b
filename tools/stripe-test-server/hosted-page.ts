// HTML of the hosted payment page (a stand-in for Stripe Checkout), always marked TEST MODE.
import type { CardField, CardForm } from "./checkout";
import type { SessionEntry } from "./store";

export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** `1234` cents in EUR → `€12.34` (minor-unit digits taken from the currency itself). */
export function formatMoney(amount: number, currency: string): string {
  const format = new Intl.NumberFormat("en-IE", { style: "currency", currency: currency.toUpperCase() });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amount / 10 ** digits);
}

const STYLE = `
  body { font-family: system-ui, sans-serif; margin: 0; background: #f6f7f9; color: #1a1f36; }
  .test-mode { background: #ffb100; color: #1a1f36; padding: .6rem 1rem; text-align: center; font-weight: 600; }
  main { max-width: 30rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem; border-radius: .5rem; box-shadow: 0 1px 3px #0002; }
  h1 { font-size: 1.4rem; margin-top: 0; }
  h2 { font-size: 1rem; }
  ul { padding: 0; list-style: none; }
  li, .total { display: flex; justify-content: space-between; gap: 1rem; padding: .25rem 0; }
  .total { font-weight: 700; border-top: 1px solid #e3e8ee; margin-top: .5rem; padding-top: .5rem; }
  .field { margin: .9rem 0; display: flex; flex-direction: column; gap: .3rem; }
  input { font: inherit; padding: .55rem .6rem; border: 1px solid #cfd7df; border-radius: .3rem; }
  input[aria-invalid="true"] { border-color: #df1b41; }
  .row { display: flex; gap: 1rem; } .row .field { flex: 1; }
  .field-error, .form-error { color: #df1b41; margin: 0; }
  .form-error { background: #fff0f2; padding: .6rem; border-radius: .3rem; }
  button { font: inherit; font-weight: 600; width: 100%; padding: .75rem; margin-top: .5rem; border: 0; border-radius: .3rem; background: #0570de; color: #fff; cursor: pointer; }
  .hint { color: #596171; font-size: .9rem; }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>TEST MODE · ${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<div class="test-mode" role="note"><strong>TEST MODE</strong> — Stripe test server. No real payment is made and no card is charged.</div>
<main>
${body}
</main>
</body>
</html>
`;
}

interface FieldSpec {
  name: CardField;
  label: string;
  autocomplete: string;
  inputmode?: string;
  placeholder?: string;
}

function field(spec: FieldSpec, values: Partial<CardForm>, errors: Partial<Record<CardField, string>>): string {
  const error = errors[spec.name];
  const errorId = `${spec.name}-error`;
  return `<div class="field">
  <label for="${spec.name}">${escapeHtml(spec.label)}</label>
  <input id="${spec.name}" name="${spec.name}" autocomplete="${spec.autocomplete}"${spec.inputmode ? ` inputmode="${spec.inputmode}"` : ""}${
    spec.placeholder ? ` placeholder="${escapeHtml(spec.placeholder)}"` : ""
  } value="${escapeHtml(values[spec.name] ?? "")}"${error ? ` aria-invalid="true" aria-describedby="${errorId}"` : ""}>
  ${error ? `<p class="field-error" id="${errorId}">${escapeHtml(error)}</p>` : ""}
</div>`;
}

export interface PaymentPageState {
  values?: Partial<CardForm>;
  fieldErrors?: Partial<Record<CardField, string>>;
  formError?: string;
}

/** The payment form: order summary, card fields, a "Pay €12.34" button and a cancel link. */
export function renderPaymentPage(entry: SessionEntry, state: PaymentPageState = {}): string {
  const { session, lineItems } = entry;
  const currency = session.currency ?? "eur";
  const total = formatMoney(session.amount_total ?? 0, currency);
  const values = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  const items = lineItems
    .map(
      (item) =>
        `<li><span>${escapeHtml(item.name)} × ${item.quantity}</span><span>${formatMoney(item.unitAmount * item.quantity, item.currency)}</span></li>`,
    )
    .join("\n");
  const email = session.customer_email
    ? `<p class="hint">Paying as ${escapeHtml(session.customer_email)}</p>`
    : field({ name: "email", label: "Email", autocomplete: "email", inputmode: "email" }, values, errors);
  const cancel = session.cancel_url ? `<p><a href="${escapeHtml(session.cancel_url)}">Cancel and return to the shop</a></p>` : "";
  const body = `<h1>Pay ${total}</h1>
<section aria-labelledby="summary-heading">
  <h2 id="summary-heading">Order summary</h2>
  <ul>
${items}
  </ul>
  <div class="total"><span>Total</span><span>${total}</span></div>
</section>
<form method="post" action="/pay/${encodeURIComponent(session.id)}" novalidate>
  ${state.formError ? `<div class="form-error" role="alert">${escapeHtml(state.formError)}</div>` : ""}
  ${email}
  ${field({ name: "cardNumber", label: "Card number", autocomplete: "cc-number", inputmode: "numeric", placeholder: "1234 1234 1234 1234" }, values, errors)}
  <div class="row">
  ${field({ name: "expiry", label: "Expiry", autocomplete: "cc-exp", inputmode: "numeric", placeholder: "MM / YY" }, values, errors)}
  ${field({ name: "cvc", label: "CVC", autocomplete: "cc-csc", inputmode: "numeric", placeholder: "123" }, values, errors)}
  </div>
  ${field({ name: "name", label: "Name on card", autocomplete: "cc-name" }, values, errors)}
  <button type="submit">Pay ${total}</button>
</form>
<p class="hint">Test cards: 4242 4242 4242 4242 succeeds, 4000 0000 0000 0002 is declined. Any future expiry, any CVC.</p>
${cancel}`;
  return layout(`Pay ${total}`, body);
}

/** A page with a heading, a message and an optional link (session expired, already paid, unknown). */
export function renderMessagePage(title: string, message: string, link?: { href: string; label: string }): string {
  const linkHtml = link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "";
  return layout(title, `<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(message)}</p>\n${linkHtml}`);
}
