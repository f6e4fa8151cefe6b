// The money arithmetic after picking, pure and in integer cents: what to capture and what is
// released, and how much of a captured order may still be refunded, in all or per line.
import type { RefundLine } from "@/db/schema/payments";

export type CaptureSplit = { captureCents: number; releasedCents: number };

/**
 * The picked total, never more than the card authorisation: the difference to the authorisation
 * is released by Stripe, never charged.
 */
export function captureSplit(finalTotalCents: number, authorizedCents: number): CaptureSplit {
  if (!Number.isInteger(finalTotalCents) || finalTotalCents <= 0) throw new RangeError(`nothing to capture (final total ${finalTotalCents})`);
  const captureCents = Math.min(finalTotalCents, authorizedCents);
  return { captureCents, releasedCents: authorizedCents - captureCents };
}

/** A line as charged: `chargedCents` its picked total, `refundedCents` what refunds already gave back for it. */
export type RefundableLine = { id: string; chargedCents: number; refundedCents: number };

/** What a line can still be refunded. */
export const lineRefundableCents = (line: RefundableLine): number => Math.max(0, line.chargedCents - line.refundedCents);

export type RefundRequest =
  | { kind: "whole" }
  | { kind: "lines"; lines: RefundLine[] }
  | { kind: "amount"; amountCents: number };

export type RefundBasis = {
  capturedCents: number;
  /** Refunds asked for or made (requested + succeeded) so far. */
  committedCents: number;
  lines: RefundableLine[];
};

export type RefundPlanError =
  | { code: "nothing_to_refund" }
  | { code: "over_refundable"; refundableCents: number }
  | { code: "unknown_line"; orderLineId: string }
  | { code: "line_over_refundable"; orderLineId: string; refundableCents: number }
  | { code: "no_lines" };

export type RefundPlan = { ok: true; amountCents: number; lines: RefundLine[] } | ({ ok: false } & RefundPlanError);

/** What is left to refund on the whole order. */
export const orderRefundableCents = (basis: Pick<RefundBasis, "capturedCents" | "committedCents">): number =>
  Math.max(0, basis.capturedCents - basis.committedCents);

/**
 * The amount a refund request comes to, or why it cannot be made: the whole order is what is left
 * of the capture; a line at most what it was charged minus what was refunded for it; in all, never
 * more than the capture minus the refunds already asked for.
 */
export function planRefund(request: RefundRequest, basis: RefundBasis): RefundPlan {
  const refundable = orderRefundableCents(basis);
  if (refundable === 0) return { ok: false, code: "nothing_to_refund" };
  if (request.kind === "whole") return { ok: true, amountCents: refundable, lines: [] };
  if (request.kind === "amount") {
    if (request.amountCents > refundable) return { ok: false, code: "over_refundable", refundableCents: refundable };
    if (request.amountCents <= 0) return { ok: false, code: "nothing_to_refund" };
    return { ok: true, amountCents: request.amountCents, lines: [] };
  }
  const lines = request.lines.filter((l) => l.amountCents > 0);
  if (lines.length === 0) return { ok: false, code: "no_lines" };
  const byId = new Map(basis.lines.map((l) => [l.id, l]));
  const asked = new Map<string, number>();
  for (const line of lines) asked.set(line.orderLineId, (asked.get(line.orderLineId) ?? 0) + line.amountCents);
  for (const [orderLineId, amountCents] of asked) {
    const line = byId.get(orderLineId);
    if (!line) return { ok: false, code: "unknown_line", orderLineId };
    const left = lineRefundableCents(line);
    if (amountCents > left) return { ok: false, code: "line_over_refundable", orderLineId, refundableCents: left };
  }
  const amountCents = [...asked.values()].reduce((sum, cents) => sum + cents, 0);
  if (amountCents > refundable) return { ok: false, code: "over_refundable", refundableCents: refundable };
  return { ok: true, amountCents, lines: [...asked].map(([orderLineId, cents]) => ({ orderLineId, amountCents: cents })) };
}

/** Sums each line's share over refunds (requested and succeeded ones). */
export function refundedPerLine(refunds: { lines: RefundLine[] }[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const refund of refunds) for (const line of refund.lines) sums.set(line.orderLineId, (sums.get(line.orderLineId) ?? 0) + line.amountCents);
  return sums;
}

/** "12", "12.5", "12,50", "€ 12.50" → cents; null when it is not an amount of euros with at most two decimals. */
export function parseEuroAmount(text: string): number | null {
  const match = /^\s*€?\s*(\d{1,7})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "0").padEnd(2, "0"));
}
