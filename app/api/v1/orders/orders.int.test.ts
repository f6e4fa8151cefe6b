// The signed-in shopper's orders over REST v1: only their own in the list, another shopper's
// order is a 404 like a missing one, and the timeline leaves out e-mail records.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { orderEvents } from "@/db/schema";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { GET as getOrder } from "./[id]/route";
import { GET as listOrders } from "./route";

// The handlers read the session only through Auth.js's auth() (lib/api/session.ts). The stub
// stands in for decoding the session cookie and returns { user: { id } } for `signedIn.userId`;
// the user is still re-read from the database.
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

let db: Database;
let close: () => Promise<void>;
let a: { userId: string; orderIds: string[] };
let b: { userId: string; orderIds: string[] };

const list = (query = "") => listOrders(new Request(`http://localhost/api/v1/orders${query}`), undefined);
const detail = (id: string) => getOrder(new Request(`http://localhost/api/v1/orders/${encodeURIComponent(id)}`), { params: Promise.resolve({ id }) });

/** A new shopper with one placed (pending_payment) collection order. */
async function shopperWithOrder(storeId: number, variantId: number, quantity: number) {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const { userId, basketId } = await shopperWithBasket(db, storeId, [{ variantId, quantity }]);
  const result = await placeOrder(db, { userId, basketId, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!result.ok) throw new Error(`placeOrder refused: ${result.error.code}`);
  return { userId, orderIds: [result.order.id] };
}

beforeAll(async () => {
  ({ db, close } = connect(4));
  const lyon = await storeBySlug(db, "lyon-part-dieu");
  const yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  await setStock(db, lyon.id, yoghurt.id, 50);
  a = await shopperWithOrder(lyon.id, yoghurt.id, 2);
  b = await shopperWithOrder(lyon.id, yoghurt.id, 1);
  // An e-mail record: from = to, not a status change.
  await db.insert(orderEvents).values({ orderId: a.orderIds[0], fromStatus: "pending_payment", toStatus: "pending_payment", actor: "notifications", data: { mail: "x" } });
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

describe("GET /api/v1/orders", () => {
  it("answers 401 when signed out", async () => {
    signedIn.userId = null;
    expect((await list()).status).toBe(401);
    expect((await detail(a.orderIds[0])).status).toBe(401);
  });

  it("lists only the caller's orders", async () => {
    signedIn.userId = a.userId;
    const response = await list();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.data.map((o: { id: string }) => o.id)).toEqual(a.orderIds);
    expect(body.data[0]).toMatchObject({ status: "pending_payment", fulfilment: "collection", store: { slug: "lyon-part-dieu" }, total: { currency: "EUR" }, lineCount: 1 });
    expect(body.pagination).toEqual({ page: 1, pageSize: 20, total: 1, pageCount: 1 });

    signedIn.userId = b.userId;
    expect((await (await list()).json()).data.map((o: { id: string }) => o.id)).toEqual(b.orderIds);
    expect((await (await list("?page=2")).json()).data).toEqual([]);
  });

  it("answers an invalid page with 400", async () => {
    signedIn.userId = a.userId;
    const response = await list("?page=0");
    expect(response.status).toBe(400);
    expect((await response.json()).error.fields.page).toBeDefined();
  });
});

describe("GET /api/v1/orders/{id}", () => {
  it("shows the caller's order with lines and the status timeline, without e-mail records", async () => {
    signedIn.userId = a.userId;
    const response = await detail(a.orderIds[0]);
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data).toMatchObject({ id: a.orderIds[0], status: "pending_payment", total: { currency: "EUR" } });
    expect(data.lines).toEqual([expect.objectContaining({ quantity: 2, soldBy: "unit", price: { amount: expect.any(Number), currency: "EUR" } })]);
    expect(data.timeline).toEqual([{ from: null, to: "pending_payment", reason: null, at: expect.any(String) }]);
  });

  it("answers another shopper's order, a missing one and a malformed id alike: 404", async () => {
    signedIn.userId = a.userId;
    for (const id of [b.orderIds[0], "00000000-0000-4000-8000-000000000000", "not-a-uuid", "1 or 1=1"]) {
      const response = await detail(id);
      expect(response.status).toBe(404);
      expect((await response.json()).error).toEqual({ code: "not_found", message: "No such order." });
    }
  });
});
