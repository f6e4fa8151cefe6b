// Whose basket a request works on: the signed-in shopper's, else the guest's from its httpOnly
// cookie. Creating a basket (and its cookie) happens only when something is added.
import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/db/client";
import { findShopperBasketId, getBasketForGuest, getOrCreateBasket, mergeGuestBasketIntoUser, type MergeResult } from "@/db/queries/baskets";
import { getDefaultStore, getStoreBySlug } from "@/db/queries/stores";
import type { Basket } from "@/db/schema";
import { getSessionUser } from "@/lib/auth/guards";
import { secureCookies } from "@/lib/env";
import { STORE_COOKIE } from "@/lib/storefront/paths";

export const BASKET_COOKIE = "halles_basket";
const THIRTY_DAYS = 60 * 60 * 24 * 30;

/** The current basket's id, or null when there is none yet; creates nothing. */
export async function currentBasketId(): Promise<string | null> {
  const user = await getSessionUser();
  if (user) return findShopperBasketId(getDb(), user.id);
  const cookie = (await cookies()).get(BASKET_COOKIE)?.value;
  const guest = cookie ? await getBasketForGuest(getDb(), cookie) : null;
  return guest?.id ?? null;
}

/** The current basket, created at the shopper's chosen store when missing (a guest gets the cookie). */
export async function basketForWriting(): Promise<Basket> {
  const jar = await cookies();
  const user = await getSessionUser();
  const chosen = jar.get(STORE_COOKIE)?.value;
  const store = (chosen ? await getStoreBySlug(getDb(), chosen) : null) ?? (await getDefaultStore(getDb()));
  if (!store) throw new Error("No store is set up.");
  const basket = await getOrCreateBasket(getDb(), { userId: user?.id, basketId: jar.get(BASKET_COOKIE)?.value, storeId: store.id });
  if (!user) jar.set(BASKET_COOKIE, basket.id, { path: "/", maxAge: THIRTY_DAYS, sameSite: "lax", httpOnly: true, secure: secureCookies() });
  return basket;
}

/** Right after signing in or up: the guest basket joins the account's, and its cookie goes. */
export async function adoptGuestBasket(userId: string): Promise<MergeResult | null> {
  const jar = await cookies();
  const guestId = jar.get(BASKET_COOKIE)?.value;
  if (!guestId) return null;
  jar.delete(BASKET_COOKIE);
  return mergeGuestBasketIntoUser(getDb(), guestId, userId);
}
