"use server";
// Basket changes from the storefront's forms. With JavaScript the form stays where it is and the
// header refreshes; without it (no `js` field) the browser is sent to the basket page, which
// says what happened. Quantities and prices are checked on the server (db/queries/baskets.ts).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { addToBasketLine, applyBasketCode, BasketError, setBasketLine } from "@/db/queries/baskets";
import { setBasketPromotionCode } from "@/db/queries/promotions";
import { codeRefusalMessage, normalizeCode } from "@/lib/promotions/codes";
import { validatedAction, type ActionState } from "@/lib/actions";
import { INT4_MAX } from "@/lib/ids";
import { basketForWriting, currentBasketId } from "./session";

const line = {
  variantId: z.coerce.number({ error: "Unknown product." }).int("Unknown product.").positive("Unknown product.").max(INT4_MAX, "Unknown product."),
  // Any number here: the quantity rules of the variant (steps, whole items, limits) decide.
  quantity: z.coerce.number({ error: "Choose a quantity." }).refine(Number.isFinite, "Choose a quantity."),
  js: z.literal("1").optional(),
};

export type BasketNotice = "added" | "updated" | BasketError["code"];

/** Where a browser without JavaScript lands: the basket page, told what happened. */
function basketPage(notice: BasketNotice, variantId: number): never {
  redirect(`/basket?notice=${notice}&variant=${variantId}`);
}

async function change(js: boolean, variantId: number, notice: "added" | "updated", apply: () => Promise<void>): Promise<ActionState> {
  try {
    await apply();
  } catch (error) {
    if (!(error instanceof BasketError)) throw error;
    if (!js) basketPage(error.code, variantId);
    return { ok: false, message: error.message, errors: { quantity: [error.message] } };
  }
  if (!js) basketPage(notice, variantId);
  refresh();
  return { ok: true, message: notice === "added" ? "Added to your basket." : "Basket updated." };
}

/** Adds to what the basket already holds of this product. */
export const addToBasket = validatedAction(z.object(line), async ({ variantId, quantity, js }) =>
  change(js === "1", variantId, "added", async () => {
    if (!(quantity > 0)) throw new BasketError("invalid_quantity", "Choose a quantity above zero.");
    const basket = await basketForWriting();
    await addToBasketLine(getDb(), { basketId: basket.id, variantId, quantity });
  }),
);

/** Sets a line's quantity; 0 removes it. */
export const updateBasketLine = validatedAction(z.object(line), async ({ variantId, quantity, js }) =>
  change(js === "1", variantId, "updated", async () => {
    const basketId = await currentBasketId();
    if (!basketId) throw new BasketError("basket_not_found", "Your basket is empty.");
    await setBasketLine(getDb(), { basketId, variantId, quantity });
  }),
);

const promotionCodeForm = z.object({
  intent: z.enum(["apply", "remove"]).default("apply"),
  code: z.string().trim().max(40, "A code has at most 40 characters.").optional().default(""),
  js: z.literal("1").optional(),
});

/**
 * Puts a promotion code on the basket, or takes it off. A code that cannot apply is refused and not
 * kept, except one waiting for a bigger basket: that one stays, and the basket says how much is missing.
 */
export const applyPromotionCode = validatedAction(promotionCodeForm, async ({ intent, code: typed, js }): Promise<ActionState> => {
  const basketId = await currentBasketId();
  if (!basketId) return { ok: false, message: "Your basket is empty.", errors: { code: ["Add something to your basket first."] } };
  const db = getDb();
  if (intent === "remove") {
    await setBasketPromotionCode(db, basketId, null);
    if (js === "1") refresh();
    return { ok: true, message: "Code removed." };
  }
  const code = normalizeCode(typed);
  if (!code) return { ok: false, message: "Enter a code.", errors: { code: ["Enter a code."] } };
  const refusal = await applyBasketCode(db, basketId, code);
  if (js === "1") refresh();
  if (refusal === null) return { ok: true, message: `Code ${code} applied.` };
  const message = codeRefusalMessage(refusal, code);
  return { ok: false, message, errors: { code: [message] } };
});
