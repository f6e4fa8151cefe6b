// Checking an e-mail and password, in this order: the per-address and global rate limits; then,
// under a lock on the e-mail, the failures of this account from this address and from everywhere,
// and the attempt recorded as failed before the password is tested (parallel tries cannot all get
// through); then the password, with the attempt marked succeeded if it was right. Shared by the
// Auth.js Credentials provider (auth.ts) and the integration tests.
import type { Executor } from "@/db/client";
import { hitRateLimits } from "@/db/queries/rate-limits";
import {
  countRecentFailures,
  findUserByEmail,
  isKnownAddress,
  lockEmail,
  markSignInSucceeded,
  normalizeEmail,
  recordSignInAttempt,
  updatePasswordHash,
} from "@/db/queries/users";
import type { User } from "@/db/schema";
import { deploymentMode, isRealDeployment } from "@/lib/deployment";
import { KNOWN_ADDRESS_MS, LIMITS, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_ACCOUNT_AND_ADDRESS } from "@/lib/limits/policies";
import { DEMO_PASSWORD } from "./demo-accounts";
import { HashingBusyError } from "./hashing-slots";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./password";
import { throttleDecision, windowStart } from "./throttle";

export type AuthenticationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "unverified" }
  | { ok: false; reason: "busy" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export type AuthenticationContext = {
  /** The client's address (lib/http/client-address.ts), or null when unknown. */
  clientAddress: string | null;
  now?: Date;
};

const throttled = (seconds: number): AuthenticationResult => ({ ok: false, reason: "throttled", retryAfterMinutes: Math.max(1, Math.ceil(seconds / 60)) });

/** Counts the attempt against the limits and records it as failed; or says how long to wait. */
async function admitAttempt(db: Executor, email: string, address: string | null, now: Date): Promise<{ attemptId: number } | AuthenticationResult> {
  const limited = await hitRateLimits(db, [[LIMITS.signInPerAddress, address ?? "unknown"], [LIMITS.signInGlobal, "all"]], now);
  if (!limited.allowed) return throttled(limited.retryAfterSeconds);
  return db.transaction(async (tx) => {
    await lockEmail(tx, "sign-in", email);
    const here = throttleDecision(
      await countRecentFailures(tx, email, windowStart(now, SIGN_IN_PER_ACCOUNT_AND_ADDRESS), SIGN_IN_PER_ACCOUNT_AND_ADDRESS.maxFailures, address),
      now,
      SIGN_IN_PER_ACCOUNT_AND_ADDRESS,
    );
    // A refused attempt is not recorded: it tested no password, and counting it would let the
    // same address keep its own lock-out going for ever.
    if (!here.allowed) return throttled((here.retryAt.getTime() - now.getTime()) / 1000);
    const everywhere = throttleDecision(
      await countRecentFailures(tx, email, windowStart(now, SIGN_IN_PER_ACCOUNT), SIGN_IN_PER_ACCOUNT.maxFailures),
      now,
      SIGN_IN_PER_ACCOUNT,
    );
    if (!everywhere.allowed && !(await isKnownAddress(tx, email, address, new Date(now.getTime() - KNOWN_ADDRESS_MS)))) {
      return throttled((everywhere.retryAt.getTime() - now.getTime()) / 1000);
    }
    return { attemptId: await recordSignInAttempt(tx, { email, clientAddress: address, succeeded: false, at: now }) };
  });
}

export async function authenticate(db: Executor, credentials: { email: string; password: string }, context: AuthenticationContext): Promise<AuthenticationResult> {
  const now = context.now ?? new Date();
  const email = normalizeEmail(credentials.email);
  const admitted = await admitAttempt(db, email, context.clientAddress, now);
  if (!("attemptId" in admitted)) return admitted;

  const user = await findUserByEmail(db, email);
  // A real shop never accepts the demo accounts' published password, whoever it belongs to.
  const published = credentials.password === DEMO_PASSWORD && isRealDeployment(deploymentMode());
  let valid: boolean;
  try {
    valid = user && !published ? await verifyPassword(credentials.password, user.passwordHash) : await verifyAgainstDummy(credentials.password);
  } catch (error) {
    if (error instanceof HashingBusyError) return { ok: false, reason: "busy" };
    throw error;
  }
  if (!user || !valid || user.deactivatedAt) return { ok: false, reason: "invalid" };
  await markSignInSucceeded(db, admitted.attemptId);
  if (needsRehash(user.passwordHash)) await updatePasswordHash(db, user.id, await hashPassword(credentials.password));
  // Only someone who knows the password learns that the address is not confirmed yet.
  if (!user.emailVerifiedAt) return { ok: false, reason: "unverified" };
  return { ok: true, user };
}

/** What people see; never says whether the e-mail has an account. */
export const INVALID_CREDENTIALS_MESSAGE = "E-mail or password is incorrect.";
export const UNVERIFIED_MESSAGE = "Please confirm your e-mail address first: open the link we e-mailed you when you signed up.";
export const BUSY_MESSAGE = "Too many people are signing in right now. Please try again in a moment.";
