// GET /api/storefront/basket: the header's basket count and total, for guests (cookie) and
// shoppers alike. Private and never cached: the pages around it are shared and cached.
import { getDb } from "@/db/client";
import { basketSummary } from "@/db/queries/baskets";
import { apiHandler } from "@/lib/api/handler";
import { currentBasketId } from "@/lib/basket/session";

export const GET = apiHandler(async () => {
  const basketId = await currentBasketId();
  const summary = basketId ? await basketSummary(getDb(), basketId) : { lines: 0, subtotalCents: 0 };
  return Response.json({ data: { lines: summary.lines, subtotal: { amount: summary.subtotalCents, currency: "EUR" } } });
}, { personal: true });
