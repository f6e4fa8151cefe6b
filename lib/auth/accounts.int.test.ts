// Accounts on the real database: creating users, throttled sign-ins with real rows, and the
// session user the guards check, read afresh from the database.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { hitRateLimit } from "@/db/queries/rate-limits";
import { addAddress, createUser, deleteAddress, endAllSessions, findUserByEmail, listAddresses, listStaffStoreIds, recordSignInAttempt, UserQueryError } from "@/db/queries/users";
import { signInAttempts, users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { checkAccess, loadSessionUser, STAFF_ROLES } from "./access";
import { authenticate } from "./credentials";
import { hashPassword, SCRYPT_PARAMS, verifyPassword } from "./password";
import { checkYourInboxMessage, confirmEmailAddress, requestPasswordReset, requestSignUp, resetPassword } from "./sign-up";

let db: Database;
let close: () => Promise<void>;
const PASSWORD = "a long enough password";
/**
 * The accounts these tests make store their password at scrypt's lowest accepted cost: the tests
 * count attempts, and dozens of wrong passwords checked at full cost took two minutes of CPU. A
 * successful sign-in upgrades the hash (as "upgrades an older, cheaper hash" shows).
 */
const CHEAP = { ln: 10, r: 8, p: 1 };
let passwordHash: string;

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 4);
  db = connection.db;
  close = () => connection.sql.end();
  passwordHash = await hashPassword(PASSWORD, CHEAP);
});

afterAll(() => close());

const uniqueEmail = (tag: string) => `${tag}-${randomUUID()}@Example.TEST`;
const minutesBefore = (now: Date, m: number) => new Date(now.getTime() - m * 60_000);

describe("createUser", () => {
  it("stores the e-mail lower-cased and refuses a duplicate with a typed error", async () => {
    const email = uniqueEmail("dup");
    const user = await createUser(db, { email: `  ${email} `, name: " Jo Shopper ", passwordHash });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Jo Shopper", role: "customer" });
    const again = createUser(db, { email: email.toUpperCase(), name: "Someone else", passwordHash });
    await expect(again).rejects.toBeInstanceOf(UserQueryError);
    await expect(again).rejects.toMatchObject({ code: "email_taken" });
    expect(await findUserByEmail(db, email.toUpperCase())).toMatchObject({ id: user.id });
  });
});

const fromHome = { clientAddress: "198.51.100.10" };

describe("authenticate", () => {
  it("signs in with the right password and says only 'invalid' otherwise", async () => {
    const email = uniqueEmail("signin");
    const user = await createUser(db, { email, name: "Sam", passwordHash });
    expect(await authenticate(db, { email: email.toUpperCase(), password: PASSWORD }, fromHome)).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await authenticate(db, { email, password: "wrong password!" }, fromHome)).toEqual({ ok: false, reason: "invalid" });
    // An unknown e-mail gets the same answer as a wrong password.
    expect(await authenticate(db, { email: uniqueEmail("nobody"), password: PASSWORD }, fromHome)).toEqual({ ok: false, reason: "invalid" });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email.toLowerCase()));
    expect(attempts.map((a) => a.succeeded).sort()).toEqual([false, true]);
    expect(attempts.every((a) => a.clientAddress === fromHome.clientAddress)).toBe(true);
  });

  it("refuses the sixth attempt after five failures in 15 minutes from one address, even with the right password", async () => {
    const email = uniqueEmail("throttle");
    await createUser(db, { email, name: "Throttled", passwordHash });
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db, { email, password: `wrong-${i}` }, { ...fromHome, now: minutesBefore(now, 10 - i) })).toMatchObject({ reason: "invalid" });
    }
    // The oldest of the five failures was 10 minutes ago: 5 minutes to wait.
    expect(await authenticate(db, { email, password: PASSWORD }, { ...fromHome, now })).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 5 });
    // Refused attempts are not recorded, so they do not extend the lock-out.
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email.toLowerCase()));
    expect(rows).toHaveLength(5);
    // Once the oldest failure is more than 15 minutes old, the right password works again.
    const later = new Date(now.getTime() + 5 * 60_000 + 1000);
    expect(await authenticate(db, { email, password: PASSWORD }, { ...fromHome, now: later })).toMatchObject({ ok: true });
  });

  it("throttles unknown e-mails the same way", async () => {
    const email = uniqueEmail("ghost");
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordSignInAttempt(db, { email, clientAddress: fromHome.clientAddress, succeeded: false, at: minutesBefore(now, 1) });
    expect(await authenticate(db, { email, password: PASSWORD }, { ...fromHome, now })).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: 14 });
  });

  it("forgets failures older than 15 minutes or before a successful sign-in", async () => {
    const email = uniqueEmail("window");
    await createUser(db, { email, name: "Window", passwordHash });
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordSignInAttempt(db, { email, clientAddress: fromHome.clientAddress, succeeded: false, at: minutesBefore(now, 16 + i) });
    expect(await authenticate(db, { email, password: "wrong again" }, { ...fromHome, now })).toMatchObject({ reason: "invalid" });

    const other = uniqueEmail("reset");
    await createUser(db, { email: other, name: "Reset", passwordHash });
    for (let i = 0; i < 4; i++) await recordSignInAttempt(db, { email: other, clientAddress: fromHome.clientAddress, succeeded: false, at: minutesBefore(now, 10 + i) });
    await recordSignInAttempt(db, { email: other, clientAddress: fromHome.clientAddress, succeeded: true, at: minutesBefore(now, 5) });
    await recordSignInAttempt(db, { email: other, clientAddress: fromHome.clientAddress, succeeded: false, at: minutesBefore(now, 4) });
    expect(await authenticate(db, { email: other, password: PASSWORD }, { ...fromHome, now })).toMatchObject({ ok: true });
  });
});

describe("sign-in and sign-up abuse (issue 6 item 4)", { timeout: 120_000 }, () => {
  it("counts twenty parallel wrong tries atomically: five are checked, fifteen refused", async () => {
    const email = uniqueEmail("parallel");
    await createUser(db, { email, name: "Parallel", passwordHash });
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => authenticate(db, { email, password: `guess-${i}` }, { clientAddress: "198.51.100.20" })));
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === "throttled")).toHaveLength(15);
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email.toLowerCase()));
    expect(rows.filter((r) => !r.succeeded)).toHaveLength(5);
  });

  it("backs off per address: an attacker's failures do not lock the owner out from their own address", async () => {
    const email = uniqueEmail("victim");
    await createUser(db, { email, name: "Victim", passwordHash });
    // The owner signed in from home an hour ago (recorded: the password stays cheap to check).
    await recordSignInAttempt(db, { email, clientAddress: "203.0.113.5", succeeded: true, at: minutesBefore(new Date(), 60) });
    // Two failures from each of fifteen attacker addresses: more than twenty in all...
    for (let n = 0; n < 15; n++) {
      for (let i = 0; i < 2; i++) await authenticate(db, { email, password: `attack-${n}-${i}` }, { clientAddress: `192.0.2.${n + 1}` });
    }
    const attacker = "192.0.2.1";
    for (let i = 0; i < 3; i++) await authenticate(db, { email, password: `more-${i}` }, { clientAddress: attacker });
    expect(await authenticate(db, { email, password: PASSWORD }, { clientAddress: attacker })).toMatchObject({ reason: "throttled" });
    // ...the account as a whole is refused to addresses it was never signed in from...
    expect(await authenticate(db, { email, password: PASSWORD }, { clientAddress: "192.0.2.200" })).toMatchObject({ reason: "throttled" });
    // ...and its owner still signs in from home.
    expect(await authenticate(db, { email, password: PASSWORD }, { clientAddress: "203.0.113.5" })).toMatchObject({ ok: true });
  });

  it("limits attempts per address across accounts (credential stuffing)", async () => {
    const address = "198.51.100.77";
    // A leaked list: real accounts, and passwords that are not theirs.
    const emails = Array.from({ length: 32 }, (_, i) => uniqueEmail(`stuff${i}`));
    for (const email of emails) await createUser(db, { email, name: "Listed", passwordHash });
    const results = [];
    for (const email of emails) results.push(await authenticate(db, { email, password: "hunter2hunter2" }, { clientAddress: address }));
    expect(results.slice(0, 30).every((r) => !r.ok && r.reason === "invalid")).toBe(true);
    expect(results.slice(30)).toEqual([
      { ok: false, reason: "throttled", retryAfterMinutes: expect.any(Number) },
      { ok: false, reason: "throttled", retryAfterMinutes: expect.any(Number) },
    ]);
    // Another address is not affected.
    expect(await authenticate(db, { email: uniqueEmail("elsewhere"), password: "hunter2hunter2" }, { clientAddress: "198.51.100.78" })).toMatchObject({ reason: "invalid" });
  });

  it("counts a rate limit atomically under concurrency", async () => {
    const limit = { name: `test-${randomUUID()}`, limit: 7, windowMs: 60_000 };
    const decisions = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit(db, limit, "all")));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(7);
  });

  it("upgrades an older, cheaper hash at the next sign-in", async () => {
    const email = uniqueEmail("rehash");
    const old = await hashPassword(PASSWORD, { ln: 15, r: 8, p: 1 });
    const user = await createUser(db, { email, name: "Old Hash", passwordHash: old });
    expect(await authenticate(db, { email, password: PASSWORD }, fromHome)).toMatchObject({ ok: true });
    const [after] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(after.passwordHash).toMatch(new RegExp(`^\\$scrypt\\$ln=${SCRYPT_PARAMS.ln},r=${SCRYPT_PARAMS.r},p=${SCRYPT_PARAMS.p}\\$`));
    expect(await verifyPassword(PASSWORD, after.passwordHash)).toBe(true);
  });

  it("sign-up answers the same for a new and a taken address; the owner gets an e-mail instead", async () => {
    const taken = uniqueEmail("taken").toLowerCase();
    const owner = await createUser(db, { email: taken, name: "Owner", passwordHash });
    const fresh = uniqueEmail("fresh").toLowerCase();
    const context = { clientAddress: "198.51.100.90" };
    const a = await requestSignUp(db, { name: "Newcomer", email: fresh, password: "a brand new password", next: "/checkout" }, context);
    const b = await requestSignUp(db, { name: "Intruder", email: taken, password: "a brand new password", next: "/checkout" }, context);
    expect(a).toEqual({ ok: true });
    expect(b).toEqual(a);
    expect(checkYourInboxMessage(fresh).replace(fresh, "…")).toBe(checkYourInboxMessage(taken).replace(taken, "…"));

    // The taken account is untouched; its owner is told, with a link to choose a new password.
    const [still] = await db.select().from(users).where(eq(users.id, owner.id));
    expect(still).toMatchObject({ name: "Owner", passwordHash });
    expect((await accountEmailJobs(owner.id)).map((j) => j.kind)).toEqual(["account-exists"]);

    // The new account waits for its confirmation link and cannot sign in before.
    const newcomer = (await findUserByEmail(db, fresh))!;
    expect(newcomer.emailVerifiedAt).toBeNull();
    expect(await authenticate(db, { email: fresh, password: "a brand new password" }, context)).toEqual({ ok: false, reason: "unverified" });
    const [job] = await accountEmailJobs(newcomer.id);
    expect(job).toMatchObject({ kind: "verify-email", next: "/checkout" });
    expect(await confirmEmailAddress(db, "not-the-token-" + "x".repeat(30))).toBeNull();
    expect(await confirmEmailAddress(db, job.token)).toMatchObject({ id: newcomer.id });
    // A link works once.
    expect(await confirmEmailAddress(db, job.token)).toBeNull();
    expect(await authenticate(db, { email: fresh, password: "a brand new password" }, context)).toMatchObject({ ok: true });
  });

  it("limits sign-ups per address and account e-mails per address", async () => {
    const context = { clientAddress: "198.51.100.91" };
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await requestSignUp(db, { name: "Bot", email: uniqueEmail(`bot${i}`), password: "bot password 123" }, context));
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]).toMatchObject({ ok: false, reason: "throttled" });
    const target = uniqueEmail("inbox");
    const flood = [];
    for (let i = 0; i < 4; i++) flood.push(await requestPasswordReset(db, target, { clientAddress: `198.51.100.${100 + i}` }));
    expect(flood.map((r) => r.ok)).toEqual([true, true, true, false]);
  });

  it("resets a password from its link, ending every other session", async () => {
    const email = uniqueEmail("forgot");
    const user = await createUser(db, { email, name: "Forgetful", passwordHash });
    expect(await requestPasswordReset(db, email, { clientAddress: "198.51.100.95" })).toEqual({ ok: true });
    expect(await requestPasswordReset(db, uniqueEmail("nobody"), { clientAddress: "198.51.100.95" })).toEqual({ ok: true });
    const [job] = await accountEmailJobs(user.id);
    expect(job.kind).toBe("reset-password");
    const before = (await findUserByEmail(db, email))!.sessionVersion;
    expect(await resetPassword(db, job.token, "my new password 2026")).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await resetPassword(db, job.token, "again, the same link")).toEqual({ ok: false, reason: "invalid_link" });
    const after = (await findUserByEmail(db, email))!;
    expect(after.sessionVersion).toBe(before + 1);
    expect(await authenticate(db, { email, password: "my new password 2026" }, fromHome)).toMatchObject({ ok: true });
    expect(await authenticate(db, { email, password: PASSWORD }, fromHome)).toMatchObject({ reason: "invalid" });
  });
});

/** The account e-mails queued for a user, oldest first. */
async function accountEmailJobs(userId: string): Promise<{ kind: string; token: string; next?: string }[]> {
  const rows = await db.execute<{ payload: { kind: string; token: string; next?: string } }>(sql`
    select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
    where t.identifier = 'send-account-email' and j.payload->>'userId' = ${userId} order by j.id`);
  return rows.map((r) => r.payload);
}

describe("demo accounts", () => {
  it("are seeded for every role with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await authenticate(db, { email: account.email, password: DEMO_PASSWORD }, { clientAddress: "198.51.100.1" });
      expect(result, account.email).toMatchObject({ ok: true, user: { role: account.role } });
    }
    const agent = await findUserByEmail(db, "agent@halles.test");
    expect(await listStaffStoreIds(db, agent!.id)).toHaveLength(1);
  });
});

describe("the session user and role checks", () => {
  it("reads the role from the database, so a changed role or a deleted account counts at once", async () => {
    const user = await createUser(db, { email: uniqueEmail("roles"), name: "Role Change", passwordHash });
    const session = { user: { id: user.id, role: "admin" } }; // a stale or forged role in the token is ignored
    const loaded = await loadSessionUser(db, session);
    expect(loaded).toMatchObject({ id: user.id, role: "customer" });
    expect(checkAccess(loaded, STAFF_ROLES)).toBe("forbidden");

    await db.update(users).set({ role: "agent" }).where(eq(users.id, user.id));
    expect(checkAccess(await loadSessionUser(db, session), STAFF_ROLES)).toBe("allowed");

    await db.delete(users).where(eq(users.id, user.id));
    expect(await loadSessionUser(db, session)).toBeNull();
    expect(checkAccess(await loadSessionUser(db, session), STAFF_ROLES)).toBe("unauthenticated");
  });

  it("sessions (issue 6 item 7): a raised session version or a deactivation ends every session at its next request", async () => {
    const user = await createUser(db, { email: uniqueEmail("sessions"), name: "Session Holder", passwordHash, role: "agent" });
    const session = { user: { id: user.id }, sessionVersion: user.sessionVersion };
    expect(await loadSessionUser(db, session)).toMatchObject({ id: user.id });
    await endAllSessions(db, user.id);
    expect(await loadSessionUser(db, session)).toBeNull();
    const renewed = { ...session, sessionVersion: user.sessionVersion + 1 };
    expect(await loadSessionUser(db, renewed)).toMatchObject({ id: user.id });
    await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, user.id));
    expect(await loadSessionUser(db, renewed)).toBeNull();
  });

  it("treats a missing or malformed session id as signed out", async () => {
    expect(await loadSessionUser(db, null)).toBeNull();
    expect(await loadSessionUser(db, { user: { id: "" } })).toBeNull();
    expect(await loadSessionUser(db, { user: { id: "not-a-uuid' or 1=1" } })).toBeNull();
  });
});

describe("addresses", () => {
  it("belong to one shopper: the first is the default, and nobody else can delete them", async () => {
    const [a, b] = await Promise.all([
      createUser(db, { email: uniqueEmail("addr-a"), name: "A", passwordHash }),
      createUser(db, { email: uniqueEmail("addr-b"), name: "B", passwordHash }),
    ]);
    const home = await addAddress(db, a.id, { label: "Home", recipient: "A", street: "1 Rue X", postcode: "69003", city: "Lyon" });
    const work = await addAddress(db, a.id, { label: "Work", recipient: "A", street: "2 Rue Y", postcode: "69002", city: "Lyon", phone: "" });
    expect(home.isDefault).toBe(true);
    expect(work).toMatchObject({ isDefault: false, phone: null });
    expect((await listAddresses(db, a.id)).map((x) => x.label)).toEqual(["Home", "Work"]);
    expect(await listAddresses(db, b.id)).toEqual([]);

    expect(await deleteAddress(db, b.id, work.id)).toBe(false);
    expect(await deleteAddress(db, a.id, "not-a-uuid")).toBe(false);
    expect(await deleteAddress(db, a.id, work.id)).toBe(true);
    expect((await listAddresses(db, a.id)).map((x) => x.label)).toEqual(["Home"]);
  });
});
