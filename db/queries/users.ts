// Accounts: users, their saved addresses, and the sign-in attempts that throttling counts.
import { and, asc, count, desc, eq, gt, gte, isNull, lt, max, sql } from "drizzle-orm";
import { UUID_PATTERN } from "@/lib/ids";
import type { Executor } from "../client";
import { addresses, signInAttempts, staffStores, users, type Address, type User, type UserRole } from "../schema";

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
  /** False for a sign-up awaiting its confirmation link; accounts made by staff or fixtures are verified. */
  verified?: boolean;
}

/** Creates an account; throws UserQueryError("email_taken") when the e-mail is already used. */
export async function createUser(db: Executor, { verified = true, ...input }: NewUserInput): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ ...input, email: normalizeEmail(input.email), name: input.name.trim(), emailVerifiedAt: verified ? sql`now()` : null })
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
  if (!UUID_PATTERN.test(id)) return null;
  const [user] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  return user ?? null;
}

/** The stores an agent works in, by id. */
export async function listStaffStoreIds(db: Executor, userId: string): Promise<number[]> {
  const rows = await db.select({ storeId: staffStores.storeId }).from(staffStores).where(eq(staffStores.userId, userId)).orderBy(asc(staffStores.storeId));
  return rows.map((r) => r.storeId);
}

/** Replaces the stores a staff member works in. */
export async function setStaffStores(db: Executor, userId: string, storeIds: readonly number[]): Promise<void> {
  await db.delete(staffStores).where(eq(staffStores.userId, userId));
  if (storeIds.length > 0) await db.insert(staffStores).values(storeIds.map((storeId) => ({ userId, storeId })));
}

export async function updatePasswordHash(db: Executor, userId: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, userId));
}

/** Ends every session of the user at its next request (sign-out, password reset, deactivation). */
export async function endAllSessions(db: Executor, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}

/**
 * Serialises everything done for one e-mail address under `purpose` until the transaction ends
 * (sign-in attempts are counted, then recorded, under it: parallel tries cannot all pass).
 */
export async function lockEmail(tx: Executor, purpose: string, email: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${purpose}:${normalizeEmail(email)}`}, 0))`);
}

export type SignInAttemptInput = { email: string; clientAddress?: string | null; succeeded: boolean; at?: Date };

/** Records an attempt; returns its id, so that one recorded as failed can be marked succeeded. */
export async function recordSignInAttempt(db: Executor, attempt: SignInAttemptInput): Promise<number> {
  const [row] = await db
    .insert(signInAttempts)
    .values({
      email: normalizeEmail(attempt.email),
      clientAddress: attempt.clientAddress ?? null,
      succeeded: attempt.succeeded,
      attemptedAt: attempt.at ?? new Date(),
    })
    .returning({ id: signInAttempts.id });
  return row.id;
}

export async function markSignInSucceeded(db: Executor, attemptId: number): Promise<void> {
  await db.update(signInAttempts).set({ succeeded: true }).where(eq(signInAttempts.id, attemptId));
}

/**
 * Failed sign-ins for an e-mail (from one client address, when given) since `since` and after its
 * last successful sign-in (from there too): how many, and the times of the `keep` most recent
 * ones (newest first), which is what lib/auth/throttle.ts needs.
 */
export async function countRecentFailures(
  db: Executor,
  email: string,
  since: Date,
  keep = 5,
  clientAddress?: string | null,
): Promise<{ count: number; latest: Date[] }> {
  const normalized = normalizeEmail(email);
  const fromAddress = clientAddress === undefined ? undefined : clientAddress === null ? isNull(signInAttempts.clientAddress) : eq(signInAttempts.clientAddress, clientAddress);
  const lastSuccess = db
    .select({ at: max(signInAttempts.attemptedAt) })
    .from(signInAttempts)
    .where(and(eq(signInAttempts.email, normalized), eq(signInAttempts.succeeded, true), gte(signInAttempts.attemptedAt, since), fromAddress));
  const rows = await db
    .select({ at: signInAttempts.attemptedAt, total: sql<number>`count(*) over ()`.mapWith(Number) })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, normalized),
        eq(signInAttempts.succeeded, false),
        gte(signInAttempts.attemptedAt, since),
        gt(signInAttempts.attemptedAt, sql`coalesce((${lastSuccess}), '-infinity'::timestamptz)`),
        fromAddress,
      ),
    )
    .orderBy(desc(signInAttempts.attemptedAt))
    .limit(keep);
  return { count: rows[0]?.total ?? 0, latest: rows.map((r) => r.at) };
}

/** Whether the account was signed in to from this address since `since`. */
export async function isKnownAddress(db: Executor, email: string, clientAddress: string | null, since: Date): Promise<boolean> {
  if (!clientAddress) return false;
  const [row] = await db
    .select({ id: signInAttempts.id })
    .from(signInAttempts)
    .where(
      and(
        eq(signInAttempts.email, normalizeEmail(email)),
        eq(signInAttempts.clientAddress, clientAddress),
        eq(signInAttempts.succeeded, true),
        gte(signInAttempts.attemptedAt, since),
      ),
    )
    .limit(1);
  return Boolean(row);
}

/** Drops sign-in attempts older than `before` (the scheduler; known addresses last 90 days). */
export async function pruneSignInAttempts(db: Executor, before: Date): Promise<number> {
  const deleted = await db.delete(signInAttempts).where(lt(signInAttempts.attemptedAt, before)).returning({ id: signInAttempts.id });
  return deleted.length;
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
