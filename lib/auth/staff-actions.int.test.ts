// Every server action of the back office refuses customers, on the server, whatever the page
// does. The test finds the actions itself — the "use server" modules under app/(backoffice),
// lib/backoffice and lib/**/admin* — so that actions added later are covered without anyone remembering to.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { eq } from "drizzle-orm";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { createDatabase, type Database } from "@/db/client";
import { users } from "@/db/schema";
import { validatedActionWithUser } from "@/lib/actions";
import { AccessDeniedError, STAFF_ROLES } from "./access";

vi.mock("server-only", () => ({}));
// Auth.js decodes the session cookie; the stub stands in for it with the signed-in user's id
// (the guards still read the user, and their role, from the database).
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => SOURCE.test(f) && !TEST.test(f))
    .map((f) => join(dir, f));
}

/** The back office's files: app/(backoffice)/**, lib/backoffice/**, and lib/** files or folders named admin*. */
function backOfficeFiles(): string[] {
  const app = sourceFiles(join(ROOT, "app", "(backoffice)"));
  const lib = sourceFiles(join(ROOT, "lib")).filter((f) =>
    relative(join(ROOT, "lib"), f)
      .split(sep)
      .some((segment, i) => segment.startsWith("admin") || (i === 0 && segment === "backoffice")),
  );
  return [...app, ...lib].sort();
}

/** A module whose first statement is the "use server" directive: every export is a server action. */
const isServerActionModule = (source: string) => /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(source);
/** "use server" anywhere else: an inline action in a component, which this test could not call. */
const hasInlineServerAction = (source: string) => /["']use server["']/.test(source) && !isServerActionModule(source);

/** Runs an action as the signed-in user; what it answered, or what it threw. */
async function attempt(action: (...args: unknown[]) => unknown): Promise<{ answer?: unknown; thrown?: unknown }> {
  try {
    return { answer: await action({}, new FormData()) };
  } catch (thrown) {
    return { thrown };
  }
}

/** Refused: the wrapper's message, AccessDeniedError, or Next.js's forbidden(). Never a redirect into the back office, never success. */
function isRefusal({ answer, thrown }: { answer?: unknown; thrown?: unknown }): boolean {
  if (thrown !== undefined) {
    if (thrown instanceof AccessDeniedError) return thrown.code === "forbidden";
    if (isRedirectError(thrown)) return false;
    return typeof thrown === "object" && thrown !== null && "digest" in thrown && String(thrown.digest).startsWith("NEXT_HTTP_ERROR_FALLBACK;403");
  }
  return typeof answer === "object" && answer !== null && (answer as { ok?: boolean }).ok === false && (answer as { message?: string }).message === "Your account is not allowed to do this.";
}

let db: Database;
let close: () => Promise<void>;
let customerId: string;
let agentId: string;

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 2);
  db = connection.db;
  close = () => connection.sql.end();
  [{ id: customerId }] = await db.select({ id: users.id }).from(users).where(eq(users.email, "customer@halles.test"));
  [{ id: agentId }] = await db.select({ id: users.id }).from(users).where(eq(users.email, "agent@halles.test"));
});

afterAll(() => close());

describe("back-office server actions", () => {
  const files = backOfficeFiles();
  const actionModules = files.filter((f) => isServerActionModule(readFileSync(f, "utf8")));

  it("finds the back office's files and its server action modules", () => {
    expect(files.map((f) => relative(ROOT, f))).toContain(join("app", "(backoffice)", "admin", "page.tsx"));
    // Update this list when back-office actions are added; each is then checked below.
    expect(actionModules.map((f) => relative(ROOT, f))).toEqual([join("lib", "backoffice", "payment-actions.ts"), join("lib", "backoffice", "picking-actions.ts")]);
  });

  it("has no inline server actions, which could not be checked here", () => {
    expect(files.filter((f) => hasInlineServerAction(readFileSync(f, "utf8"))).map((f) => relative(ROOT, f))).toEqual([]);
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
    const staffOnly = validatedActionWithUser({ role: STAFF_ROLES }, z.object({}), handler);
    signedIn.userId = customerId;
    expect(isRefusal(await attempt(staffOnly as (...args: unknown[]) => unknown))).toBe(true);
    expect(handler).not.toHaveBeenCalled();
    signedIn.userId = agentId;
    expect(isRefusal(await attempt(staffOnly as (...args: unknown[]) => unknown))).toBe(false);
    expect(handler).toHaveBeenCalledOnce();
  });

  it.each(actionModules.map((f) => [relative(ROOT, f), f]))("%s: every action refuses a customer", async (_name, file) => {
    const actionModule = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    const actions = Object.entries(actionModule).filter((entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === "function");
    expect(actions.length).toBeGreaterThan(0);
    signedIn.userId = customerId;
    for (const [name, action] of actions) expect(isRefusal(await attempt(action)), name).toBe(true);
  });
});
