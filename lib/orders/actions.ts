"use server";
// The shopper's actions on their own orders: pay a pending order (back to its Checkout Session)
// and cancel before picking. Both go through lib/actions.ts and always end in a redirect (the
// order page explains the outcome), so plain forms work the same with or without JavaScript and
// render without waiting. The order is looked up with the shopper's id: another's reads as unknown.
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cancelOrderByShopper } from "@/db/queries/shopper-cancellation";
import { getShopperOrder } from "@/db/queries/shopper-orders";
import { validatedActionWithUser } from "@/lib/actions";
import { openCheckoutSession } from "@/lib/checkout/start-checkout";
import { publicUrl } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getStripe } from "@/lib/payments/stripe";

const orderForm = z.object({ orderId: z.string().uuid("We could not find this order.") });

const orderPath = (orderId: string) => `/account/orders/${orderId}`;

const payOrderAction = validatedActionWithUser({ role: [], returnTo: "/account/orders" }, orderForm, async ({ orderId }, user) => {
  const detail = await getShopperOrder(getDb(), user.id, orderId);
  if (!detail) return { ok: false, message: "Unknown order." };
  const { order } = detail;
  // Paid or cancelled meanwhile: the page shows what happened.
  if (order.status !== "pending_payment") redirect(orderPath(orderId));
  if (order.expiresAt <= new Date()) redirect(`${orderPath(orderId)}?pay=expired`);
  let url: string;
  try {
    // Idempotent per order: the order's Checkout Session is found again.
    url = await openCheckoutSession(getDb(), getStripe(), order, publicUrl());
  } catch (error) {
    logger.error({ err: error, orderId }, "could not reopen a Checkout Session");
    redirect(`${orderPath(orderId)}?pay=unavailable`);
  }
  redirect(url);
});

const cancelOrderAction = validatedActionWithUser({ role: [], returnTo: "/account/orders" }, orderForm, async ({ orderId }, user) => {
  const result = await cancelOrderByShopper(getDb(), user.id, orderId);
  if (!result.ok && result.code === "not_found") return { ok: false, message: "Unknown order." };
  // Picking has started meanwhile: the page says so, with the order's current status.
  if (!result.ok) redirect(`${orderPath(orderId)}?cancel=refused`);
  redirect(`${orderPath(orderId)}?cancelled=1`);
});

/** "Pay now": to the order's Stripe payment page, or back to the order saying why not. */
export async function payOrder(formData: FormData): Promise<void> {
  await payOrderAction({}, formData);
  redirect("/account/orders");
}

/** "Yes, cancel order": back to the order, cancelled, or saying why it cannot be. */
export async function cancelOrder(formData: FormData): Promise<void> {
  await cancelOrderAction({}, formData);
  redirect("/account/orders");
}
