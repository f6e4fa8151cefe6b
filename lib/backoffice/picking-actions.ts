"use server";
// The agents' picking actions: claim an order, settle a line (picked, missing, substituted, or
// back to "to pick"), finish the pick, hand the order over. Each goes through backOfficeAction
// (session → role → the order's store → zod), then db/queries/picking.ts checks the store and the
// picker again under the order's row lock. Answers are messages for the form; the page is rendered afresh on success.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { claimOrder, finishPicking, handOverOrder, settleOrderLine, type LineOutcomeInput, type PickingRefusal } from "@/db/queries/picking";
import type { ActionState } from "@/lib/actions";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";
import { STORE_ROLES } from "./access";
import { backOfficeAction } from "./action";

const orderId = z.uuid("We could not find this order.");
const orderForm = z.object({ orderId });
const access = { roles: STORE_ROLES, scope: "order" } as const;

/** A refusal from db/queries/picking.ts in the agent's words. */
function refusalState(refusal: PickingRefusal): ActionState {
  switch (refusal.code) {
    case "not_found":
      return { ok: false, message: "This order does not exist, or is not one of your store's." };
    case "taken":
      return { ok: false, message: `${refusal.pickerName} is picking this order.` };
    case "wrong_status":
      return { ok: false, message: `This order is ${ORDER_STATUS_LABELS[refusal.status].toLowerCase()}: it cannot be changed here.` };
    case "unsettled":
      return { ok: false, message: `${refusal.count} ${refusal.count === 1 ? "item is" : "items are"} still to pick.` };
    case "invalid":
      return { ok: false, message: refusal.message, errors: refusal.field ? { [refusal.field]: [refusal.message] } : undefined };
  }
}

export const claimOrderAction = backOfficeAction(access, orderForm, async ({ orderId }, user) => {
  const result = await getDb().transaction((tx) => claimOrder(tx, orderId, user));
  if (!result.ok) return refusalState(result);
  redirect(`/admin/orders/${orderId}/pick`);
});

const quantity = z.coerce.number({ error: "Enter a number." }).int("Enter a whole number.").min(0, "Enter a number of 0 or more.").max(1_000_000, "That is too much.");

const lineForm = z.discriminatedUnion("outcome", [
  z.object({ orderId, lineId: z.uuid(), outcome: z.literal("picked"), quantity: quantity.min(1, "Enter how much you picked.") }),
  z.object({ orderId, lineId: z.uuid(), outcome: z.literal("missing"), found: quantity }),
  z.object({ orderId, lineId: z.uuid(), outcome: z.literal("substituted"), variantId: z.coerce.number().int().positive("Choose a substitute."), quantity: quantity.min(1, "Enter how many.") }),
  z.object({ orderId, lineId: z.uuid(), outcome: z.literal("reset") }),
]);

export const settleLineAction = backOfficeAction(access, lineForm, async (form, user) => {
  const outcome: LineOutcomeInput =
    form.outcome === "picked"
      ? { kind: "picked", quantity: form.quantity }
      : form.outcome === "missing"
        ? { kind: "missing", found: form.found }
        : form.outcome === "substituted"
          ? { kind: "substituted", variantId: form.variantId, quantity: form.quantity }
          : { kind: "reset" };
  const result = await getDb().transaction((tx) => settleOrderLine(tx, { orderId: form.orderId, lineId: form.lineId, outcome, staff: user }));
  if (!result.ok) return refusalState(result);
  refresh();
  return { ok: true, message: "Saved." };
});

export const finishPickingAction = backOfficeAction(access, orderForm, async ({ orderId }, user) => {
  const result = await getDb().transaction((tx) => finishPicking(tx, orderId, user));
  if (!result.ok) return refusalState(result);
  redirect(`/admin/orders/${orderId}?picked=1`);
});

export const handOverAction = backOfficeAction(access, orderForm, async ({ orderId }, user) => {
  const result = await getDb().transaction((tx) => handOverOrder(tx, orderId, user));
  if (!result.ok) return refusalState(result);
  refresh();
  return { ok: true, message: "Handed over: the order is completed." };
});
