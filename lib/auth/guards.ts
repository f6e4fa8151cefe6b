// Server-side guards for pages, server actions and route handlers. Every protected read or write
// calls one of these; layouts and navigation are never the only check.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { AccessDeniedError, checkAccess, loadSessionUser, type SessionUser } from "./access";
import { safeNextPath } from "./safe-path";

/** The signed-in user, or null; read once per request. Call it after `await connection()`. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => loadSessionUser(getDb(), await auth()));

export function signInPath(returnTo: string): string {
  return `/sign-in?next=${encodeURIComponent(safeNextPath(returnTo))}`;
}

/**
 * The signed-in user with one of `roles` (any role when empty). Signed out: redirects to sign-in
 * (pages and server actions), coming back to `returnTo`. Wrong role: throws AccessDeniedError
 * ("forbidden"), which the action wrapper answers with a message.
 */
export async function requireRole(roles: readonly UserRole[], options: { returnTo?: string } = {}): Promise<SessionUser> {
  const user = await getSessionUser();
  const decision = checkAccess(user, roles);
  if (decision === "unauthenticated") redirect(signInPath(options.returnTo ?? "/account"));
  if (decision === "forbidden") throw new AccessDeniedError("forbidden");
  return user!;
}

/** The signed-in user, whatever their role; signed out: redirects to sign-in. */
export function requireUser(options: { returnTo?: string } = {}): Promise<SessionUser> {
  return requireRole([], options);
}

/**
 * For pages that show their own 403: redirects signed-out visitors to sign-in, and tells whether
 * the signed-in user has one of `roles`.
 */
export async function authorizePage(
  roles: readonly UserRole[],
  returnTo: string,
): Promise<{ allowed: true; user: SessionUser } | { allowed: false; user: SessionUser }> {
  const user = await getSessionUser();
  const decision = checkAccess(user, roles);
  if (decision === "unauthenticated") redirect(signInPath(returnTo));
  return { allowed: decision === "allowed", user: user! };
}
