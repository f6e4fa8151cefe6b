// placeOrder: no oversell and no overbooking under concurrent shoppers, server-side prices,
// and every refusal rolls back what was reserved.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { basketLines, orderEvents, productVariants } from "@/db/schema";
import {
  bookedOf,
  connect,
  createSlot,
  lyonAddress,
  restoreStock,
  setStock,
  shopperWithBasket,
  stockOf,
  storeBySlug,
  variantOf,
} from "@/tests/checkout-fixtures";
import { placeOrder, placeOrderErrorMessage, type PlaceOrderInput } from "./checkout";

let db: Database;
let close: () => Promise<void>;
let lyon: { id: number; name: string };
let paris: { id: number; name: string };
let yoghurt: Awaited<ReturnType<typeof variantOf>>;
let eggs: Awaited<ReturnType<typeof variantOf>>;
let bananas: Awaited<ReturnType<typeof variantOf>>;

beforeAll(async () => {
  ({ db, close } = connect(12));
  lyon = await storeBySlug(db, "lyon-part-dieu");
  paris = await storeBySlug(db, "paris-bastille");
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  eggs = await variantOf(db, "free-range-eggs");
  bananas = await variantOf(db, "bananas");
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

const collectionAt = (slotId: number, s: { userId: string; basketId: string }): PlaceOrderInput => ({
  ...s,
  fulfilment: "collection",
  slotId,
  contactEmail: "shopper@example.test",
});

describe("placeOrder under concurrency", () => {
  it("sells exactly the 10 items in stock to 50 simultaneous shoppers", async () => {
    await setStock(db, lyon.id, yoghurt.id, 10);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 60 });
    const shoppers = await Promise.all(Array.from({ length: 50 }, () => shopperWithBasket(db, lyon.id, [{ variantId: yoghurt.id, quantity: 1 }])));

    let sampling = true;
    let worstReserved = 0;
    const sampler = (async () => {
      while (sampling) {
        const level = await stockOf(db, lyon.id, yoghurt.id);
        expect(level.reserved).toBeLessThanOrEqual(level.quantity);
        worstReserved = Math.max(worstReserved, level.reserved);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
    })();
    const results = await Promise.all(shoppers.map((s) => placeOrder(db, collectionAt(slotId, s))));
    sampling = false;
    await sampler;

    const placed = results.filter((r) => r.ok);
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(placed).toHaveLength(10);
    expect(refused).toHaveLength(40);
    expect(refused.every((e) => e.code === "out_of_stock")).toBe(true);
    expect(refused[0]).toEqual({
      code: "out_of_stock",
      items: [{ variantId: yoghurt.id, productName: "Greek-Style Natural Yoghurt", requested: 1, available: 0 }],
    });
    expect(await stockOf(db, lyon.id, yoghurt.id)).toEqual({ quantity: 10, reserved: 10 });
    expect(worstReserved).toBeLessThanOrEqual(10);
    expect(await bookedOf(db, slotId)).toBe(10);
    const numbers = placed.map((r) => (r.ok ? r.order.number : ""));
    expect(new Set(numbers).size).toBe(10);
    numbers.forEach((n) => expect(n).toMatch(/^H-\d{6}$/));
  });

  it("books exactly 3 orders into a slot with 3 places, releasing the others' stock", async () => {
    await setStock(db, lyon.id, eggs.id, 100);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 3 });
    const shoppers = await Promise.all(Array.from({ length: 10 }, () => shopperWithBasket(db, lyon.id, [{ variantId: eggs.id, quantity: 2 }])));
    const results = await Promise.all(shoppers.map((s) => placeOrder(db, collectionAt(slotId, s))));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.error.code === "slot_full")).toHaveLength(7);
    expect(await bookedOf(db, slotId)).toBe(3);
    expect(await stockOf(db, lyon.id, eggs.id)).toEqual({ quantity: 100, reserved: 6 });
  });

  it("does not deadlock when baskets list the same items in opposite orders", async () => {
    await setStock(db, lyon.id, yoghurt.id, 100);
    await setStock(db, lyon.id, eggs.id, 100);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 30 });
    const early = new Date(Date.now() - 60_000);
    const shoppers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => {
        const [first, second] = i % 2 ? [yoghurt.id, eggs.id] : [eggs.id, yoghurt.id];
        return shopperWithBasket(db, lyon.id, [
          { variantId: first, quantity: 1, addedAt: early },
          { variantId: second, quantity: 1 },
        ]);
      }),
    );
    const results = await Promise.all(shoppers.map((s) => placeOrder(db, collectionAt(slotId, s))));
    expect(results.filter((r) => r.ok)).toHaveLength(20);
    expect(await stockOf(db, lyon.id, yoghurt.id)).toEqual({ quantity: 100, reserved: 20 });
  });
});

describe("placeOrder", () => {
  it("prices from the catalog, whatever the input carries, and records the order", async () => {
    await setStock(db, lyon.id, yoghurt.id, 50);
    await setStock(db, lyon.id, bananas.id, 20_000);
    const shopper = await shopperWithBasket(db, lyon.id, [
      { variantId: yoghurt.id, quantity: 3 },
      { variantId: bananas.id, quantity: 1_250 },
    ]);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "delivery", capacity: 5 });
    // A tampered request: price fields are not part of the API and are ignored.
    const tampered = { ...collectionAt(slotId, shopper), fulfilment: "delivery", address: lyonAddress, totalCents: 1, lines: [{ priceCents: 1 }] };
    const now = new Date();
    const result = await placeOrder(db, { ...(tampered as PlaceOrderInput), now, substitutions: { [bananas.id]: "refuse" } });
    if (!result.ok) throw new Error(`refused: ${result.error.code}`);

    const yoghurtCents = yoghurt.priceCents * 3;
    const bananaCents = Math.round((bananas.priceCents * 1_250) / 1000);
    const subtotal = yoghurtCents + bananaCents;
    expect(subtotal).toBeLessThan(5_000);
    expect(result.order).toMatchObject({
      status: "pending_payment",
      storeId: lyon.id,
      slotId,
      subtotalCents: subtotal,
      deliveryFeeCents: 499,
      totalCents: subtotal + 499,
      authorizedCents: subtotal + 499 + Math.ceil(bananaCents / 10),
      deliveryAddress: { ...lyonAddress, postcode: "69002" },
    });
    expect(result.order.expiresAt.getTime()).toBe(now.getTime() + 30 * 60_000);
    const lines = result.lines.map((l) => [l.productName, l.unitPriceCents, l.quantity, l.lineTotalCents, l.substitution]);
    expect(lines.sort()).toEqual([
      ["Bananas", bananas.priceCents, 1_250, bananaCents, "refuse"],
      ["Greek-Style Natural Yoghurt", yoghurt.priceCents, 3, yoghurtCents, "allow"],
    ]);
    expect(await db.select().from(orderEvents).where(eq(orderEvents.orderId, result.order.id))).toEqual([
      expect.objectContaining({ fromStatus: null, toStatus: "pending_payment", actor: `customer:${shopper.userId}` }),
    ]);
    expect(await stockOf(db, lyon.id, bananas.id)).toEqual({ quantity: 20_000, reserved: 1_250 });
    // The basket stays until payment starts.
    expect(await db.select().from(basketLines).where(eq(basketLines.basketId, shopper.basketId))).toHaveLength(2);
  });

  it("uses the price of the catalog at checkout, not the one when the item was added", async () => {
    await setStock(db, lyon.id, eggs.id, 100);
    const shopper = await shopperWithBasket(db, lyon.id, [{ variantId: eggs.id, quantity: 2 }]);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
    await db.update(productVariants).set({ priceCents: eggs.priceCents + 100 }).where(eq(productVariants.id, eggs.id));
    try {
      const result = await placeOrder(db, collectionAt(slotId, shopper));
      expect(result.ok && result.order.totalCents).toBe((eggs.priceCents + 100) * 2);
    } finally {
      await db.update(productVariants).set({ priceCents: eggs.priceCents }).where(eq(productVariants.id, eggs.id));
    }
  });

  it("refuses everything at once when one line is short, and keeps the basket", async () => {
    await setStock(db, lyon.id, yoghurt.id, 50);
    await setStock(db, lyon.id, eggs.id, 1);
    const shopper = await shopperWithBasket(db, lyon.id, [
      { variantId: yoghurt.id, quantity: 2 },
      { variantId: eggs.id, quantity: 3 },
    ]);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
    const result = await placeOrder(db, collectionAt(slotId, shopper));
    expect(result).toEqual({
      ok: false,
      error: { code: "out_of_stock", items: [{ variantId: eggs.id, productName: "Free-Range Eggs", requested: 3, available: 1 }] },
    });
    expect(!result.ok && placeOrderErrorMessage(result.error)).toBe("Not enough stock for: Free-Range Eggs.");
    expect(await stockOf(db, lyon.id, yoghurt.id)).toEqual({ quantity: 50, reserved: 0 });
    expect(await bookedOf(db, slotId)).toBe(0);
    expect(await db.select().from(basketLines).where(eq(basketLines.basketId, shopper.basketId))).toHaveLength(2);
  });

  it("refuses an empty basket, someone else's basket, and wrong slots or addresses", async () => {
    await setStock(db, lyon.id, yoghurt.id, 50);
    const shopper = await shopperWithBasket(db, lyon.id, [{ variantId: yoghurt.id, quantity: 1 }]);
    const other = await shopperWithBasket(db, lyon.id, []);
    const collection = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
    const delivery = await createSlot(db, { storeId: lyon.id, kind: "delivery", capacity: 5 });
    const parisSlot = await createSlot(db, { storeId: paris.id, kind: "collection", capacity: 5 });
    const past = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5, startsAt: new Date(Date.now() - 7_200_000) });
    const codeOf = async (input: PlaceOrderInput) => {
      const result = await placeOrder(db, input);
      return result.ok ? "ok" : result.error.code;
    };
    expect(await codeOf(collectionAt(collection, other))).toBe("empty_basket");
    expect(await codeOf(collectionAt(collection, { userId: other.userId, basketId: shopper.basketId }))).toBe("basket_not_found");
    expect(await codeOf(collectionAt(parisSlot, shopper))).toBe("slot_invalid");
    expect(await codeOf(collectionAt(delivery, shopper))).toBe("slot_invalid");
    expect(await codeOf(collectionAt(past, shopper))).toBe("slot_invalid");
    // Limits (issue 6 item 8): ids no integer column can hold are refused, not a database error.
    for (const slotId of [2_147_483_648, 9_999_999_999, Number.MAX_SAFE_INTEGER, -1, 0, 1.5]) {
      expect(await codeOf(collectionAt(slotId, shopper)), String(slotId)).toBe("slot_invalid");
    }
    expect(await codeOf({ ...collectionAt(delivery, shopper), fulfilment: "delivery" })).toBe("address_required");
    expect(await codeOf({ ...collectionAt(delivery, shopper), fulfilment: "delivery", address: { ...lyonAddress, postcode: "75011" } })).toBe(
      "postcode_not_covered",
    );
    expect(await stockOf(db, lyon.id, yoghurt.id)).toEqual({ quantity: 50, reserved: 0 });
    expect(await codeOf(collectionAt(collection, shopper))).toBe("ok");
  });

  it("refuses a quantity the catalog no longer allows", async () => {
    await setStock(db, lyon.id, bananas.id, 20_000);
    const shopper = await shopperWithBasket(db, lyon.id, [{ variantId: bananas.id, quantity: 300 }]);
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
    expect(await placeOrder(db, collectionAt(slotId, shopper))).toEqual({
      ok: false,
      error: { code: "invalid_quantity", items: [{ variantId: bananas.id, productName: "Bananas", message: "Choose a weight in steps of 250 g." }] },
    });
  });
});
