// The order e-mails (confirmed, cancelled, picked with the amount charged, refunded) as subject,
// HTML and plain text. Pure: the notification worker loads an OrderEmailView
// (db/queries/order-emails.ts) and sends the result.
import { BASKET_RULES, formatGrams, vatBreakdown, type VatLine } from "@/lib/basket/pricing";
import type { DeliveryAddress, Fulfilment, LinePickStatus, LineSubstitute, OrderStatus, SellingMode } from "@/db/schema";
import { formatCents, formatVatRate } from "@/lib/catalog/pricing";
import type { OrderEmailKind } from "@/lib/jobs/tasks";
import { cancelReasonText } from "@/lib/orders/labels";
import { describeChange, pickChanges } from "@/lib/orders/pick-changes";

export type OrderEmailLine = {
  productName: string;
  sizeLabel: string;
  sellingMode: SellingMode;
  /** Items, or grams for weighed lines. */
  quantity: number;
  /** Per item, or per kg for weighed lines; VAT included. */
  unitPriceCents: number;
  vatRateBp: number;
  lineTotalCents: number;
  /** Taken off by promotions (after picking: off what was picked). */
  discountCents?: number;
  /** After picking (absent or null before). */
  pickStatus?: LinePickStatus | null;
  pickedQuantity?: number | null;
  pickedTotalCents?: number | null;
  substitute?: LineSubstitute | null;
};

/** The money of the order after checkout: what the card holds, what was taken, what went back. */
export type OrderEmailPayment = { authorizedCents: number; capturedCents: number | null; refundedCents: number; finalTotalCents: number | null };

export type OrderEmailView = {
  id: string;
  number: string;
  status: OrderStatus;
  fulfilment: Fulfilment;
  recipientEmail: string;
  customerName: string;
  subtotalCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  deliveryAddress: DeliveryAddress | null;
  cancelReason: string | null;
  store: { name: string; street: string; postcode: string; city: string; phone: string | null; timezone: string };
  slot: { startsAt: Date; endsAt: Date };
  lines: OrderEmailLine[];
  payment?: OrderEmailPayment;
  /** The refund a "refunded" e-mail is about. */
  refund?: { amountCents: number; reason: string };
};

export type RenderedEmail = { subject: string; html: string; text: string };

export function orderVatBreakdown(view: Pick<OrderEmailView, "lines" | "deliveryFeeCents">): VatLine[] {
  return vatBreakdown([
    ...view.lines.map((line) => ({ grossCents: line.lineTotalCents - (line.discountCents ?? 0), rateBp: line.vatRateBp })),
    { grossCents: view.deliveryFeeCents, rateBp: BASKET_RULES.deliveryVatRateBp },
  ]);
}

const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/** "2 × €1.29" or "750 g × €12.90 / kg". */
export function describeQuantity(line: OrderEmailLine): string {
  return line.sellingMode === "weight"
    ? `${formatGrams(line.quantity)} × ${formatCents(line.unitPriceCents)} / kg`
    : `${line.quantity} × ${formatCents(line.unitPriceCents)}`;
}

/** "Saturday 28 November 2026, 10:00–11:00" in the store's time zone. */
export function formatSlot(slot: OrderEmailView["slot"], timeZone: string): string {
  const dayParts = new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "long", day: "numeric", month: "long", year: "numeric" })
    .formatToParts(slot.startsAt)
    .reduce<Record<string, string>>((parts, p) => ({ ...parts, [p.type]: p.value }), {});
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const day = `${dayParts.weekday} ${dayParts.day} ${dayParts.month} ${dayParts.year}`;
  return `${day}, ${time.format(slot.startsAt)}–${time.format(slot.endsAt)}`;
}

function whereLines(view: OrderEmailView): { label: string; lines: string[] } {
  if (view.fulfilment === "delivery" && view.deliveryAddress) {
    const a = view.deliveryAddress;
    return { label: "Home delivery to", lines: [a.recipient, a.street, `${a.postcode} ${a.city}`, ...(a.phone ? [a.phone] : [])] };
  }
  const s = view.store;
  return { label: "Click & collect at", lines: [s.name, s.street, `${s.postcode} ${s.city}`, ...(s.phone ? [s.phone] : [])] };
}

const COPY: Record<OrderEmailKind, { subject: (n: string) => string; heading: string; intro: (v: OrderEmailView) => string }> = {
  confirmed: {
    subject: (n) => `Your Halles order ${n} is confirmed`,
    heading: "Thank you, your order is confirmed",
    intro: (v) =>
      v.fulfilment === "delivery"
        ? "We have reserved your delivery slot and will pick your groceries shortly before it. Weighed items are charged at their picked weight."
        : "We have reserved your collection slot and will pick your groceries shortly before it. Weighed items are charged at their picked weight.",
  },
  cancelled: {
    subject: (n) => `Your Halles order ${n} has been cancelled`,
    heading: "Your order has been cancelled",
    intro: (v) =>
      `Your order has been cancelled.${v.cancelReason ? ` ${cancelReasonText(v.cancelReason)}` : ""} ` +
      (v.payment?.capturedCents
        ? `The ${formatCents(v.payment.capturedCents - v.payment.refundedCents)} charged is being refunded to your card.`
        : "Any amount held on your card is released; nothing is charged."),
  },
  picked: {
    subject: (n) => `Your Halles order ${n} is picked: the final amount`,
    heading: "Your order is picked",
    intro: (v) =>
      v.fulfilment === "delivery"
        ? "We have picked your groceries and they are on their way. Here is what changed and what we charged."
        : "We have picked your groceries and they are ready for collection. Here is what changed and what we charged.",
  },
  refunded: {
    subject: (n) => `A refund for your Halles order ${n}`,
    heading: "We have refunded you",
    intro: (v) =>
      `We have refunded ${formatCents(v.refund?.amountCents ?? 0)} to the card you paid with${v.refund?.reason ? ` (${v.refund.reason})` : ""}. ` +
      "It usually shows on your statement within 5 to 10 days.",
  },
};

/** After picking: each line as it was charged (a substitute under its own name and VAT rate). */
function chargedLines(lines: OrderEmailLine[]): OrderEmailLine[] {
  return lines.map((line) => {
    const s = line.substitute;
    if (line.pickStatus === "substituted" && s) {
      return { ...s, lineTotalCents: line.pickedTotalCents ?? 0, discountCents: line.discountCents };
    }
    return { ...line, quantity: line.pickedQuantity ?? 0, lineTotalCents: line.pickedTotalCents ?? 0 };
  });
}

/** The picked e-mail's list of changes and the amount charged, as paragraphs. */
function pickedSummary(view: OrderEmailView): string[] {
  const changes = pickChanges(
    view.lines.map((l) => ({ ...l, pickStatus: l.pickStatus ?? null, pickedQuantity: l.pickedQuantity ?? null, pickedTotalCents: l.pickedTotalCents ?? null, substitute: l.substitute ?? null })),
  );
  const payment = view.payment;
  const charged = payment?.capturedCents ?? payment?.finalTotalCents ?? view.totalCents;
  const released = payment ? payment.authorizedCents - charged : 0;
  const capped = payment?.finalTotalCents != null && payment.finalTotalCents > charged;
  return [
    changes.length ? "What changed:" : "Everything you ordered was picked as ordered.",
    ...changes.map((c) => `- ${describeChange(c)}`),
    `Charged to your card: ${formatCents(charged)}.` +
      (capped ? ` Your picked total came to ${formatCents(payment!.finalTotalCents!)}; we charge no more than the ${formatCents(charged)} you authorised.` : "") +
      (released > 0 ? ` The other ${formatCents(released)} held on your card is released, never charged.` : ""),
  ];
}

export function renderOrderEmail(view: OrderEmailView, kind: OrderEmailKind): RenderedEmail {
  const copy = COPY[kind];
  const subject = copy.subject(view.number);
  const intro = copy.intro(view);
  const slot = formatSlot(view.slot, view.store.timezone);
  const where = whereLines(view);
  const afterPicking = kind === "picked";
  const lines = afterPicking ? chargedLines(view.lines) : view.lines;
  const summary = afterPicking ? pickedSummary(view) : [];
  const vat = orderVatBreakdown({ lines, deliveryFeeCents: view.deliveryFeeCents });
  const subtotalCents = afterPicking ? lines.reduce((sum, l) => sum + l.lineTotalCents, 0) : view.subtotalCents;
  const discountCents = lines.reduce((sum, l) => sum + (l.discountCents ?? 0), 0);
  const totalCents = afterPicking ? (view.payment?.finalTotalCents ?? subtotalCents - discountCents + view.deliveryFeeCents) : view.totalCents;
  const fulfilmentLabel = view.fulfilment === "delivery" ? "Home delivery" : "Click & collect";
  const feeLabel = view.fulfilment === "delivery" ? "Delivery" : "Collection";

  const text = [
    `Hello ${view.customerName},`,
    "",
    copy.heading,
    intro,
    ...(summary.length ? ["", ...summary] : []),
    "",
    `Order ${view.number}`,
    `${fulfilmentLabel}: ${slot}`,
    `${where.label}:`,
    ...where.lines.map((l) => `  ${l}`),
    "",
    ...lines.map((l) => `- ${l.productName} (${l.sizeLabel}): ${describeQuantity(l)} = ${formatCents(l.lineTotalCents)}`),
    "",
    `Subtotal: ${formatCents(subtotalCents)}`,
    ...(discountCents > 0 ? [`Discounts: −${formatCents(discountCents)}`] : []),
    `${feeLabel}: ${formatCents(view.deliveryFeeCents)}`,
    `Total: ${formatCents(totalCents)}`,
    "",
    "VAT included:",
    ...vat.map((r) => `  ${formatVatRate(r.rateBp)}: ${formatCents(r.vatCents)} VAT on ${formatCents(r.grossCents)} (net ${formatCents(r.netCents)})`),
    "",
    "Halles",
  ].join("\n");

  const cell = 'style="padding:4px 8px;border-bottom:1px solid #e5e7eb"';
  const num = 'style="padding:4px 8px;border-bottom:1px solid #e5e7eb;text-align:right;white-space:nowrap"';
  const lineRows = lines
    .map(
      (l) =>
        `<tr><td ${cell}>${escapeHtml(l.productName)}<br><small>${escapeHtml(l.sizeLabel)}</small></td>` +
        `<td ${num}>${escapeHtml(describeQuantity(l))}</td><td ${num}>${escapeHtml(formatCents(l.lineTotalCents))}</td></tr>`,
    )
    .join("");
  const vatRows = vat
    .map(
      (r) =>
        `<tr><td ${cell}>${escapeHtml(formatVatRate(r.rateBp))}</td><td ${num}>${escapeHtml(formatCents(r.netCents))}</td>` +
        `<td ${num}>${escapeHtml(formatCents(r.vatCents))}</td><td ${num}>${escapeHtml(formatCents(r.grossCents))}</td></tr>`,
    )
    .join("");
  const total = (label: string, cents: number, strong = false) =>
    `<tr><td colspan="2" ${num}>${strong ? "<strong>" : ""}${escapeHtml(label)}${strong ? "</strong>" : ""}</td>` +
    `<td ${num}>${strong ? "<strong>" : ""}${escapeHtml(formatCents(cents))}${strong ? "</strong>" : ""}</td></tr>`;

  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#111827;max-width:640px;margin:0 auto;padding:16px">
<p>Hello ${escapeHtml(view.customerName)},</p>
<h1 style="font-size:20px">${escapeHtml(copy.heading)}</h1>
<p>${escapeHtml(intro)}</p>
${summaryHtml(summary)}<h2 style="font-size:16px">Order ${escapeHtml(view.number)}</h2>
<p><strong>${escapeHtml(fulfilmentLabel)}:</strong> ${escapeHtml(slot)}<br>
<strong>${escapeHtml(where.label)}:</strong><br>${where.lines.map(escapeHtml).join("<br>")}</p>
<table style="border-collapse:collapse;width:100%">
<thead><tr><th ${cell} align="left">Item</th><th ${num}>Quantity</th><th ${num}>Price</th></tr></thead>
<tbody>${lineRows}</tbody>
<tfoot>${total("Subtotal", subtotalCents)}${discountCents > 0 ? total("Discounts", -discountCents) : ""}${total(feeLabel, view.deliveryFeeCents)}${total("Total", totalCents, true)}</tfoot>
</table>
<h3 style="font-size:14px">VAT included</h3>
<table style="border-collapse:collapse">
<thead><tr><th ${cell} align="left">Rate</th><th ${num}>Net</th><th ${num}>VAT</th><th ${num}>Gross</th></tr></thead>
<tbody>${vatRows}</tbody>
</table>
<p>Halles</p>
</body></html>
`;
  return { subject, html, text };
}

/** The summary paragraphs as HTML: "- " items become a list. */
function summaryHtml(summary: string[]): string {
  if (summary.length === 0) return "";
  const items = summary.filter((p) => p.startsWith("- ")).map((p) => `<li>${escapeHtml(p.slice(2))}</li>`);
  const paragraphs = summary.filter((p) => !p.startsWith("- ")).map((p) => `<p>${escapeHtml(p)}</p>`);
  return `${paragraphs[0]}${items.length ? `<ul>${items.join("")}</ul>` : ""}${paragraphs.slice(1).join("")}\n`;
}
