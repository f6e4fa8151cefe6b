// The caller of a v1 route handler: the Auth.js session's user, re-read from the database.
// No "server-only" here (unlike lib/auth/guards.ts), so the integration tests can import it.
import { auth } from "@/auth";
import { getDb } from "@/db/client";
import { loadSessionUser, type SessionUser } from "@/lib/auth/access";
import { ApiError } from "./errors";

/** The signed-in user, whatever their role (staff shop too); 401 with the error body when signed out. */
export async function requireApiUser(): Promise<SessionUser> {
  const user = await loadSessionUser(getDb(), await auth());
  if (!user) throw new ApiError("unauthorized", "Sign in to use this endpoint.");
  return user;
}
