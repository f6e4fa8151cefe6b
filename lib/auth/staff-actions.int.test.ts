// Access to the back office, tested per action and route handler, not per page (issue 7 item 3).
// The test finds them itself — every "use server" module under app/(backoffice) and lib/backoffice
// (and lib/**/admin*), every route handler under app/api/admin and app/(backoffice) — and each
// export must carry its access rule (lib/backoffice/action.ts: backOfficeAction, backOfficeRoute),
// so that an action or route added later is covered, or fails here, without anyone remembering to.
import { randomUUID } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { eq } from "drizzle-orm";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createDatabase, type Database } from "@/db/client";
import { setStaffStores } from "@/db/queries/users";
import { contentPages, orders, slots, stores, users, type UserRole } from "@/db/schema";
import { NOT_ALLOWED, validatedActionWithUser } from "@/lib/actions";
import { STORE_ROLES } from "@/lib/backoffice/access";
import { accessOf, NOT_FOUND_ANSWER, ORDER_FIELD, STORE_FIELD, type BackOfficeAccess } from "@/lib/backoffice/action";
import { backOfficeRoute } from "@/lib/backoffice/route";
import { STAFF_ROLES } from "./access";

vi.mock("server-only", () => ({}));
// Refreshing the page a form came from needs a request; a refused action never gets that far.
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), refresh: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));
// Auth.js decodes the session cookie; the stub stands in for it with the signed-in user's id and
// session version (the guards still read the user, their role and stores, from the database).
const signedIn = vi.hoisted(() => ({ userId: null as string | null, sessionVersion: 0 }));
// Draft mode (content previews) needs a request; the routes only switch it on or off.
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), draftMode: async () => ({ isEnabled: false, enable: () => {}, disable: () => {} }) }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId }, sessionVersion: signedIn.sessionVersion } : null) }));

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;
const ROUTE = /(^|[/\\])route\.(ts|tsx)$/;
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function sourceFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => SOURCE.test(f) && !TEST.test(f))
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The back office's files: app/(backoffice)/**, lib/backoffice/**, lib/** files or folders named admin*, app/api/admin/**. */
function backOfficeFiles(): string[] {
  const app = sourceFiles(join(ROOT, "app", "(backoffice)"));
  const api = sourceFiles(join(ROOT, "app", "api", "admin"));
  const lib = sourceFiles(join(ROOT, "lib")).filter((f) => {
    const segments = relative(join(ROOT, "lib"), f).split(sep);
    return segments[0] === "backoffice" || segments.some((segment) => segment.startsWith("admin"));
  });
  return [...new Set([...app, ...api, ...lib])].sort();
}

/** A module whose first statement is the "use server" directive: every export is a server action. */
const isServerActionModule = (source: string) => /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(source);
/** "use server" anywhere else: an inline action in a component, which this test could not call. */
const hasInlineServerAction = (source: string) => /["']use server["']/.test(source) && !isServerActionModule(source);

type Callable = (...args: unknown[]) => unknown;
type Outcome = { answer?: unknown; thrown?: unknown };

/** Runs an action as the signed-in user with `fields`; what it answered, or what it threw. */
async function attempt(action: Callable, fields: Record<string, string> = {}): Promise<Outcome> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  try {
    return { answer: await action({}, form) };
  } catch (thrown) {
    return { thrown };
  }
}

const answered = (outcome: Outcome, expected: { ok?: boolean; message?: string }) =>
  typeof outcome.answer === "object" && outcome.answer !== null && (outcome.answer as { ok?: boolean }).ok === expected.ok && (outcome.answer as { message?: string }).message === expected.message;
/** Refused for the role: the wrappers' answer, never a redirect into the back office, never success. */
const isRoleRefusal = (outcome: Outcome) => answered(outcome, NOT_ALLOWED);
const isNotFound = (outcome: Outcome) => answered(outcome, NOT_FOUND_ANSWER);
/** Sent to sign in: the session no longer counts. */
const isSignInRedirect = (outcome: Outcome) => isRedirectError(outcome.thrown) && String((outcome.thrown as { digest: string }).digest).includes("/sign-in?next=");

let db: Database;
let close: () => Promise<void>;
type Person = { id: string; sessionVersion: number };
const people = {} as Record<"customer" | "marketing" | "admin" | "agentA" | "agentB" | "activeAdmin" | "deactivatedAgent" | "deactivatedAdmin" | "activeAgent", Person>;
let storeA: { id: number; slug: string };
let storeB: { id: number; slug: string };
let orderA: string;
let orderB: string;
/** Path parameters of routes that act on neither a store nor an order (a content page's id). */
let unscopedParams: Record<string, string>;

function signInAs(person: Person | null) {
  signedIn.userId = person?.id ?? null;
  signedIn.sessionVersion = person?.sessionVersion ?? 0;
}

async function newStaff(role: UserRole, storeIds: number[], deactivated = false): Promise<Person> {
  const [user] = await db
    .insert(users)
    .values({ email: `access-${role}-${randomUUID()}@example.test`, name: `Access ${role}`, role, passwordHash: "not-used", emailVerifiedAt: new Date(), deactivatedAt: deactivated ? new Date() : null })
    .returning({ id: users.id, sessionVersion: users.sessionVersion });
  await setStaffStores(db, user.id, storeIds);
  return user;
}

async function newOrder(storeId: number, shopperId: string): Promise<string> {
  const startsAt = new Date(Date.now() + 86_400_000);
  const [slot] = await db.insert(slots).values({ storeId, kind: "collection", startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), capacity: 3 }).returning({ id: slots.id });
  const [order] = await db
    .insert(orders)
    .values({
      number: `T-${randomUUID().slice(0, 8)}`,
      userId: shopperId,
      storeId,
      slotId: slot.id,
      slotStartsAt: startsAt,
      fulfilment: "collection",
      contactEmail: "shopper@example.test",
      subtotalCents: 1000,
      deliveryFeeCents: 0,
      totalCents: 1000,
      authorizedCents: 1100,
      expiresAt: new Date(Date.now() + 1_800_000),
    })
    .returning({ id: orders.id });
  return order.id;
}

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 2);
  db = connection.db;
  close = () => connection.sql.end();
  const byEmail = async (email: string) => (await db.select({ id: users.id, sessionVersion: users.sessionVersion }).from(users).where(eq(users.email, email)))[0];
  people.customer = await byEmail("customer@halles.test");
  people.marketing = await byEmail("marketing@halles.test");
  people.admin = await byEmail("admin@halles.test");
  [storeA] = await db.select({ id: stores.id, slug: stores.slug }).from(stores).where(eq(stores.slug, "lyon-part-dieu"));
  [storeB] = await db.select({ id: stores.id, slug: stores.slug }).from(stores).where(eq(stores.slug, "bordeaux-chartrons"));
  people.agentA = await newStaff("agent", [storeA.id]);
  people.agentB = await newStaff("agent", [storeB.id]);
  people.activeAgent = await newStaff("agent", [storeA.id]);
  people.deactivatedAgent = await newStaff("agent", [storeA.id], true);
  people.activeAdmin = await newStaff("admin", []);
  people.deactivatedAdmin = await newStaff("admin", [], true);
  orderA = await newOrder(storeA.id, people.customer.id);
  orderB = await newOrder(storeB.id, people.customer.id);
  const [page] = await db.insert(contentPages).values({ kind: "landing", slug: `access-${randomUUID().slice(0, 8)}`, title: "Access" }).returning({ id: contentPages.id });
  unscopedParams = { id: String(page.id) };
});

afterAll(() => close());

const ROLE_PEOPLE: Record<UserRole, keyof typeof people> = { customer: "customer", marketing: "marketing", agent: "agentA", admin: "admin" };

/** The form field naming what a scoped action acts on, set to store A's or store B's. */
const place = (access: BackOfficeAccess, store: "A" | "B"): Record<string, string> =>
  access.scope === "store" ? { [STORE_FIELD]: (store === "A" ? storeA : storeB).slug } : access.scope === "order" ? { [ORDER_FIELD]: store === "A" ? orderA : orderB } : {};

describe("back-office access, per action and route (issue 7)", () => {
  const files = backOfficeFiles();
  const rel = (f: string) => relative(ROOT, f);
  const actionModules = files.filter((f) => isServerActionModule(readFileSync(f, "utf8")));
  const routeModules = files.filter((f) => ROUTE.test(f) && rel(f).startsWith(`app${sep}`));

  async function exportsOf(file: string): Promise<[string, Callable][]> {
    const loaded = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    return Object.entries(loaded).filter((entry): entry is [string, Callable] => typeof entry[1] === "function");
  }

  it("finds the back office's action modules by themselves (these at least)", () => {
    expect(files.map(rel)).toContain(join("app", "(backoffice)", "admin", "page.tsx"));
    expect(actionModules.map(rel)).toEqual(expect.arrayContaining([join("lib", "backoffice", "staff-actions.ts"), join("lib", "backoffice", "stock-actions.ts")]));
  });

  it("has no inline server actions, which could not be checked here", () => {
    expect(files.filter((f) => hasInlineServerAction(readFileSync(f, "utf8"))).map(rel)).toEqual([]);
  });

  it("tells a server action module from other files", () => {
    expect(isServerActionModule('"use server";\nexport async function a() {}')).toBe(true);
    expect(isServerActionModule('// Staff actions.\n/* more */\n"use server";\n')).toBe(true);
    expect(isServerActionModule(readFileSync(join(ROOT, "lib", "auth", "actions.ts"), "utf8"))).toBe(true);
    expect(isServerActionModule('import x from "y";\n"use server";')).toBe(false);
    expect(hasInlineServerAction('export default function Page() { async function act() { "use server"; } }')).toBe(true);
  });

  it("refuses a staff-only action to a customer and runs it for staff (the check this test relies on)", async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const staffOnly = validatedActionWithUser({ role: STAFF_ROLES }, z.object({}), handler) as Callable;
    signInAs(people.customer);
    expect(isRoleRefusal(await attempt(staffOnly))).toBe(true);
    expect(handler).not.toHaveBeenCalled();
    signInAs(people.agentA);
    expect(isRoleRefusal(await attempt(staffOnly))).toBe(false);
    expect(handler).toHaveBeenCalledOnce();
  });

  describe.each(actionModules.map((f) => [rel(f), f]))("%s", (_name, file) => {
    it("every action declares who may run it and what it acts on", async () => {
      const actions = await exportsOf(file);
      expect(actions.length).toBeGreaterThan(0);
      for (const [name, action] of actions) {
        const access = accessOf(action);
        expect(access, `${name} has no access rule: wrap it in backOfficeAction (lib/backoffice/action.ts)`).toBeDefined();
        expect(access!.roles.length, name).toBeGreaterThan(0);
        expect(access!.roles.every((role) => (STAFF_ROLES as readonly string[]).includes(role)), `${name} lets non-staff in`).toBe(true);
      }
    });

    it("every action refuses each role it does not name: customers, marketers, agents for admin-only actions", async () => {
      for (const [name, action] of await exportsOf(file)) {
        const access = accessOf(action)!;
        for (const role of (["customer", "marketing", "agent", "admin"] as const).filter((r) => !access.roles.includes(r))) {
          signInAs(people[ROLE_PEOPLE[role]]);
          expect(isRoleRefusal(await attempt(action, place(access, "A"))), `${name} as ${role}`).toBe(true);
        }
      }
    });

    it("every action refuses a deactivated account at its next request, and runs for the same account active", async () => {
      for (const [name, action] of await exportsOf(file)) {
        const access = accessOf(action)!;
        const [active, deactivated] = access.roles.includes("agent") ? [people.activeAgent, people.deactivatedAgent] : [people.activeAdmin, people.deactivatedAdmin];
        signInAs(active);
        const allowed = await attempt(action, place(access, "A"));
        expect(isRoleRefusal(allowed) || isSignInRedirect(allowed) || isNotFound(allowed), `${name} active`).toBe(false);
        signInAs(deactivated);
        expect(isSignInRedirect(await attempt(action, place(access, "A"))), `${name} deactivated`).toBe(true);
      }
    });

    it("every store or order action answers an agent of another store as if it did not exist", async () => {
      for (const [name, action] of await exportsOf(file)) {
        const access = accessOf(action)!;
        if (access.scope === "none" || !access.roles.includes("agent")) continue;
        signInAs(people.agentA);
        expect(isNotFound(await attempt(action, place(access, "B"))), `${name}: store A's agent, store B`).toBe(true);
        expect(isNotFound(await attempt(action, {})), `${name}: nothing named`).toBe(true);
        expect(isNotFound(await attempt(action, place(access, "A"))), `${name}: store A's agent, store A`).toBe(false);
        signInAs(people.agentB);
        expect(isNotFound(await attempt(action, place(access, "B"))), `${name}: store B's agent, store B`).toBe(false);
        signInAs(people.admin);
        expect(isNotFound(await attempt(action, place(access, "B"))), `${name}: an admin, store B`).toBe(false);
      }
    });
  });

  /** A route handler's access: other roles 403, a deactivated account 401, another store's agent 404. */
  async function checkRoute(name: string, handler: Callable) {
    const access = accessOf(handler);
    expect(access, `${name} has no access rule: wrap it in backOfficeRoute (lib/backoffice/route.ts)`).toBeDefined();
    const call = async (store: "A" | "B") => {
      const params = access!.scope === "store" ? { store: (store === "A" ? storeA : storeB).slug } : access!.scope === "order" ? { orderId: store === "A" ? orderA : orderB } : unscopedParams;
      return (await handler(new Request("http://localhost/api/admin/test"), { params: Promise.resolve(params) })) as Response;
    };
    for (const role of (["customer", "marketing", "agent", "admin"] as const).filter((r) => !access!.roles.includes(r))) {
      signInAs(people[ROLE_PEOPLE[role]]);
      expect((await call("A")).status, `${name} as ${role}`).toBe(403);
    }
    const [active, deactivated] = access!.roles.includes("agent") ? [people.activeAgent, people.deactivatedAgent] : [people.activeAdmin, people.deactivatedAdmin];
    signInAs(active);
    expect((await call("A")).status, `${name} active`).not.toBeOneOf([401, 403, 404]);
    signInAs(deactivated);
    expect((await call("A")).status, `${name} deactivated`).toBe(401);
    if (access!.scope !== "none" && access!.roles.includes("agent")) {
      signInAs(people.agentA);
      expect((await call("B")).status, `${name}: store A's agent, store B`).toBe(404);
      expect((await call("A")).status, `${name}: store A's agent, store A`).not.toBe(404);
    }
  }

  it("checks a route handler's access the way it checks every discovered one (the route wrapper refuses whom it must)", async () => {
    for (const scope of ["store", "order"] as const) {
      const sample = backOfficeRoute({ roles: STORE_ROLES, scope }, async (_request, { place }) => Response.json({ storeId: place.storeId })) as unknown as Callable;
      await checkRoute(`sample ${scope} route`, sample);
    }
    // Without the wrapper's marker, the check fails.
    await expect(checkRoute("unmarked", async () => Response.json({}))).rejects.toThrow(/has no access rule/);
  });

  describe.each(routeModules.map((f) => [rel(f), f]))("%s", (_name, file) => {
    it("every route handler declares its access and refuses whom it must: other roles 403, deactivated 401, another store 404", async () => {
      const handlers = (await exportsOf(file)).filter(([name]) => HTTP_METHODS.includes(name));
      expect(handlers.length).toBeGreaterThan(0);
      for (const [name, handler] of handlers) await checkRoute(name, handler);
    });
  });
});
