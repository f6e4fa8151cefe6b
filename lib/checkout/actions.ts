"use server";
// "Place order and pay" from the checkout page: validated here, priced and locked in
// db/queries/checkout.ts, then off to the payment page. Refusals keep the basket and what was typed.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { findShopperBasketId } from "@/db/queries/baskets";
import { placeOrderErrorMessage } from "@/db/queries/checkout";
import { validatedActionWithUser, type ActionState } from "@/lib/actions";
import { publicUrl } from "@/lib/env";
import { getStripe } from "@/lib/payments/stripe";
import { requestClientAddress } from "@/lib/http/request-address";
import { isIntId } from "@/lib/ids";
import { startCheckoutErrorMessage } from "./messages";
import { startCheckout, type StartCheckoutError } from "./start-checkout";

const text = (max: number, missing: string) => z.string().trim().max(max, `Use at most ${max} characters.`).min(1, missing);

const schema = z
  .looseObject({
    fulfilment: z.enum(["delivery", "collection"], { error: "Choose home delivery or click & collect." }),
    // One radio group per kind, so that switching kinds never submits a slot of the other kind.
    deliverySlotId: z.string().optional(),
    collectionSlotId: z.string().optional(),
    recipient: z.string().optional(),
    street: z.string().optional(),
    postcode: z.string().optional(),
    city: z.string().optional(),
    phone: z.string().trim().regex(/^(\+?[0-9 ().-]{6,20})?$/, "Enter a phone number, like +33 6 12 34 56 78, or leave it empty.").optional(),
  })
  .transform((data) => ({ ...data, slotId: Number((data.fulfilment === "delivery" ? data.deliverySlotId : data.collectionSlotId) ?? NaN) }))
  .superRefine((data, ctx) => {
    if (!isIntId(data.slotId)) ctx.addIssue({ code: "custom", path: ["slotId"], message: "Choose a slot." });
    if (data.fulfilment !== "delivery") return;
    const required = {
      recipient: text(100, "Enter who receives the delivery."),
      street: text(200, "Enter the street and number."),
      postcode: z.string().trim().regex(/^[0-9A-Za-z -]{3,10}$/, "Enter a valid postcode, like 69003."),
      city: text(100, "Enter the city."),
    };
    for (const [field, rule] of Object.entries(required)) {
      const result = rule.safeParse(data[field as keyof typeof required] ?? "");
      if (!result.success) ctx.addIssue({ code: "custom", path: [field], message: result.error.issues[0].message });
    }
  });

/** `sub_<variantId>` fields: "allow" or "refuse"; anything else is ignored. */
function substitutions(data: Record<string, unknown>): Record<number, "allow" | "refuse"> {
  const choices: Record<number, "allow" | "refuse"> = {};
  for (const [key, value] of Object.entries(data)) {
    const match = /^sub_([1-9][0-9]{0,9})$/.exec(key);
    if (match && (value === "allow" || value === "refuse")) choices[Number(match[1])] = value;
  }
  return choices;
}

/** The form field a refusal concerns, so that the message shows next to it. */
function fieldErrors(error: StartCheckoutError, message: string): ActionState["errors"] {
  switch (error.code) {
    case "slot_full":
    case "slot_invalid":
      return { slotId: [message] };
    case "postcode_not_covered":
      return { postcode: [message] };
    case "address_required":
      return { street: [message] };
    default:
      return undefined;
  }
}

export const placeOrderAndPay = validatedActionWithUser({ role: [], returnTo: "/checkout" }, schema, async (data, user) => {
  const basketId = await findShopperBasketId(getDb(), user.id);
  if (!basketId) return { ok: false, message: placeOrderErrorMessage({ code: "empty_basket" }) };
  const result = await startCheckout(getDb(), getStripe(), {
    userId: user.id,
    basketId,
    fulfilment: data.fulfilment,
    slotId: data.slotId,
    address:
      data.fulfilment === "delivery"
        ? { recipient: data.recipient!, street: data.street!, postcode: data.postcode!.toUpperCase(), city: data.city!, phone: data.phone || null }
        : undefined,
    substitutions: substitutions(data),
    contactEmail: user.email,
    publicUrl: publicUrl(),
    rateLimit: { clientAddress: await requestClientAddress() },
  });
  if (!result.ok) {
    const message = startCheckoutErrorMessage(result.error);
    return { ok: false, message, errors: fieldErrors(result.error, message) };
  }
  redirect(result.paymentUrl);
});
