// The shopper's order actions on the real database: they act only on the signed-in shopper's
// own order, send visitors to sign in, and always answer with a redirect the order page explains.
import { eq } from "drizzle-orm";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { placeOrder } from "@/db/queries/checkout";
import { confirmPaidOrder } from "@/db/queries/order-lifecycle";
import { transitionOrder } from "@/db/queries/orders";
import { orders } from "@/db/schema";
import { bookedOf, connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { cancelOrder, payOrder } from "./actions";

vi.mock("server-only", () => ({}));
const signedIn = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/auth", () => ({ auth: async () => (signedIn.userId ? { user: { id: signedIn.userId } } : null) }));

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let variantId: number;

beforeAll(async () => {
  ({ db, close } = connect(4));
  storeId = (await storeBySlug(db, "bordeaux-chartrons")).id;
  variantId = (await variantOf(db, "kiwis")).id;
  await setStock(db, storeId, variantId, 50);
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

beforeEach(() => {
  signedIn.userId = null;
});

async function shopperOrder() {
  const slotId = await createSlot(db, { storeId, kind: "collection", capacity: 5 });
  const { userId, basketId } = await shopperWithBasket(db, storeId, [{ variantId, quantity: 1 }]);
  const placed = await placeOrder(db, { userId, basketId, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
  if (!placed.ok) throw new Error(placed.error.code);
  return { userId, orderId: placed.order.id, slotId };
}

/** Where the action redirected to (every outcome is a redirect). */
async function redirectOf(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    if (isRedirectError(error)) return getURLFromRedirectError(error);
    throw error;
  }
  throw new Error("the action did not redirect");
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.set(k, v);
  return data;
};
const statusOf = async (id: string) => (await db.select({ status: orders.status }).from(orders).where(eq(orders.id, id)))[0].status;

describe("cancelOrder", () => {
  it("cancels the shopper's own order and comes back to it", async () => {
    const { userId, orderId, slotId } = await shopperOrder();
    signedIn.userId = userId;
    expect(await redirectOf(cancelOrder(form({ orderId })))).toBe(`/account/orders/${orderId}?cancelled=1`);
    expect(await statusOf(orderId)).toBe("cancelled");
    expect(await bookedOf(db, slotId)).toBe(0);
    // Posting again (back button, double click) is harmless.
    expect(await redirectOf(cancelOrder(form({ orderId })))).toBe(`/account/orders/${orderId}?cancelled=1`);
  });

  it("never touches another shopper's order, nor a malformed id", async () => {
    const theirs = await shopperOrder();
    const mine = await shopperOrder();
    signedIn.userId = mine.userId;
    expect(await redirectOf(cancelOrder(form({ orderId: theirs.orderId })))).toBe("/account/orders");
    expect(await redirectOf(cancelOrder(form({ orderId: "1; drop table orders" })))).toBe("/account/orders");
    expect(await statusOf(theirs.orderId)).toBe("pending_payment");
    expect(await bookedOf(db, theirs.slotId)).toBe(1);
  });

  it("says when picking has started", async () => {
    const { userId, orderId } = await shopperOrder();
    await db.transaction(async (tx) => {
      await confirmPaidOrder(tx, orderId, { paymentIntentId: `pi_${orderId}` });
      await transitionOrder(tx, { orderId, to: "picking", actor: "system" });
    });
    signedIn.userId = userId;
    expect(await redirectOf(cancelOrder(form({ orderId })))).toBe(`/account/orders/${orderId}?cancel=refused`);
    expect(await statusOf(orderId)).toBe("picking");
  });

  it("sends visitors to sign in", async () => {
    const { orderId } = await shopperOrder();
    expect(await redirectOf(cancelOrder(form({ orderId })))).toBe("/sign-in?next=%2Faccount%2Forders");
    expect(await statusOf(orderId)).toBe("pending_payment");
  });
});

describe("payOrder", () => {
  it("goes back to an order that no longer waits for payment, and refuses another shopper's", async () => {
    const { userId, orderId } = await shopperOrder();
    await db.transaction((tx) => confirmPaidOrder(tx, orderId, { paymentIntentId: `pi_${orderId}` }));
    signedIn.userId = userId;
    expect(await redirectOf(payOrder(form({ orderId })))).toBe(`/account/orders/${orderId}`);
    const theirs = await shopperOrder();
    expect(await redirectOf(payOrder(form({ orderId: theirs.orderId })))).toBe("/account/orders");
  });
});
