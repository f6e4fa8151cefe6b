// Sign-in throttling, pure: after too many failed sign-ins in a window of time (for one e-mail
// from one address, or from everywhere: lib/limits/policies.ts), further attempts are refused
// until the oldest of those failures leaves the window.

import { SIGN_IN_PER_ACCOUNT_AND_ADDRESS } from "@/lib/limits/policies";

export interface ThrottlePolicy {
  /** Failed attempts allowed within the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

/** Five failures in 15 minutes (the per-account-and-address policy). */
export const SIGN_IN_THROTTLE: ThrottlePolicy = SIGN_IN_PER_ACCOUNT_AND_ADDRESS;

/**
 * The failed attempts that count: those within the window and after the last successful sign-in,
 * as counted by the database (`count`), with the times of the most recent ones, newest first
 * (at least `maxFailures` of them when there are that many).
 */
export interface RecentFailures {
  count: number;
  latest: Date[];
}

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAt: Date; retryAfterMinutes: number };

/** Where the window of recent failures starts. */
export function windowStart(now: Date, policy: ThrottlePolicy = SIGN_IN_THROTTLE): Date {
  return new Date(now.getTime() - policy.windowMs);
}

export function throttleDecision(failures: RecentFailures, now: Date, policy: ThrottlePolicy = SIGN_IN_THROTTLE): ThrottleDecision {
  if (failures.count < policy.maxFailures) return { allowed: true };
  const newestFirst = [...failures.latest].sort((a, b) => b.getTime() - a.getTime());
  // Attempts are allowed again once fewer than maxFailures remain in the window, i.e. when the
  // maxFailures-th most recent failure is older than the window.
  const pivot = newestFirst[policy.maxFailures - 1] ?? newestFirst[newestFirst.length - 1] ?? now;
  const retryAt = new Date(pivot.getTime() + policy.windowMs);
  const retryAfterMinutes = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
  return { allowed: false, retryAt, retryAfterMinutes };
}

export function throttleMessage(retryAfterMinutes: number): string {
  return `Too many attempts. Try again in ${retryAfterMinutes} minute${retryAfterMinutes === 1 ? "" : "s"}.`;
}
