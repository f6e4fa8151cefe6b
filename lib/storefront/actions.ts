"use server";
// Storefront actions that need no account.
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { changeBasketStore } from "@/db/queries/baskets";
import { getStoreBySlug } from "@/db/queries/stores";
import { validatedAction } from "@/lib/actions";
import { secureCookies } from "@/lib/env";
import { currentBasketId } from "@/lib/basket/session";
import { STORE_COOKIE } from "./paths";

const ONE_YEAR = 60 * 60 * 24 * 365;

export const chooseStore = validatedAction(z.object({ store: z.string().min(1).max(80) }), async ({ store }) => {
  const found = await getStoreBySlug(getDb(), store);
  if (!found) return { ok: false, message: "That store does not exist any more. Please choose another one." };
  (await cookies()).set(STORE_COOKIE, found.slug, { path: "/", maxAge: ONE_YEAR, sameSite: "lax", httpOnly: true, secure: secureCookies() });
  // The basket follows: its lines stay, checked against the new store's stock.
  const basketId = await currentBasketId();
  if (basketId) await changeBasketStore(getDb(), basketId, found.id);
  redirect("/");
});
