// Why an agent corrects stock: a short code chosen from a list, and an optional note. Stored in
// stock_corrections.reason as "code" or "code: note", and shown with the code's label.

export const STOCK_REASONS = {
  count: "Stock count",
  damaged: "Damaged",
  expired: "Expired",
  delivery: "Delivery received",
  other: "Other",
} as const;

export type StockReason = keyof typeof STOCK_REASONS;
export const STOCK_REASON_CODES = Object.keys(STOCK_REASONS) as [StockReason, ...StockReason[]];

export function storedReason(code: StockReason, note?: string): string {
  const trimmed = note?.trim();
  return trimmed ? `${code}: ${trimmed}` : code;
}

/** "damaged: dropped crate" → "Damaged — dropped crate"; an unknown code is shown as stored. */
export function describeReason(stored: string): string {
  const [code, ...rest] = stored.split(": ");
  const label = (STOCK_REASONS as Record<string, string>)[code];
  if (!label) return stored;
  return rest.length ? `${label} — ${rest.join(": ")}` : label;
}

/**
 * The counted quantity as typed: whole items, or kilograms (up to 3 decimals, "," or ".") for
 * weighed items, in the stock's unit (items or grams); null when it cannot be read.
 */
export function parseCount(text: string, weighed: boolean): number | null {
  const value = text.trim();
  if (!weighed) return /^\d{1,7}$/.test(value) ? Number(value) : null;
  if (!/^\d{1,6}([.,]\d{1,3})?$/.test(value)) return null;
  return Math.round(Number(value.replace(",", ".")) * 1000);
}
