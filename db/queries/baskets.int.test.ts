// Basket lines are checked against the quantity rules and the basket store's stock, guest
// baskets merge into the shopper's at sign-in, and the view prices everything from the catalog.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { basketLines, baskets, products } from "@/db/schema";
import { connect, createBasket, createShopper, restoreStock, setStock, storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import {
  BasketError,
  basketSummary,
  changeBasketStore,
  getBasketForGuest,
  getBasketView,
  getOrCreateBasket,
  mergeGuestBasketIntoUser,
  addToBasketLine,
  setBasketLine,
} from "./baskets";

let db: Database;
let close: () => Promise<void>;
let lyon: { id: number; name: string };
let paris: { id: number; name: string };
let yoghurt: Awaited<ReturnType<typeof variantOf>>;
let eggs: Awaited<ReturnType<typeof variantOf>>;
let bananas: Awaited<ReturnType<typeof variantOf>>;

beforeAll(async () => {
  ({ db, close } = connect(4));
  lyon = await storeBySlug(db, "lyon-part-dieu");
  paris = await storeBySlug(db, "paris-bastille");
  yoghurt = await variantOf(db, "greek-style-natural-yoghurt");
  eggs = await variantOf(db, "free-range-eggs");
  bananas = await variantOf(db, "bananas");
  await setStock(db, lyon.id, yoghurt.id, 50);
  await setStock(db, lyon.id, bananas.id, 20_000);
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

/** The error setBasketLine throws, as { code, message, available }. */
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof BasketError)) throw new Error(`expected a BasketError, got ${String(error)}`);
  return { code: error.code, message: error.message, available: error.available };
}

const linesOf = (basketId: string) => db.select().from(basketLines).where(eq(basketLines.basketId, basketId));

describe("setBasketLine", () => {
  it("limits the quantity to what the basket's store has available", async () => {
    await setStock(db, lyon.id, eggs.id, 3);
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [] });
    expect(await refusal(setBasketLine(db, { basketId, variantId: eggs.id, quantity: 4 }))).toEqual({
      code: "insufficient_stock",
      message: "Only 3 left at Halles Lyon Part-Dieu.",
      available: 3,
    });
    await setBasketLine(db, { basketId, variantId: eggs.id, quantity: 3 });
    await setStock(db, lyon.id, eggs.id, 0);
    expect((await refusal(setBasketLine(db, { basketId, variantId: eggs.id, quantity: 1 }))).message).toBe("Sold out at Halles Lyon Part-Dieu.");
    await setStock(db, lyon.id, bananas.id, 1_100);
    expect(await refusal(setBasketLine(db, { basketId, variantId: bananas.id, quantity: 1_500 }))).toEqual({
      code: "insufficient_stock",
      message: "Only 1 kg left at Halles Lyon Part-Dieu.",
      available: 1_000,
    });
    await setStock(db, lyon.id, bananas.id, 20_000);
  });

  it("answers invalid quantities with clear messages, and removes a line at 0", async () => {
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [] });
    const message = async (variantId: number, quantity: number) => (await refusal(setBasketLine(db, { basketId, variantId, quantity }))).message;
    expect(await message(yoghurt.id, -1)).toBe("The quantity cannot be negative.");
    expect(await message(yoghurt.id, 1.5)).toBe("Choose a whole number of items.");
    expect(await message(yoghurt.id, Number.NaN)).toBe("Enter a quantity as a whole number.");
    expect(await message(yoghurt.id, 1e9)).toBe("You can order at most 99 of an item.");
    expect(await message(bananas.id, 300)).toBe("Choose a weight in steps of 250 g.");
    expect(await message(bananas.id, 12_000)).toBe("You can order at most 10 kg of a weighed item.");

    await setBasketLine(db, { basketId, variantId: yoghurt.id, quantity: 2, substitution: "refuse" });
    await setBasketLine(db, { basketId, variantId: yoghurt.id, quantity: 5 });
    expect(await linesOf(basketId)).toEqual([expect.objectContaining({ variantId: yoghurt.id, quantity: 5, substitution: "refuse" })]);
    expect(await setBasketLine(db, { basketId, variantId: yoghurt.id, quantity: 0 })).toBeNull();
    expect(await linesOf(basketId)).toEqual([]);
  });

  it("refuses unknown and withdrawn products", async () => {
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [] });
    expect((await refusal(setBasketLine(db, { basketId, variantId: 2_000_000_000, quantity: 1 }))).code).toBe("unknown_variant");
    await db.update(products).set({ active: false }).where(eq(products.id, yoghurt.productId));
    try {
      expect((await refusal(setBasketLine(db, { basketId, variantId: yoghurt.id, quantity: 1 }))).code).toBe("unknown_variant");
    } finally {
      await db.update(products).set({ active: true }).where(eq(products.id, yoghurt.productId));
    }
    expect((await refusal(setBasketLine(db, { basketId: "not-a-uuid", variantId: yoghurt.id, quantity: 1 }))).code).toBe("basket_not_found");
  });
});

describe("lost basket updates (issue 6 item 9): addToBasketLine", () => {
  it("counts 20 concurrent adds, every one", async () => {
    await setStock(db, lyon.id, yoghurt.id, 50);
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [] });
    const added = await Promise.all(Array.from({ length: 20 }, () => addToBasketLine(db, { basketId, variantId: yoghurt.id, quantity: 1 })));
    expect(added).toHaveLength(20);
    expect((await linesOf(basketId)).map((l) => l.quantity)).toEqual([20]);
    // Weighed: 20 concurrent adds of 250 g make 5 kg.
    await Promise.all(Array.from({ length: 20 }, () => addToBasketLine(db, { basketId, variantId: bananas.id, quantity: 250 })));
    expect((await linesOf(basketId)).find((l) => l.variantId === bananas.id)?.quantity).toBe(5_000);
  });

  it("stops at the stock under concurrency, and says what is left", async () => {
    await setStock(db, lyon.id, eggs.id, 8);
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [] });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => addToBasketLine(db, { basketId, variantId: eggs.id, quantity: 1 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(8);
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as BasketError] : []));
    expect(refused).toHaveLength(12);
    expect(refused.every((e) => e instanceof BasketError && e.code === "insufficient_stock" && e.message === "Only 8 left at Halles Lyon Part-Dieu.")).toBe(true);
    expect((await linesOf(basketId)).map((l) => l.quantity)).toEqual([8]);
  });

  it("keeps the quantity rules on the total", async () => {
    await setStock(db, lyon.id, yoghurt.id, 500);
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [{ variantId: yoghurt.id, quantity: 98 }] });
    expect((await refusal(addToBasketLine(db, { basketId, variantId: yoghurt.id, quantity: 5 }))).code).toBe("invalid_quantity");
    expect((await refusal(addToBasketLine(db, { basketId, variantId: bananas.id, quantity: 100 }))).code).toBe("invalid_quantity");
    expect((await linesOf(basketId)).map((l) => l.quantity)).toEqual([98]);
  });
});

describe("getOrCreateBasket", () => {
  it("gives a shopper one basket, and never hands a shopper's basket to a guest", async () => {
    const userId = await createShopper(db);
    const [a, b] = await Promise.all([getOrCreateBasket(db, { userId, storeId: lyon.id }), getOrCreateBasket(db, { userId, storeId: lyon.id })]);
    expect(a.id).toBe(b.id);
    expect(await getBasketForGuest(db, a.id)).toBeNull();
    const guest = await getOrCreateBasket(db, { basketId: a.id, storeId: lyon.id });
    expect(guest.id).not.toBe(a.id);
    expect(guest.userId).toBeNull();
    expect((await getOrCreateBasket(db, { basketId: guest.id, storeId: paris.id })).id).toBe(guest.id);
    expect(await getBasketForGuest(db, "'; drop table baskets; --")).toBeNull();
  });
});

describe("mergeGuestBasketIntoUser", () => {
  it("adds the guest's lines up to the stock, then deletes the guest basket", async () => {
    await setStock(db, lyon.id, eggs.id, 3);
    const userId = await createShopper(db);
    const mine = await createBasket(db, { userId, storeId: lyon.id, lines: [{ variantId: yoghurt.id, quantity: 1 }] });
    const guest = await createBasket(db, {
      storeId: lyon.id,
      lines: [
        { variantId: yoghurt.id, quantity: 2 },
        { variantId: eggs.id, quantity: 5 },
      ],
    });
    const result = await mergeGuestBasketIntoUser(db, guest, userId);
    expect(result.basket?.id).toBe(mine);
    expect(result.reduced).toEqual([{ variantId: eggs.id, requested: 5, kept: 3 }]);
    const lines = (await linesOf(mine)).map((l) => [l.variantId, l.quantity]);
    expect(lines.sort()).toEqual([[eggs.id, 3], [yoghurt.id, 3]].sort());
    expect(await db.select().from(baskets).where(eq(baskets.id, guest))).toEqual([]);
    // A second merge of the same (now gone) guest basket changes nothing.
    expect((await mergeGuestBasketIntoUser(db, guest, userId)).basket?.id).toBe(mine);
    expect(await linesOf(mine)).toHaveLength(2);
  });

  it("gives a shopper without a basket the guest's lines and store", async () => {
    const userId = await createShopper(db);
    const guest = await createBasket(db, { storeId: lyon.id, lines: [{ variantId: bananas.id, quantity: 750 }] });
    const { basket } = await mergeGuestBasketIntoUser(db, guest, userId);
    expect(basket).toMatchObject({ userId, storeId: lyon.id });
    expect(await linesOf(basket!.id)).toEqual([expect.objectContaining({ variantId: bananas.id, quantity: 750 })]);
  });
});

describe("getBasketView", () => {
  it("prices lines and totals from the catalog now", async () => {
    const basketId = await createBasket(db, {
      storeId: lyon.id,
      lines: [
        { variantId: yoghurt.id, quantity: 2 },
        { variantId: bananas.id, quantity: 1_250 },
      ],
    });
    const view = (await getBasketView(db, basketId, "collection"))!;
    const bananaCents = Math.round((bananas.priceCents * 1_250) / 1000);
    expect(view.store).toMatchObject({ id: lyon.id, name: "Halles Lyon Part-Dieu" });
    expect(view.lines.map((l) => [l.productName, l.estimateCents, l.problem]).sort()).toEqual([
      ["Bananas", bananaCents, null],
      ["Greek-Style Natural Yoghurt", yoghurt.priceCents * 2, null],
    ]);
    expect(view.totals).toMatchObject({ subtotalCents: yoghurt.priceCents * 2 + bananaCents, deliveryFeeCents: 0 });
    expect(view.totals.authorizedCents).toBe(view.totals.totalCents + Math.ceil(bananaCents / 10));
    expect(view.ready).toBe(true);
    expect(await getBasketView(db, "00000000-0000-0000-0000-000000000000")).toBeNull();
    // The header's summary agrees with the view.
    expect(await basketSummary(db, basketId)).toEqual({ lines: 2, subtotalCents: view.totals.subtotalCents });
    expect(await basketSummary(db, "not-a-basket")).toEqual({ lines: 0, subtotalCents: 0 });
  });

  it("keeps the lines when the shopper changes store, and flags what the new store lacks", async () => {
    await setStock(db, lyon.id, eggs.id, 10);
    await setStock(db, paris.id, eggs.id, 0);
    const basketId = await createBasket(db, { storeId: lyon.id, lines: [{ variantId: eggs.id, quantity: 2 }] });
    expect((await getBasketView(db, basketId))!.ready).toBe(true);
    const view = await changeBasketStore(db, basketId, paris.id);
    expect(view.store.id).toBe(paris.id);
    expect(view.lines).toEqual([
      expect.objectContaining({ variantId: eggs.id, quantity: 2, available: 0, problem: "insufficient_stock", message: "Sold out at Halles Paris Bastille." }),
    ]);
    expect(view.ready).toBe(false);
    expect((await refusal(changeBasketStore(db, basketId, 999_999))).code).toBe("store_not_found");
  });
});
