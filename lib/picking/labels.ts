// A settled line in words, the same for the shopper, the agent and the e-mail.
import type { OrderLine } from "@/db/schema";
import { formatQuantity } from "@/lib/basket/pricing";

export function pickOutcomeText(line: Pick<OrderLine, "pickStatus" | "pickedQuantity" | "sellingMode" | "quantity" | "substitute">): string {
  const found = line.pickedQuantity ?? 0;
  switch (line.pickStatus) {
    case "picked":
      return line.sellingMode === "weight" ? `Picked ${formatQuantity(line, found)}` : `Picked ${found}`;
    case "missing":
      return found === 0 ? "Out of stock, not charged" : `Only ${formatQuantity(line, found)} of ${formatQuantity(line, line.quantity)} found`;
    case "substituted": {
      const s = line.substitute!;
      return `Replaced by ${s.productName} (${s.sizeLabel}) × ${formatQuantity(s, s.quantity)}`;
    }
    default:
      return "To pick";
  }
}
