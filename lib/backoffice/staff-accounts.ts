// Admins' work on staff accounts: create (the new member chooses a password from an e-mailed
// link), edit name, role and stores, deactivate and reactivate. Each change is recorded in the
// audit log in its own transaction. No Next.js imports: the server actions and the tests call these.
import type { Database } from "@/db/client";
import { createEmailToken } from "@/db/queries/email-tokens";
import { recordStaffAction } from "@/db/queries/staff-actions";
import { lockStaffMember, updateStaffUser, type StaffMember } from "@/db/queries/staff-accounts";
import { createUser, endAllSessions, setStaffStores, UserQueryError } from "@/db/queries/users";
import type { UserRole } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { enqueueAccountEmail } from "@/lib/jobs/queue";

/** Roles an admin can give: staff only (shoppers sign themselves up). */
export const STAFF_ACCOUNT_ROLES = ["agent", "marketing", "admin"] as const satisfies readonly UserRole[];
export type StaffAccountRole = (typeof STAFF_ACCOUNT_ROLES)[number];

/** How long a new account's "choose your password" link works. */
export const STAFF_INVITE_TTL_MS = 3 * 24 * 60 * 60_000;

/**
 * What a new account holds until its owner chooses a password: not a hash, so no password
 * matches it (lib/auth/password.ts refuses anything not in its format).
 */
export const NO_PASSWORD_YET = "!no-password-yet";

export type StaffInput = { name: string; role: StaffAccountRole; storeIds: number[] };

export type StaffChangeResult =
  | { ok: true; member: StaffMember }
  | { ok: false; code: "email_taken" | "not_found" | "own_account" };

/** Only agents work in particular stores; other roles' stores are cleared. */
const storesFor = (input: StaffInput) => (input.role === "agent" ? [...new Set(input.storeIds)].sort((a, b) => a - b) : []);

export async function createStaffAccount(db: Database, admin: SessionUser, input: StaffInput & { email: string }): Promise<StaffChangeResult> {
  try {
    return await db.transaction(async (tx) => {
      const user = await createUser(tx, { email: input.email, name: input.name, role: input.role, passwordHash: NO_PASSWORD_YET, verified: true });
      const storeIds = storesFor(input);
      await setStaffStores(tx, user.id, storeIds);
      const token = await createEmailToken(tx, user.id, "reset_password", new Date(), STAFF_INVITE_TTL_MS);
      await enqueueAccountEmail(tx, { userId: user.id, kind: "staff-invite", token });
      await recordStaffAction(tx, { staffId: admin.id, action: "staff.create", subjectUserId: user.id, data: { email: user.email, role: user.role, storeIds } });
      return { ok: true, member: (await lockStaffMember(tx, user.id))! };
    });
  } catch (error) {
    if (error instanceof UserQueryError && error.code === "email_taken") return { ok: false, code: "email_taken" };
    throw error;
  }
}

/** Name, role and stores; an admin cannot change their own role (nor lock themselves out). */
export async function updateStaffAccount(db: Database, admin: SessionUser, id: string, input: StaffInput): Promise<StaffChangeResult> {
  return db.transaction(async (tx) => {
    const before = await lockStaffMember(tx, id);
    if (!before) return { ok: false, code: "not_found" };
    if (before.id === admin.id && input.role !== before.role) return { ok: false, code: "own_account" };
    const storeIds = storesFor(input);
    await updateStaffUser(tx, id, { name: input.name.trim(), role: input.role });
    await setStaffStores(tx, id, storeIds);
    const after = (await lockStaffMember(tx, id))!;
    await recordStaffAction(tx, {
      staffId: admin.id,
      action: "staff.update",
      subjectUserId: id,
      data: { before: { name: before.name, role: before.role, storeIds: before.storeIds }, after: { name: after.name, role: after.role, storeIds: after.storeIds } },
    });
    return { ok: true, member: after };
  });
}

/**
 * Deactivates (every session ends: refused at its next request) or reactivates an account. Doing
 * it again changes nothing and records nothing. An admin cannot deactivate themselves.
 */
export async function setStaffActive(db: Database, admin: SessionUser, id: string, active: boolean): Promise<StaffChangeResult> {
  return db.transaction(async (tx) => {
    const member = await lockStaffMember(tx, id);
    if (!member) return { ok: false, code: "not_found" };
    if (member.id === admin.id) return { ok: false, code: "own_account" };
    if ((member.deactivatedAt === null) === active) return { ok: true, member };
    await updateStaffUser(tx, id, { deactivatedAt: active ? null : new Date() });
    if (!active) await endAllSessions(tx, id);
    await recordStaffAction(tx, { staffId: admin.id, action: active ? "staff.reactivate" : "staff.deactivate", subjectUserId: id });
    return { ok: true, member: (await lockStaffMember(tx, id))! };
  });
}
