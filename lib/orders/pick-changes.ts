// What picking changed on an order, line by line, in the shopper's words: items missing in full or
// in part, substitutions (what instead, at what price), weighed items heavier or lighter than
// ordered. Pure, for the "picked" e-mail and the order pages.
import type { LinePickStatus, LineSubstitute, SellingMode } from "@/db/schema";
import { formatGrams, formatQuantity } from "@/lib/basket/pricing";
import { formatCents } from "@/lib/catalog/pricing";

export type PickedLine = {
  productName: string;
  sizeLabel: string;
  sellingMode: SellingMode;
  /** Ordered: items, or grams. */
  quantity: number;
  lineTotalCents: number;
  pickStatus: LinePickStatus | null;
  pickedQuantity: number | null;
  pickedTotalCents: number | null;
  substitute: LineSubstitute | null;
};

export type LineChange =
  | { kind: "missing"; line: PickedLine; found: number }
  | { kind: "substituted"; line: PickedLine; substitute: LineSubstitute; chargedCents: number }
  | { kind: "weight"; line: PickedLine; pickedGrams: number; heavier: boolean; chargedCents: number };

/** The changes, in line order; a line picked as ordered is no change. */
export function pickChanges(lines: PickedLine[]): LineChange[] {
  const changes: LineChange[] = [];
  for (const line of lines) {
    const picked = line.pickedQuantity ?? 0;
    const charged = line.pickedTotalCents ?? line.lineTotalCents;
    if (line.pickStatus === "substituted" && line.substitute) {
      changes.push({ kind: "substituted", line, substitute: line.substitute, chargedCents: charged });
    } else if (line.pickStatus === "missing" || (line.pickStatus === "picked" && line.sellingMode === "unit" && picked < line.quantity)) {
      changes.push({ kind: "missing", line, found: picked });
    } else if (line.pickStatus === "picked" && line.sellingMode === "weight" && picked !== line.quantity) {
      changes.push({ kind: "weight", line, pickedGrams: picked, heavier: picked > line.quantity, chargedCents: charged });
    }
  }
  return changes;
}

const nameOf = (item: { productName: string; sizeLabel: string }) => `${item.productName} (${item.sizeLabel})`;
/** "750 g", or "1 item" / "3 items". */
const amountOf = (item: { sellingMode: SellingMode }, quantity: number) =>
  item.sellingMode === "weight" ? formatQuantity(item, quantity) : `${quantity} ${quantity === 1 ? "item" : "items"}`;

/** One change as a sentence: "Comté (per kg): 862 g instead of 750 g, €11.12 instead of €9.68." */
export function describeChange(change: LineChange): string {
  const { line } = change;
  const estimate = formatCents(line.lineTotalCents);
  switch (change.kind) {
    case "missing":
      return change.found > 0
        ? `${nameOf(line)}: only ${formatQuantity(line, change.found)} of ${formatQuantity(line, line.quantity)} available, ${formatCents(line.pickedTotalCents ?? 0)} instead of ${estimate}.`
        : `${nameOf(line)}: not available, not charged (${estimate} less).`;
    case "substituted": {
      const s = change.substitute;
      return `${nameOf(line)}: replaced by ${nameOf(s)}, ${amountOf(s, s.quantity)}, ${formatCents(change.chargedCents)} (ordered: ${estimate}).`;
    }
    case "weight":
      return `${nameOf(line)}: ${formatGrams(change.pickedGrams)} instead of ${formatGrams(line.quantity)} (${change.heavier ? "heavier" : "lighter"}), ${formatCents(change.chargedCents)} instead of ${estimate}.`;
  }
}
