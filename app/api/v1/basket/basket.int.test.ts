// The signed-in shopper's basket over REST v1: 401 when signed out, lines added, changed and
// removed, quantities validated with the error body, prices from the catalog only.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import { connect, createShopper, restoreStock, setStock, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { DELETE as deleteLine, PUT as putLine } from "./lines/[variantId]/route";
import { GET as getBasket } from "./route";

// The handlers read the session only through Auth.js's auth() (lib/api/session.ts). The stub
// stands in for decoding the session cookie and returns { user: { id } } for `signedIn.userId`;
// everything after it is real: the user is re-read from the database, so ids must be real users.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

let db: Database;
let close: () => Promise<void>;
let lyon: { id: number; name: string };
let yoghurt: Awaited<ReturnType<typeof variantOf>>;
let eggs: Awaited<ReturnType<typeof variantOf>>;

const url = (path: string) => `http://localhost${path}`;
const lineCtx = (variantId: number | string) => ({ params: Promise.resolve({ variantId: String(variantId) }) });
const basket = async (query = "") => getBasket(new Request(url(`/api/v1/basket${query}`)), undefined);
const put = (variantId: number | string, body: unknown, query = "?store=lyon-part-dieu") =>
  putLine(
    new Request(url(`/api/v1/basket/lines/${variantId}${query}`), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: typeof body === "string" ? body : JSON.stringify(body),
    }),
    lineCtx(variantId),
  );
const remove = (variantId: number | string) => deleteLine(new Request(url(`/api/v1/basket/lines/${variantId}`), { method: "DELETE" }), lineCtx(variantId));

beforeAll(async () => {
  ({ db, close } = connect(4));
  lyon = await storeBySlug(db, "lyon-part-dieu");
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  eggs = await variantOf(db, "free-range-eggs");
  await setStock(db, lyon.id, yoghurt.id, 20);
  await setStock(db, lyon.id, eggs.id, 20);
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

beforeEach(async () => {
  signedIn.userId = await createShopper(db);
});

describe("signed out", () => {
  it("answers every basket endpoint with 401 and the error body", async () => {
    signedIn.userId = null;
    for (const response of [await basket(), await put(yoghurt.id, { quantity: 1 }), await remove(yoghurt.id)]) {
      expect(response.status).toBe(401);
      expect((await response.json()).error).toEqual({ code: "unauthorized", message: expect.any(String) });
    }
  });

  it("treats a session whose user no longer exists as signed out", async () => {
    signedIn.userId = randomUUID();
    expect((await basket()).status).toBe(401);
  });
});

describe("limits (issue 6 item 8): personal answers", () => {
  it("are private and never stored, errors included", async () => {
    const answers = [await basket(), await put(yoghurt.id, { quantity: 1 }), await put(2_147_483_648, { quantity: 1 }), await remove(yoghurt.id)];
    signedIn.userId = null;
    answers.push(await basket());
    expect(answers.map((a) => a.status)).toEqual([200, 200, 404, 200, 401]);
    for (const answer of answers) expect(answer.headers.get("cache-control")).toBe("private, no-store");
  });
});

describe("GET /api/v1/basket", () => {
  it("shows an empty basket at the chosen store without creating one", async () => {
    const response = await basket("?store=lyon-part-dieu");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data).toMatchObject({ store: { slug: "lyon-part-dieu" }, lines: [], ready: false, totals: { total: { amount: 0, currency: "EUR" } } });
    expect((await db.query.baskets.findFirst({ where: (b, { eq }) => eq(b.userId, signedIn.userId!) })) ?? null).toBeNull();
  });

  it("refuses an unknown store with 400", async () => {
    const response = await basket("?store=nowhere");
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.store).toBeDefined();
  });

  it("serves staff as shoppers too", async () => {
    const [staff] = await db
      .insert(users)
      .values({ email: `marketing-${randomUUID()}@example.test`, name: "Staff", passwordHash: "not-used", role: "marketing" })
      .returning({ id: users.id });
    signedIn.userId = staff.id;
    expect((await put(yoghurt.id, { quantity: 1 })).status).toBe(200);
  });
});

describe("PUT and DELETE /api/v1/basket/lines/{variantId}", () => {
  it("adds, changes and removes lines, priced from the catalog", async () => {
    const added = await put(yoghurt.id, { quantity: 2, substitution: "refuse" });
    expect(added.status).toBe(200);
    const body = (await added.json()).data;
    expect(body.store.slug).toBe("lyon-part-dieu");
    expect(body.lines).toEqual([
      expect.objectContaining({
        variantId: yoghurt.id,
        quantity: 2,
        substitution: "refuse",
        price: { amount: yoghurt.priceCents, currency: "EUR" },
        estimate: { amount: 2 * yoghurt.priceCents, currency: "EUR" },
        problem: null,
      }),
    ]);
    expect(body.totals.subtotal).toEqual({ amount: 2 * yoghurt.priceCents, currency: "EUR" });

    await put(eggs.id, { quantity: 1 });
    const changed = (await (await put(yoghurt.id, { quantity: 5 })).json()).data;
    expect(changed.lines.map((l: { variantId: number; quantity: number }) => [l.variantId, l.quantity])).toEqual([
      [yoghurt.id, 5],
      [eggs.id, 1],
    ]);
    expect(changed.totals.subtotal.amount).toBe(5 * yoghurt.priceCents + eggs.priceCents);

    const zeroed = (await (await put(eggs.id, { quantity: 0 })).json()).data;
    expect(zeroed.lines.map((l: { variantId: number }) => l.variantId)).toEqual([yoghurt.id]);

    const deleted = await remove(yoghurt.id);
    expect(deleted.status).toBe(200);
    expect((await deleted.json()).data.lines).toEqual([]);
    expect((await remove(yoghurt.id)).status).toBe(200);
    expect((await (await basket()).json()).data.lines).toEqual([]);
  });

  it("ignores a price sent by the client", async () => {
    const response = await put(yoghurt.id, { quantity: 3, priceCents: 1, price: { amount: 1 }, totalCents: 1 });
    expect(response.status).toBe(200);
    const body = (await response.json()).data;
    expect(body.lines[0].price.amount).toBe(yoghurt.priceCents);
    expect(body.totals.subtotal.amount).toBe(3 * yoghurt.priceCents);
  });

  it.each([
    ["negative", { quantity: -1 }, /negative/],
    ["zero for a line not in the basket", { quantity: 0 }, /above 0/],
    ["fractional for an item sold by unit", { quantity: 1.5 }, /whole number/],
    ["not a number", { quantity: "NaN" }, /number/],
    ["missing", {}, /number/],
    ["huge", { quantity: 1e9 }, /at most 99/],
    ["beyond a double", '{"quantity": 1e400}', /number/],
  ])("answers a %s quantity with 400 and fields.quantity", async (_name, body, message) => {
    const response = await put(yoghurt.id, body);
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.code).toBe("bad_request");
    expect(error.fields.quantity[0]).toMatch(message);
    expect((await (await basket()).json()).data.lines).toEqual([]);
  });

  it("answers an invalid JSON body or substitution with 400", async () => {
    const invalid = await put(yoghurt.id, "{quantity: 1");
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error).toEqual({ code: "bad_request", message: "The request body must be valid JSON." });
    const substitution = await put(yoghurt.id, { quantity: 1, substitution: "maybe" });
    expect(substitution.status).toBe(400);
    expect((await substitution.json()).error.fields.substitution).toBeDefined();
  });

  it("says how many are left when asking for more than the store has", async () => {
    await setStock(db, lyon.id, eggs.id, 3);
    const response = await put(eggs.id, { quantity: 5 });
    expect(response.status).toBe(409);
    const { error } = await response.json();
    expect(error).toEqual({ code: "conflict", message: `Only 3 left at ${lyon.name}.`, fields: { quantity: [`Only 3 left at ${lyon.name}.`] } });
    await setStock(db, lyon.id, eggs.id, 20);
  });

  it("answers an unknown or malformed variant with 404 and leaves no basket behind", async () => {
    for (const id of [2_000_000_000, "99999999999", "abc", "-1"]) {
      const response = await put(id, { quantity: 1 });
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("not_found");
    }
    expect(await db.query.baskets.findFirst({ where: (b, { eq }) => eq(b.userId, signedIn.userId!) })).toBeUndefined();
    expect((await remove("abc")).status).toBe(404);
  });
});
