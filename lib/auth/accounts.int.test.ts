// Accounts on the real database: creating users, throttled sign-ins with real rows, and the
// session user the guards check, read afresh from the database.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { addAddress, createUser, deleteAddress, findUserByEmail, listAddresses, recordSignInAttempt, UserQueryError } from "@/db/queries/users";
import { signInAttempts, users } from "@/db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@/lib/auth/demo-accounts";
import { checkAccess, loadSessionUser, STAFF_ROLES } from "./access";
import { authenticate } from "./credentials";
import { hashPassword } from "./password";

let db: Database;
let close: () => Promise<void>;
const PASSWORD = "a long enough password";
let passwordHash: string;

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 4);
  db = connection.db;
  close = () => connection.sql.end();
  passwordHash = await hashPassword(PASSWORD);
});

afterAll(() => close());

const uniqueEmail = (tag: string) => `${tag}-${randomUUID()}@Example.TEST`;
const minutesBefore = (now: Date, m: number) => new Date(now.getTime() - m * 60_000);

describe("createUser", () => {
  it("stores the e-mail lower-cased and refuses a duplicate with a typed error", async () => {
    const email = uniqueEmail("dup");
    const user = await createUser(db, { email: `  ${email} `, name: " Jo Shopper ", passwordHash });
    expect(user).toMatchObject({ email: email.toLowerCase(), name: "Jo Shopper", role: "customer", storeId: null });
    const again = createUser(db, { email: email.toUpperCase(), name: "Someone else", passwordHash });
    await expect(again).rejects.toBeInstanceOf(UserQueryError);
    await expect(again).rejects.toMatchObject({ code: "email_taken" });
    expect(await findUserByEmail(db, email.toUpperCase())).toMatchObject({ id: user.id });
  });
});

describe("authenticate", () => {
  it("signs in with the right password and says only 'invalid' otherwise", async () => {
    const email = uniqueEmail("signin");
    const user = await createUser(db, { email, name: "Sam", passwordHash });
    expect(await authenticate(db, { email: email.toUpperCase(), password: PASSWORD })).toMatchObject({ ok: true, user: { id: user.id } });
    expect(await authenticate(db, { email, password: "wrong password!" })).toEqual({ ok: false, reason: "invalid" });
    // An unknown e-mail gets the same answer as a wrong password.
    expect(await authenticate(db, { email: uniqueEmail("nobody"), password: PASSWORD })).toEqual({ ok: false, reason: "invalid" });
    const attempts = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email.toLowerCase()));
    expect(attempts.map((a) => a.succeeded).sort()).toEqual([false, true]);
  });

  it("refuses the sixth attempt after five failures in 15 minutes, even with the right password", async () => {
    const email = uniqueEmail("throttle");
    await createUser(db, { email, name: "Throttled", passwordHash });
    const now = new Date();
    for (let i = 0; i < 5; i++) {
      expect(await authenticate(db, { email, password: `wrong-${i}` }, minutesBefore(now, 10 - i))).toMatchObject({ reason: "invalid" });
    }
    // The oldest of the five failures was 10 minutes ago: 5 minutes to wait.
    expect(await authenticate(db, { email, password: PASSWORD }, now)).toEqual({ ok: false, reason: "throttled", retryAfterMinutes: 5 });
    // Refused attempts are not recorded, so they do not extend the lock-out.
    const rows = await db.select().from(signInAttempts).where(eq(signInAttempts.email, email.toLowerCase()));
    expect(rows).toHaveLength(5);
    // Once the oldest failure is more than 15 minutes old, the right password works again.
    const later = new Date(now.getTime() + 5 * 60_000 + 1000);
    expect(await authenticate(db, { email, password: PASSWORD }, later)).toMatchObject({ ok: true });
  });

  it("throttles unknown e-mails the same way", async () => {
    const email = uniqueEmail("ghost");
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordSignInAttempt(db, { email, succeeded: false, at: minutesBefore(now, 1) });
    expect(await authenticate(db, { email, password: PASSWORD }, now)).toMatchObject({ ok: false, reason: "throttled", retryAfterMinutes: 14 });
  });

  it("forgets failures older than 15 minutes or before a successful sign-in", async () => {
    const email = uniqueEmail("window");
    await createUser(db, { email, name: "Window", passwordHash });
    const now = new Date();
    for (let i = 0; i < 5; i++) await recordSignInAttempt(db, { email, succeeded: false, at: minutesBefore(now, 16 + i) });
    expect(await authenticate(db, { email, password: "wrong again" }, now)).toMatchObject({ reason: "invalid" });

    const other = uniqueEmail("reset");
    await createUser(db, { email: other, name: "Reset", passwordHash });
    for (let i = 0; i < 4; i++) await recordSignInAttempt(db, { email: other, succeeded: false, at: minutesBefore(now, 10 + i) });
    await recordSignInAttempt(db, { email: other, succeeded: true, at: minutesBefore(now, 5) });
    await recordSignInAttempt(db, { email: other, succeeded: false, at: minutesBefore(now, 4) });
    expect(await authenticate(db, { email: other, password: PASSWORD }, now)).toMatchObject({ ok: true });
  });
});

describe("demo accounts", () => {
  it("are seeded for every role with the demo password", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const result = await authenticate(db, { email: account.email, password: DEMO_PASSWORD });
      expect(result, account.email).toMatchObject({ ok: true, user: { role: account.role } });
    }
    const agent = await findUserByEmail(db, "agent@halles.test");
    expect(agent?.storeId).not.toBeNull();
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
