// The wrapper every back-office server action goes through: session → role → store → zod →
// handler. Each action carries its access rule (roles, and which store it acts on), so that
// lib/auth/staff-actions.int.test.ts can find every action and check it refuses whom it must.
// A store the agent does not work in, or an order of such a store, is answered as not found,
// before the rest of the form is read.
import { cookies, headers } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { findOrderStoreId, getStoreBySlug } from "@/db/queries/stores";
import type { Store, UserRole } from "@/db/schema";
import { actionUser, parseAndRun, UNREADABLE_FORM, type ActionState } from "@/lib/actions";
import { worksAtStore, type SessionUser } from "@/lib/auth/access";
import { secureCookies } from "@/lib/env";
import { encodeFormFlash, FORM_FLASH_COOKIE, FORM_FLASH_MAX_AGE, returnPathFrom, takeFormKey } from "./form-flash";

/**
 * The form field naming the store (its slug) for `scope: "store"`, and the order (its id) for
 * `scope: "order"`; route handlers take them from their path's `[store]` and `[orderId]` segments.
 */
export const STORE_FIELD = "store";
export const ORDER_FIELD = "orderId";

export type BackOfficeAccess = {
  /** Roles allowed to run the action (STORE_ROLES, ADMIN_ROLES from ./access). */
  roles: readonly UserRole[];
  /** What the action acts on: a store (form field `store`), an order (`orderId`), or neither (staff accounts). */
  scope: "store" | "order" | "none";
};

/** Where a scoped action acts: the store, and the order when the scope is an order. */
export type ActionPlace = { storeId: number; store?: Store; orderId?: string };

/** What an agent is told about another store's order or stock: the same as for one that does not exist. */
export const NOT_FOUND_ANSWER: ActionState = { ok: false, message: "Not found." };

type FormAction = (prev: ActionState, formData: FormData) => Promise<ActionState>;

const ACCESS = Symbol.for("halles.backOfficeAccess");

/** The access rule a back-office action was declared with, or undefined for a function that has none. */
export function accessOf(action: unknown): BackOfficeAccess | undefined {
  return typeof action === "function" ? (action as { [ACCESS]?: BackOfficeAccess })[ACCESS] : undefined;
}

/** The store (slug) or order (id) an action or route names, if `user` works there; null otherwise (unknown ones too). */
export async function resolvePlace(user: SessionUser, scope: BackOfficeAccess["scope"], named: unknown): Promise<ActionPlace | null> {
  if (scope === "none") return { storeId: 0 };
  if (typeof named !== "string" || named.length === 0 || named.length > 100) return null;
  if (scope === "store") {
    const store = await getStoreBySlug(getDb(), named);
    return store && worksAtStore(user, store.id) ? { storeId: store.id, store } : null;
  }
  const storeId = await findOrderStoreId(getDb(), named);
  return storeId !== null && worksAtStore(user, storeId) ? { storeId, orderId: named } : null;
}

/** Marks a back-office action or route handler with its access rule (see accessOf). */
export function withAccess<F extends (...args: never[]) => unknown>(fn: F, access: BackOfficeAccess): F {
  return Object.defineProperty(fn, ACCESS, { value: Object.freeze({ ...access }) });
}

/**
 * A back-office action: signed-out people are sent to sign in, other roles are refused, an agent
 * naming a store or order outside their stores gets NOT_FOUND_ANSWER, then the form is validated.
 * For `scope: "none"`, `place.storeId` is 0 and means nothing.
 */
export function backOfficeAction<S extends z.ZodType>(
  access: BackOfficeAccess,
  schema: S,
  handler: (data: z.infer<S>, user: SessionUser, place: ActionPlace) => Promise<ActionState | void>,
): FormAction {
  const action: FormAction = async (_prev, formData) => {
    const allowed = await actionUser({ role: access.roles, returnTo: "/admin" });
    if ("refused" in allowed) return allowed.refused;
    if (!(formData instanceof FormData)) return UNREADABLE_FORM;
    const place = await resolvePlace(allowed.user, access.scope, formData.get(access.scope === "store" ? STORE_FIELD : ORDER_FIELD));
    if (!place) return NOT_FOUND_ANSWER;
    const form = takeFormKey(formData);
    const state = await parseAndRun(schema, formData, (data) => handler(data, allowed.user, place));
    if (form) await answerWithoutJs(form, state);
    return state;
  };
  return withAccess(action, access);
}

/**
 * A form posted without JavaScript (no `Next-Action` header: React posted it as a plain form) gets
 * its answer as a 303 back to the page it came from, with the state in a cookie for that page's
 * form (lib/backoffice/form-flash.ts): Next.js would answer it with a blank page. With
 * JavaScript, and when called outside a request (tests), this does nothing.
 */
async function answerWithoutJs(form: string, state: ActionState): Promise<void> {
  let request: Headers;
  try {
    request = await headers();
  } catch {
    return;
  }
  if (request.has("next-action")) return;
  (await cookies()).set(FORM_FLASH_COOKIE, encodeFormFlash(form, state), {
    httpOnly: true,
    sameSite: "lax",
    path: "/admin",
    maxAge: FORM_FLASH_MAX_AGE,
    secure: secureCookies(),
  });
  redirect(returnPathFrom(request.get("referer"), request.get("x-forwarded-host") ?? request.get("host")), RedirectType.push);
}
