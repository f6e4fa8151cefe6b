// Every abuse limit and its value, in one place (docs/security.md lists them). Per-address limits
// use the client address as lib/http/client-address.ts reads it behind TRUSTED_PROXY_HOPS.
import type { RateLimit } from "./rate-limit";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * RATE_LIMIT_MULTIPLIER scales the per-address limits, for test and load rigs where one machine
 * plays many shoppers (the end-to-end stack sets it); real deployments leave it at 1.
 */
function multiplier(env: Record<string, string | undefined> = process.env): number {
  const value = Number(env.RATE_LIMIT_MULTIPLIER ?? 1);
  return Number.isFinite(value) && value >= 1 ? value : 1;
}

const perAddress = (name: string, limit: number, windowMs: number): RateLimit => ({ name, limit: Math.round(limit * multiplier()), windowMs });

export const LIMITS = {
  /** Sign-in attempts from one address (all accounts): stops credential stuffing from one place. */
  signInPerAddress: perAddress("sign-in:address", 30, 10 * MINUTE),
  /** Sign-in attempts from everywhere: a ceiling on what the password hashing has to absorb. */
  signInGlobal: { name: "sign-in:all", limit: 1200, windowMs: MINUTE },
  /** Sign-ups from one address. */
  signUpPerAddress: perAddress("sign-up:address", 10, HOUR),
  signUpGlobal: { name: "sign-up:all", limit: 300, windowMs: MINUTE },
  /** Password-reset requests from one address. */
  passwordResetPerAddress: perAddress("password-reset:address", 10, HOUR),
  /** Sign-up and reset e-mails to one address: nobody can flood a stranger's inbox. */
  accountEmailsPerEmail: { name: "account-email:email", limit: 3, windowMs: HOUR },
  /** Orders placed (stock reserved, slot held) per account and per address. */
  checkoutPerAccount: { name: "checkout:account", limit: 10, windowMs: HOUR },
  checkoutPerAddress: perAddress("checkout:address", 30, HOUR),
} satisfies Record<string, RateLimit>;

/** Failed sign-ins before one e-mail is refused from one address, and for how long they count. */
export const SIGN_IN_PER_ACCOUNT_AND_ADDRESS = { maxFailures: 5, windowMs: 15 * MINUTE };
/**
 * Failed sign-ins for one e-mail from every address together before it is refused from addresses
 * that never signed in to it: a victim on their usual address is never locked out by others.
 */
export const SIGN_IN_PER_ACCOUNT = { maxFailures: 20, windowMs: HOUR };
/** How long a successful sign-in makes an address "known" for an account. */
export const KNOWN_ADDRESS_MS = 90 * 24 * HOUR;

/** Orders awaiting payment one account may hold at once (each holds stock and a slot place). */
export const MAX_UNPAID_ORDERS_PER_ACCOUNT = 2;
