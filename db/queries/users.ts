// Accounts: users, their saved addresses, and the sign-in attempts that throttling counts.
import { and, asc, count, desc, eq, gt, gte, max, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { addresses, signInAttempts, users, type Address, type User, type UserRole } from "../schema";

export class UserQueryError extends Error {
  constructor(readonly code: "email_taken") {
    super(code === "email_taken" ? "An account with this e-mail address already exists." : code);
    this.name = "UserQueryError";
  }
}

/** E-mail addresses are compared and stored trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export interface NewUserInput {
  email: string;
  name: string;
  passwordHash: string;
  role?: UserRole;
  storeId?: number | null;
}

/** Creates an account; throws UserQueryError("email_taken") when the e-mail is already used. */
export async function createUser(db: Executor, input: NewUserInput): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email), name: input.name.trim() })
    .onConflictDoNothing({ target: users.email })
    .returning();
  if (!user) throw new UserQueryError("email_taken");
  return user;
}

export async function findUserByEmail(db: Executor, email: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normalizeEmail(email))).limit(1);
  return user ?? null;
}

export async function findUserById(db: Executor, id: string): Promise<User | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

export async function recordSignInAttempt(db: Executor, attempt: { email: string; succeeded: boolean; at?: Date }): Promise<void> {
  await db.insert(signInAttempts).values({ email: normalizeEmail(attempt.email), succeeded: attempt.succeeded, attemptedAt: attempt.at ?? new Date() });
}

/**
 * Failed sign-ins for an e-mail since `since` and after its last successful sign-in: how many, and
 * the times of the `keep` most recent ones (newest first), which is what lib/auth/throttle.ts needs.
 */
export async function countRecentFailures(
  db: Executor,
  email: string,
  since: Date,
  keep = 5,
): Promise<{ count: number; latest: Date[] }> {
  const normalized = normalizeEmail(email);
  const lastSuccess = db
    .select({ at: max(signInAttempts.attemptedAt) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, normalized), eq(signInAttempts.succeeded, true), gte(signInAttempts.attemptedAt, since)));
  const rows = await db
    .select({ at: signInAttempts.attemptedAt, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, normalized),
        eq(signInAttempts.succeeded, false),
        gte(signInAttempts.attemptedAt, since),
        gt(signInAttempts.attemptedAt, sql`coalesce((${lastSuccess}), '-infinity'::timestamptz)`),
      ),
    )
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(keep);
  return { count: rows[0]?.total ?? 0, latest: rows.map((r) => r.at) };
}

// Saved addresses, always scoped to their owner.

export type NewAddressInput = Pick<Address, "label" | "recipient" | "street" | "postcode" | "city"> & { phone?: string | null };

export function listAddresses(db: Executor, userId: string): Promise<Address[]> {
  return db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), asc(addresses.createdAt));
}

/** Adds an address; the first one a shopper saves becomes their default. */
export async function addAddress(db: Executor, userId: string, input: NewAddressInput): Promise<Address> {
  const [{ n }] = await db.select({ n: count() }).from(addresses).where(eq(addresses.userId, userId));
  const [address] = await db
    .insert(addresses)
    .values({ ...input, phone: input.phone || null, userId, isDefault: n === 0 })
    .returning();
  return address;
}

/** Deletes one of the shopper's addresses; false when it is not theirs or does not exist. */
export async function deleteAddress(db: Executor, userId: string, addressId: string): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(addressId)) return false;
  const deleted = await db
    .delete(addresses)
    .where(and(eq(addresses.id, addressId), eq(addresses.userId, userId)))
    .returning({ id: addresses.id });
  return deleted.length > 0;
}
