// Access for back-office pages that name a store or a staff account: checked on the server by the
// page itself (and first by its generateMetadata, so that a 404 is a real HTTP 404). Roles that may
// not use the page see "Staff only"; a store the agent does not work in is not found.
import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/db/client";
import { findOrder } from "@/db/queries/orders";
import { getStoreBySlug } from "@/db/queries/stores";
import type { Order, Store, UserRole } from "@/db/schema";
import { worksAtStore, type SessionUser } from "@/lib/auth/access";
import { authorizePage } from "@/lib/auth/guards";
import { UUID_PATTERN } from "@/lib/ids";
import { STORE_ROLES } from "./access";

export type PageAccess<T> = { allowed: false; user: SessionUser } | ({ allowed: true; user: SessionUser } & T);

/** The signed-in user if they have one of `roles`, then what `load` finds for them (not found: 404). */
export async function pageAccess<T>(roles: readonly UserRole[], returnTo: string, load: (user: SessionUser) => Promise<T | null>): Promise<PageAccess<T>> {
  await connection();
  const access = await authorizePage(roles, returnTo);
  if (!access.allowed) return { allowed: false, user: access.user };
  const found = await load(access.user);
  if (!found) notFound();
  return { allowed: true, user: access.user, ...found };
}

/** A store page (orders, stock) for agents of that store and admins; once per request. */
export const storePageAccess = cache((slug: string, returnTo: string): Promise<PageAccess<{ store: Store }>> =>
  pageAccess(STORE_ROLES, returnTo, async (user) => {
    const store = await getStoreBySlug(getDb(), slug);
    return store && worksAtStore(user, store.id) ? { store } : null;
  }),
);

/** An order page (order, picking) for agents of the order's store and admins; once per request. */
export const orderPageAccess = cache((id: string, returnTo: string): Promise<PageAccess<{ order: Order }>> =>
  pageAccess(STORE_ROLES, returnTo, async (user) => {
    const order = UUID_PATTERN.test(id) ? await findOrder(getDb(), id) : null;
    return order && worksAtStore(user, order.storeId) ? { order } : null;
  }),
);
