// Who may do what: the session's user as read from the database, and the role check every guard uses.
// No Next.js imports, so the workers and the tests can use it too.
import type { Executor } from "@/db/client";
import { findUserById, listStaffStoreIds } from "@/db/queries/users";
import type { User, UserRole } from "@/db/schema";

/** `storeIds`: the stores an agent works in (empty for everyone else; admins see every store). */
export type SessionUser = Pick<User, "id" | "email" | "name" | "role"> & { storeIds: number[] };

/** Everyone who works in the back office. */
export const STAFF_ROLES = ["agent", "marketing", "admin"] as const satisfies readonly UserRole[];

/** A staff session ends after this long without a request (shoppers' last 30 days). */
export const STAFF_IDLE_TIMEOUT_MS = 8 * 60 * 60_000;

/** What a session cookie carries besides the user's id. */
export type SessionClaims = { user?: { id?: string | null } | null; sessionVersion?: number; lastSeen?: number };

/** Whether a staff session has gone unused for too long; `lastSeen` in epoch seconds. */
export function isIdleStaffSession(role: UserRole | undefined, lastSeen: number | undefined, now: Date = new Date()): boolean {
  if (!role || !(STAFF_ROLES as readonly UserRole[]).includes(role)) return false;
  return lastSeen === undefined || now.getTime() - lastSeen * 1000 > STAFF_IDLE_TIMEOUT_MS;
}

export type AccessDecision = "allowed" | "unauthenticated" | "forbidden";

/** `roles` empty or absent: any signed-in user. */
export function checkAccess(user: SessionUser | null, roles: readonly UserRole[] = []): AccessDecision {
  if (!user) return "unauthenticated";
  if (roles.length > 0 && !roles.includes(user.role)) return "forbidden";
  return "allowed";
}

/** Whether `user` may see and act on a store's orders and stock: its agents, and admins. */
export function worksAtStore(user: SessionUser, storeId: number): boolean {
  return user.role === "admin" || (user.role === "agent" && user.storeIds.includes(storeId));
}

export class AccessDeniedError extends Error {
  constructor(readonly code: Exclude<AccessDecision, "allowed">) {
    super(code === "unauthenticated" ? "Please sign in to continue." : "You do not have access to this.");
    this.name = "AccessDeniedError";
  }
}

/**
 * The user a session belongs to, read afresh from the database: a role changed, an account deleted
 * or deactivated, or its sessions ended (sign-out, password reset: a new session version) since
 * the session cookie was issued takes effect at once.
 */
export async function loadSessionUser(db: Executor, session: SessionClaims | null): Promise<SessionUser | null> {
  const id = session?.user?.id;
  if (!id) return null;
  const user = await findUserById(db, id);
  if (!user || user.deactivatedAt || (session.sessionVersion ?? 0) !== user.sessionVersion) return null;
  const storeIds = user.role === "agent" ? await listStaffStoreIds(db, user.id) : [];
  return { id: user.id, email: user.email, name: user.name, role: user.role, storeIds };
}
