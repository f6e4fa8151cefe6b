// Creating an account and recovering one, without telling anyone whether an e-mail address has an
// account: every request gets the same answer, and the e-mail's owner gets a mail — a link to
// confirm a new account, or, when there already is one, a link to choose a new password. No
// Next.js imports: the server actions (lib/auth/actions.ts), Auth.js and the tests call these.
import type { Database, Executor } from "@/db/client";
import { consumeEmailToken, createEmailToken } from "@/db/queries/email-tokens";
import { hitRateLimits } from "@/db/queries/rate-limits";
import { createUser, endAllSessions, findUserByEmail, findUserById, lockEmail, normalizeEmail } from "@/db/queries/users";
import { users, type User } from "@/db/schema";
import { enqueueAccountEmail } from "@/lib/jobs/queue";
import { LIMITS } from "@/lib/limits/policies";
import { eq, sql } from "drizzle-orm";
import { HashingBusyError } from "./hashing-slots";
import { hashPassword } from "./password";
import { safeNextPath } from "./safe-path";

export type AccountRequestResult = { ok: true } | { ok: false; reason: "throttled"; retryAfterMinutes: number } | { ok: false; reason: "busy" };

type Context = { clientAddress: string | null; now?: Date };

async function limited(db: Executor, addressLimit: (typeof LIMITS)[keyof typeof LIMITS], globalLimit: (typeof LIMITS)[keyof typeof LIMITS] | null, email: string, context: Context) {
  return hitRateLimits(
    db,
    [[addressLimit, context.clientAddress ?? "unknown"], ...(globalLimit ? [[globalLimit, "all"] as const] : []), [LIMITS.accountEmailsPerEmail, email]],
    context.now,
  );
}

/** Hashes a password, or says the server is too busy to. */
async function hashOrBusy(password: string): Promise<string | null> {
  try {
    return await hashPassword(password);
  } catch (error) {
    if (error instanceof HashingBusyError) return null;
    throw error;
  }
}

/**
 * A sign-up. A new address gets an unconfirmed account and a confirmation link; an unconfirmed one
 * gets the new name and password and a fresh link (only the address's owner can use it); a
 * confirmed one is left alone and its owner is told, with a link to choose a new password.
 */
export async function requestSignUp(
  db: Database,
  input: { name: string; email: string; password: string; next?: string },
  context: Context,
): Promise<AccountRequestResult> {
  const email = normalizeEmail(input.email);
  const decision = await limited(db, LIMITS.signUpPerAddress, LIMITS.signUpGlobal, email, context);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: Math.ceil(decision.retryAfterSeconds / 60) };
  // Hashed whatever happens next, so the answer takes as long for a taken address as for a new one.
  const passwordHash = await hashOrBusy(input.password);
  if (!passwordHash) return { ok: false, reason: "busy" };
  const next = input.next ? safeNextPath(input.next) : undefined;
  await db.transaction(async (tx) => {
    await lockEmail(tx, "sign-up", email);
    const existing = await findUserByEmail(tx, email);
    if (existing?.deactivatedAt) return;
    if (existing?.emailVerifiedAt) {
      const token = await createEmailToken(tx, existing.id, "reset_password", context.now);
      await enqueueAccountEmail(tx, { userId: existing.id, kind: "account-exists", token });
      return;
    }
    const user = existing
      ? (await tx.update(users).set({ name: input.name.trim(), passwordHash }).where(eq(users.id, existing.id)).returning())[0]
      : await createUser(tx, { email, name: input.name, passwordHash, verified: false });
    const token = await createEmailToken(tx, user.id, "verify_email", context.now);
    await enqueueAccountEmail(tx, { userId: user.id, kind: "verify-email", token, ...(next ? { next } : {}) });
  });
  return { ok: true };
}

/** The confirmation link: the account is confirmed (once) and returned, to be signed in; else null. */
export async function confirmEmailAddress(db: Database, token: string): Promise<User | null> {
  return db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "verify_email");
    if (!userId) return null;
    const [user] = await tx
      .update(users)
      .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, userId))
      .returning();
    return user && !user.deactivatedAt ? user : null;
  });
}

/** "Forgot your password?": the same answer whether or not the address has an account. */
export async function requestPasswordReset(db: Database, rawEmail: string, context: Context): Promise<AccountRequestResult> {
  const email = normalizeEmail(rawEmail);
  const decision = await limited(db, LIMITS.passwordResetPerAddress, null, email, context);
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: Math.ceil(decision.retryAfterSeconds / 60) };
  await db.transaction(async (tx) => {
    await lockEmail(tx, "sign-up", email);
    const user = await findUserByEmail(tx, email);
    if (!user || user.deactivatedAt) return;
    const token = await createEmailToken(tx, user.id, "reset_password", context.now);
    await enqueueAccountEmail(tx, { userId: user.id, kind: "reset-password", token });
  });
  return { ok: true };
}

export type ResetResult = { ok: true; user: User } | { ok: false; reason: "invalid_link" | "busy" };

/**
 * A new password from a reset link: every other session of the account ends, and the address
 * counts as confirmed (the link reached it). The caller signs the user in with the new password.
 */
export async function resetPassword(db: Database, token: string, password: string): Promise<ResetResult> {
  const passwordHash = await hashOrBusy(password);
  if (!passwordHash) return { ok: false, reason: "busy" };
  return db.transaction(async (tx) => {
    const userId = await consumeEmailToken(tx, token, "reset_password");
    const user = userId ? await findUserById(tx, userId) : null;
    if (!user || user.deactivatedAt) return { ok: false, reason: "invalid_link" } as const;
    await endAllSessions(tx, user.id);
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
      .where(eq(users.id, user.id))
      .returning();
    return { ok: true, user: updated } as const;
  });
}

/** Said after every sign-up, whether the address was new or not. */
export function checkYourInboxMessage(email: string): string {
  return `Almost there: we have sent an e-mail to ${normalizeEmail(email)}. Open the link in it to finish signing up. Nothing arrived? Check your spam folder, or sign up again in a few minutes.`;
}
