// Staff accounts (issue 7): an admin creates one (its owner chooses a password from an e-mailed
// link), edits it, deactivates it (its sessions end at once) and reactivates it; each change is
// in the audit log, and an admin cannot demote or deactivate themselves.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { listStaffStoreIds } from "@/db/queries/users";
import { staffActions, stores, users } from "@/db/schema";
import { loadSessionUser, type SessionUser } from "@/lib/auth/access";
import { verifyPassword } from "@/lib/auth/password";
import { resetPassword } from "@/lib/auth/sign-up";
import { createStaffAccount, setStaffActive, updateStaffAccount } from "./staff-accounts";

let db: Database;
let close: () => Promise<void>;
let admin: SessionUser;
let lyon: number;
let bordeaux: number;

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 6);
  db = connection.db;
  close = () => connection.sql.end();
  const [row] = await db.select().from(users).where(eq(users.email, "admin@halles.test"));
  admin = { id: row.id, email: row.email, name: row.name, role: row.role, storeIds: [] };
  [{ id: lyon }] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, "lyon-part-dieu"));
  [{ id: bordeaux }] = await db.select({ id: stores.id }).from(stores).where(eq(stores.slug, "bordeaux-chartrons"));
});
afterAll(() => close());

const email = () => `staff-${randomUUID()}@example.test`;
const auditOf = (subjectUserId: string) => db.select().from(staffActions).where(eq(staffActions.subjectUserId, subjectUserId)).orderBy(staffActions.id);

async function inviteToken(userId: string): Promise<string> {
  const [job] = await db.execute<{ payload: { kind: string; token: string } }>(sql`
    select payload from graphile_worker._private_jobs where key = ${`account-email:${userId}:staff-invite`}`);
  expect(job.payload.kind).toBe("staff-invite");
  return job.payload.token;
}

async function create(role: "agent" | "marketing" | "admin" = "agent", storeIds = [lyon]) {
  const result = await createStaffAccount(db, admin, { name: "New Agent", email: email(), role, storeIds });
  if (!result.ok) throw new Error(result.code);
  return result.member;
}

describe("staff accounts (issue 7)", () => {
  it("creates an agent for their stores, with no password until they choose one from the e-mailed link", async () => {
    const member = await create("agent", [bordeaux, lyon, lyon]);
    expect(member).toMatchObject({ role: "agent", deactivatedAt: null });
    expect(await listStaffStoreIds(db, member.id)).toEqual([lyon, bordeaux].sort((a, b) => a - b));
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(await verifyPassword("", row.passwordHash)).toBe(false);
    expect(row.emailVerifiedAt).not.toBeNull();

    const chosen = await resetPassword(db, await inviteToken(member.id), "a-long-enough-password");
    expect(chosen.ok).toBe(true);
    const [after] = await db.select().from(users).where(eq(users.id, member.id));
    expect(await verifyPassword("a-long-enough-password", after.passwordHash)).toBe(true);
    expect(await auditOf(member.id)).toEqual([expect.objectContaining({ staffId: admin.id, action: "staff.create", data: expect.objectContaining({ role: "agent" }) })]);
  });

  it("refuses an e-mail address already in use, and records nothing", async () => {
    const taken = await createStaffAccount(db, admin, { name: "Twin", email: "CUSTOMER@halles.test", role: "marketing", storeIds: [] });
    expect(taken).toEqual({ ok: false, code: "email_taken" });
    const [customer] = await db.select().from(users).where(eq(users.email, "customer@halles.test"));
    expect(customer.role).toBe("customer");
    expect(await auditOf(customer.id)).toEqual([]);
  });

  it("edits name, role and stores (only agents keep stores), recording before and after", async () => {
    const member = await create("agent", [lyon]);
    const moved = await updateStaffAccount(db, admin, member.id, { name: "Moved Agent", role: "agent", storeIds: [bordeaux] });
    expect(moved).toMatchObject({ ok: true, member: { name: "Moved Agent", storeIds: [bordeaux] } });
    const promoted = await updateStaffAccount(db, admin, member.id, { name: "Moved Agent", role: "admin", storeIds: [bordeaux] });
    expect(promoted).toMatchObject({ ok: true, member: { role: "admin", storeIds: [] } });
    const audit = await auditOf(member.id);
    expect(audit.map((a) => a.action)).toEqual(["staff.create", "staff.update", "staff.update"]);
    expect(audit[2].data).toEqual({ before: { name: "Moved Agent", role: "agent", storeIds: [bordeaux] }, after: { name: "Moved Agent", role: "admin", storeIds: [] } });
    // A customer is not staff: not found here.
    const [customer] = await db.select({ id: users.id }).from(users).where(eq(users.email, "customer@halles.test"));
    expect(await updateStaffAccount(db, admin, customer.id, { name: "X", role: "admin", storeIds: [] })).toEqual({ ok: false, code: "not_found" });
  });

  it("an admin cannot demote or deactivate themselves", async () => {
    expect(await updateStaffAccount(db, admin, admin.id, { name: admin.name, role: "agent", storeIds: [lyon] })).toEqual({ ok: false, code: "own_account" });
    expect(await setStaffActive(db, admin, admin.id, false)).toEqual({ ok: false, code: "own_account" });
    const [row] = await db.select().from(users).where(eq(users.id, admin.id));
    expect(row).toMatchObject({ role: "admin", deactivatedAt: null });
  });

  it("deactivation ends the account's sessions at their next request; reactivation lets it sign in again", async () => {
    const member = await create("agent", [lyon]);
    const [before] = await db.select().from(users).where(eq(users.id, member.id));
    const session = { user: { id: member.id }, sessionVersion: before.sessionVersion };
    expect(await loadSessionUser(db, session)).toMatchObject({ id: member.id, storeIds: [lyon] });

    expect(await setStaffActive(db, admin, member.id, false)).toMatchObject({ ok: true, member: { deactivatedAt: expect.any(Date) } });
    expect(await loadSessionUser(db, session)).toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, member.id));
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadSessionUser(db, { ...session, sessionVersion: after.sessionVersion })).toBeNull();

    expect(await setStaffActive(db, admin, member.id, true)).toMatchObject({ ok: true, member: { deactivatedAt: null } });
    expect(await loadSessionUser(db, { ...session, sessionVersion: after.sessionVersion })).toMatchObject({ id: member.id });
    expect((await auditOf(member.id)).map((a) => a.action)).toEqual(["staff.create", "staff.deactivate", "staff.reactivate"]);
  });

  it("two admins deactivating the same account at once: one deactivation, one audit entry", async () => {
    const member = await create("marketing", []);
    const results = await Promise.all(Array.from({ length: 5 }, () => setStaffActive(db, admin, member.id, false)));
    expect(results.every((r) => r.ok)).toBe(true);
    const deactivations = await db.select().from(staffActions).where(and(eq(staffActions.subjectUserId, member.id), eq(staffActions.action, "staff.deactivate")));
    expect(deactivations).toHaveLength(1);
    const [row] = await db.select().from(users).where(eq(users.id, member.id));
    expect(row.sessionVersion).toBe(1);
  });
});
