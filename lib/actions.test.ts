// The action wrapper answers arguments no form of ours sends (issue 6 item 15: the fuzzer posted
// them to every action, and each threw a TypeError, a 500).
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";

vi.mock("server-only", () => ({}));
vi.mock("@/auth", () => ({ auth: async () => null }));
const guards = vi.hoisted(() => ({ requireRole: vi.fn(async () => ({ id: "u1", role: "customer" })) }));
vi.mock("@/lib/auth/guards", () => guards);

const { UNREADABLE_FORM, validatedAction, validatedActionWithUser } = await import("./actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  return data;
};

/** What a client can make an action receive instead of (previous state, form data). */
const wrongArguments: unknown[][] = [[], [{}], [form({ email: "a@b.c" })], [{}, "a@b.c"], [{}, 42], [{}, null], [{}, { email: "a@b.c" }], [{}, ["email", "a@b.c"]], ["x", "y"]];

describe("lib/actions.ts with arguments no form sends", () => {
  it.each(wrongArguments.map((args) => [JSON.stringify(args), args]))("validatedAction(%s) answers the form, never throws", async (_name, args) => {
    const handler = vi.fn(async () => ({ ok: true }));
    const action = validatedAction(z.object({ email: z.string() }), handler) as (...args: unknown[]) => Promise<unknown>;
    await expect(action(...args)).resolves.toEqual(UNREADABLE_FORM);
    expect(handler).not.toHaveBeenCalled();
  });

  it("validatedActionWithUser checks the session first, then refuses the arguments", async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const action = validatedActionWithUser({ role: [] }, z.object({}), handler) as (...args: unknown[]) => Promise<unknown>;
    await expect(action({}, "not a form")).resolves.toEqual(UNREADABLE_FORM);
    expect(guards.requireRole).toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses a field holding NUL, which PostgreSQL cannot store, before the handler (found by the fuzzer: chooseStore's query failed, a 500)", async () => {
    const handler = vi.fn(async () => ({ ok: true }));
    const action = validatedAction(z.object({ store: z.string(), note: z.string() }), handler);
    const answer = await action({}, form({ store: "lyon\u0000", note: "fine" }));
    expect(answer).toMatchObject({ ok: false, errors: { store: [expect.stringContaining("cannot be saved")] } });
    expect(answer.errors).not.toHaveProperty("note");
    expect(handler).not.toHaveBeenCalled();
  });

  it("still runs the handler with a real form", async () => {
    const handler = vi.fn(async () => ({ ok: true, message: "done" }));
    const action = validatedAction(z.object({ email: z.string() }), handler);
    await expect(action({}, form({ email: "a@b.c" }))).resolves.toEqual({ ok: true, message: "done" });
    expect(handler).toHaveBeenCalledWith({ email: "a@b.c" });
  });
});
