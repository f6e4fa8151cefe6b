// The caller of a v1 route handler: the Auth.js session's user, re-read from the database.
// No "server-only" here (unlike lib/auth/guards.ts), so the integration tests can import it.
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { checkAccess, loadSessionUser, type SessionUser } from "@/lib/auth/access";
import { ApiError } from "./errors";

/** The signed-in user, whatever their role (staff shop too); 401 with the error body when signed out. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await loadSessionUser(getDb(), await auth());
  if (!user) throw new ApiError("unauthorized", "Sign in to use this endpoint.");
  return user;
}

/** The signed-in user with one of `roles`: 401 when signed out, 403 for another role, with the error body. */
export async function requireApiRole(roles: readonly UserRole[]): Promise<SessionUser> {
  const user = await requireApiUser();
  if (checkAccess(user, roles) === "forbidden") throw new ApiError("forbidden", "Your account may not use this endpoint.");
  return user;
}
