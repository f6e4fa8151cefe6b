// What back-office pages load before they render anything: the signed-in staff member with a role
// allowed here, and the store or order they asked for if they work there. Anything else is a 404,
// raised from generateMetadata (resolved before the first byte), so it is a real HTTP answer.
import "server-only";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getStoreBySlug } from "@/db/queries/stores";
import { findOrder } from "@/db/queries/orders";
import type { Order, Store, UserRole } from "@/db/schema";
import { worksAtStore, type SessionUser } from "@/lib/auth/access";
import { authorizePage } from "@/lib/auth/guards";
import { UUID_PATTERN } from "@/lib/ids";
import { STORE_ROLES } from "./access";

/** The staff member, if their role is one of `roles`; signed out: sign-in; other roles: 404. */
export async function staffWithRole(roles: readonly UserRole[], returnTo: string): Promise<SessionUser> {
  await connection();
  const access = await authorizePage(roles, returnTo);
  if (!access.allowed) notFound();
  return access.user;
}

/** A store the staff member works at (agents: theirs; admins: any). */
export const loadStaffStore = cache(async (slug: string): Promise<{ user: SessionUser; store: Store }> => {
  const user = await staffWithRole(STORE_ROLES, `/admin/stores/${slug}/orders`);
  const store = await getStoreBySlug(getDb(), slug);
  if (!store || !worksAtStore(user, store.id)) notFound();
  return { user, store };
});

/** An order of a store the staff member works at. */
export const loadStaffOrder = cache(async (id: string): Promise<{ user: SessionUser; order: Order }> => {
  const user = await staffWithRole(STORE_ROLES, `/admin/orders/${id}`);
  const order = UUID_PATTERN.test(id) ? await findOrder(getDb(), id) : null;
  if (!order || !worksAtStore(user, order.storeId)) notFound();
  return { user, order };
});
