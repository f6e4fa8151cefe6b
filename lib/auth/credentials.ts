// Checking an e-mail and password: throttling first, then the password, then the attempt is recorded.
// Shared by the Auth.js Credentials provider (auth.ts) and the integration tests.
import type { Executor } from "@/db/client";
import { countRecentFailures, findUserByEmail, normalizeEmail, recordSignInAttempt, updatePasswordHash } from "@/db/queries/users";
import type { User } from "@/db/schema";
import { hashPassword, needsRehash, verifyAgainstDummy, verifyPassword } from "./password";
import { SIGN_IN_THROTTLE, throttleDecision, windowStart, type ThrottlePolicy } from "./throttle";

export type AuthenticationResult =
  | { ok: true; user: User }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterMinutes: number };

export async function authenticate(
  db: Executor,
  credentials: { email: string; password: string },
  now: Date = new Date(),
  policy: ThrottlePolicy = SIGN_IN_THROTTLE,
): Promise<AuthenticationResult> {
  const email = normalizeEmail(credentials.email);
  const failures = await countRecentFailures(db, email, windowStart(now, policy), policy.maxFailures);
  const decision = throttleDecision(failures, now, policy);
  // A refused attempt is not recorded: it tested no password, and counting it would let anyone
  // keep a shopper locked out for ever by retrying.
  if (!decision.allowed) return { ok: false, reason: "throttled", retryAfterMinutes: decision.retryAfterMinutes };

  const user = await findUserByEmail(db, email);
  const valid = user ? await verifyPassword(credentials.password, user.passwordHash) : await verifyAgainstDummy(credentials.password);
  await recordSignInAttempt(db, { email, succeeded: valid, at: now });
  if (!user || !valid) return { ok: false, reason: "invalid" };
  if (needsRehash(user.passwordHash)) await updatePasswordHash(db, user.id, await hashPassword(credentials.password));
  return { ok: true, user };
}

/** What people see; never says whether the e-mail has an account. */
export const INVALID_CREDENTIALS_MESSAGE = "E-mail or password is incorrect.";
