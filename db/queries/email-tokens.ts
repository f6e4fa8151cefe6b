// One-time links e-mailed to a user (confirm the address, reset the password). Only a SHA-256 of
// each token is stored, so a copy of the database does not let anyone use a pending link.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { emailTokens, type EmailTokenPurpose } from "../schema";

export const EMAIL_TOKEN_TTL_MS: Record<EmailTokenPurpose, number> = {
  verify_email: 24 * 60 * 60_000,
  reset_password: 60 * 60_000,
};

const hashOf = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A new token for the user; the caller puts it in the link and never stores it. `ttlMs` overrides
 * the purpose's lifetime (a new staff account's first password link lasts longer than a reset's).
 */
export async function createEmailToken(tx: Executor, userId: string, purpose: EmailTokenPurpose, now: Date = new Date(), ttlMs = EMAIL_TOKEN_TTL_MS[purpose]): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx.insert(emailTokens).values({ tokenHash: hashOf(token), userId, purpose, expiresAt: new Date(now.getTime() + ttlMs) });
  return token;
}

/**
 * Uses a token once: the user's id when it is valid for `purpose` and not expired, else null.
 * Every other pending token of the same purpose for that user goes with it.
 */
export async function consumeEmailToken(tx: Executor, token: string, purpose: EmailTokenPurpose): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [used] = await tx
    .delete(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashOf(token)), eq(emailTokens.purpose, purpose), gt(emailTokens.expiresAt, sql`now()`)))
    .returning({ userId: emailTokens.userId });
  if (!used) return null;
  await tx.delete(emailTokens).where(and(eq(emailTokens.userId, used.userId), eq(emailTokens.purpose, purpose)));
  return used.userId;
}

/** The user a token would be accepted for now, without using it; null for a dead link. */
export async function emailTokenUser(db: Executor, token: string, purpose: EmailTokenPurpose): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  const [row] = await db
    .select({ userId: emailTokens.userId })
    .from(emailTokens)
    .where(and(eq(emailTokens.tokenHash, hashOf(token)), eq(emailTokens.purpose, purpose), gt(emailTokens.expiresAt, sql`now()`)));
  return row?.userId ?? null;
}

export async function pruneEmailTokens(db: Executor, before: Date): Promise<number> {
  const deleted = await db.delete(emailTokens).where(lt(emailTokens.expiresAt, before)).returning({ userId: emailTokens.userId });
  return deleted.length;
}
