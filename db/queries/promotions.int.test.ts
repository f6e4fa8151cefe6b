// Promotions against the real database (issue 8): a basket priced with automatic promotions and a
// code, the code's refusals, checkout writing the discounts, redemptions counted atomically under
// concurrency (a code limited to 10 uses, 30 shoppers at once), given back once on cancellation,
// and picking charging the same promotions on what was picked.
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { categories, orderEvents, orderLines, orders, productVariants, products, promotionRedemptions, promotions, type NewPromotion } from "@/db/schema";
import { confirmedOrder, createStaff } from "@/tests/backoffice-fixtures";
import { bookedOf, connect, createBasket, createShopper, createSlot, restoreStock, setStock, shopperWithBasket, stockOf, storeBySlug } from "@/tests/checkout-fixtures";
import { applyBasketCode, getBasketView, mergeGuestBasketIntoUser } from "./baskets";
import { placeOrder, placeOrderErrorMessage, type PlaceOrderInput } from "./checkout";
import { cancelOrder, UNPAID } from "./order-cancellation";
import { claimOrder, finishPicking, settleOrderLine } from "./picking";
import { getOrderDetail } from "./shopper-orders";
import { pickedPromotions } from "@/lib/picking/settle";

let db: Database;
let close: () => Promise<void>;
let lyon: { id: number; name: string };
let parentCategory: number;
let childCategory: number;
/** Two products of our own (so that other tests' prices never see these promotions). */
let cheese: { id: number; productId: number; priceCents: number };
let butter: { id: number; productId: number; priceCents: number };

async function ownProduct(name: string, categoryId: number, priceCents: number, vatRateBp: number) {
  const slug = `promo-${name}-${randomUUID().slice(0, 8)}`;
  const [product] = await db.insert(products).values({ slug, name, categoryId, vatRateBp }).returning({ id: products.id });
  const [variant] = await db
    .insert(productVariants)
    .values({ productId: product.id, sku: slug, sizeLabel: "1 pack", sellingMode: "unit", priceCents, unitPriceBasis: "piece", isDefault: true })
    .returning({ id: productVariants.id });
  await setStock(db, lyon.id, variant.id, 1_000);
  return { id: variant.id, productId: product.id, priceCents };
}

async function promotion(values: Partial<NewPromotion> & Pick<NewPromotion, "kind">) {
  const [row] = await db.insert(promotions).values({ name: values.kind, ...values }).returning();
  return row;
}

const uniqueCode = (prefix: string) => `${prefix}${randomUUID().slice(0, 6).toUpperCase()}`;

beforeAll(async () => {
  ({ db, close } = connect(16));
  lyon = await storeBySlug(db, "lyon-part-dieu");
  const suffix = randomUUID().slice(0, 8);
  [{ id: parentCategory }] = await db.insert(categories).values({ slug: `promo-parent-${suffix}`, name: "Promo Dairy" }).returning({ id: categories.id });
  [{ id: childCategory }] = await db.insert(categories).values({ slug: `promo-child-${suffix}`, name: "Promo Cheese", parentId: parentCategory }).returning({ id: categories.id });
  cheese = await ownProduct("cheese", childCategory, 400, 550);
  butter = await ownProduct("butter", parentCategory, 250, 2_000);
});

afterAll(async () => {
  await db.update(promotions).set({ active: false });
  await restoreStock(db);
  await close();
});

const collection = (slotId: number, s: { userId: string; basketId: string }): PlaceOrderInput => ({ ...s, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });

describe("a basket with promotions", () => {
  it("takes a multi-buy and a category percent (subcategories too) off the lines, then the code, with VAT on what is paid", async () => {
    const multi = await promotion({ kind: "multibuy", productId: cheese.productId, buyQuantity: 3, payQuantity: 2 });
    const dairy = await promotion({ kind: "category_percent", categoryId: parentCategory, percentBp: 1_000 });
    const code = await promotion({ kind: "code", code: uniqueCode("TEN"), discountType: "percent", percentBp: 1_000 });
    try {
      const shopper = await shopperWithBasket(db, lyon.id, [
        { variantId: cheese.id, quantity: 3, addedAt: new Date(Date.now() - 1000) },
        { variantId: butter.id, quantity: 2 },
      ]);
      expect(await applyBasketCode(db, shopper.basketId, code.code!)).toBeNull();
      const view = (await getBasketView(db, shopper.basketId, "collection"))!;
      // Cheese 3 × 4.00 = 12.00, 3 for 2 (better than 10 %): −4.00. Butter 2 × 2.50 = 5.00, 10 % off: −0.50.
      // Left 8.00 + 4.50 = 12.50; code 10 %: −1.25, split 0.80 / 0.45.
      expect(view.lines.map((l) => [l.discountCents, l.reasons])).toEqual([
        [480, ["3 for 2", `${code.code} −10%`]],
        [95, ["10% off Promo Dairy", `${code.code} −10%`]],
      ]);
      expect(view.totals).toMatchObject({ subtotalCents: 1_700, discountCents: 575, totalCents: 1_125 });
      expect(view.totals.vat).toEqual([
        { rateBp: 550, grossCents: 720, vatCents: 38, netCents: 682 },
        { rateBp: 2_000, grossCents: 405, vatCents: 68, netCents: 337 },
      ]);
    } finally {
      await db.update(promotions).set({ active: false }).where(eq(promotions.id, multi.id));
      await db.update(promotions).set({ active: false }).where(eq(promotions.id, dairy.id));
    }
  });

  it("refuses unknown, expired, not yet valid and used-up codes, and keeps one waiting for a bigger basket", async () => {
    const shopper = await shopperWithBasket(db, lyon.id, [{ variantId: butter.id, quantity: 2 }]);
    const day = 86_400_000;
    const expired = await promotion({ kind: "code", code: uniqueCode("OLD"), discountType: "percent", percentBp: 500, startsAt: new Date(Date.now() - 2 * day), endsAt: new Date(Date.now() - day) });
    const later = await promotion({ kind: "code", code: uniqueCode("SOON"), discountType: "percent", percentBp: 500, startsAt: new Date(Date.now() + day) });
    const usedUp = await promotion({ kind: "code", code: uniqueCode("GONE"), discountType: "fixed", amountCents: 100, maxUses: 1, usesCount: 1 });
    const big = await promotion({ kind: "code", code: uniqueCode("BIG"), discountType: "fixed", amountCents: 500, minBasketCents: 2_000 });
    expect(await applyBasketCode(db, shopper.basketId, "NOSUCHCODE")).toEqual({ code: "unknown" });
    expect(await applyBasketCode(db, shopper.basketId, expired.code!)).toEqual({ code: "expired" });
    expect(await applyBasketCode(db, shopper.basketId, later.code!)).toMatchObject({ code: "not_yet_valid" });
    expect(await applyBasketCode(db, shopper.basketId, usedUp.code!)).toEqual({ code: "used_up" });
    expect((await getBasketView(db, shopper.basketId))!.promotions.code).toBeNull();
    expect(await applyBasketCode(db, shopper.basketId, big.code!)).toEqual({ code: "min_basket", missingCents: 1_500, minBasketCents: 2_000 });
    const view = (await getBasketView(db, shopper.basketId))!;
    expect(view.promotions).toMatchObject({ code: big.code, refusalMessage: `The code ${big.code} needs a basket of €20.00: add €15.00 more.` });
    expect(view.totals.discountCents).toBe(0);
    // Checkout refuses it too, saying why, and leaves nothing behind.
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
    const refused = await placeOrder(db, collection(slotId, shopper));
    expect(refused).toMatchObject({ ok: false, error: { code: "promotion_refused" } });
    expect(placeOrderErrorMessage((refused as { error: Parameters<typeof placeOrderErrorMessage>[0] }).error)).toContain("add €15.00 more");
    expect(await bookedOf(db, slotId)).toBe(0);
  });
});

describe("signing in with a code on the guest basket", () => {
  it("brings the code along to the shopper's basket", async () => {
    const code = await promotion({ kind: "code", code: uniqueCode("GUEST"), discountType: "percent", percentBp: 500 });
    const guest = await createBasket(db, { storeId: lyon.id, lines: [{ variantId: butter.id, quantity: 1 }] });
    expect(await applyBasketCode(db, guest, code.code!)).toBeNull();
    const merged = await mergeGuestBasketIntoUser(db, guest, await createShopper(db));
    expect(merged.basket?.promotionCode).toBe(code.code);
    expect((await getBasketView(db, merged.basket!.id))!.totals.discountCents).toBe(13);
  });
});

describe("checkout with a code", () => {
  it("writes each line's discount, the order's discount and code, totals net of it, the snapshot and the redemption", async () => {
    const code = await promotion({ kind: "code", code: uniqueCode("FIVE"), discountType: "fixed", amountCents: 500 });
    const shopper = await shopperWithBasket(db, lyon.id, [
      { variantId: cheese.id, quantity: 2, addedAt: new Date(Date.now() - 1000) },
      { variantId: butter.id, quantity: 4 },
    ]);
    await applyBasketCode(db, shopper.basketId, code.code!.toLowerCase());
    expect(await applyBasketCode(db, shopper.basketId, code.code!)).toBeNull();
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 5 });
    const placed = await placeOrder(db, collection(slotId, shopper));
    if (!placed.ok) throw new Error(placed.error.code);
    // 8.00 + 10.00 = 18.00; −5.00 split 8:10 → 2.22 / 2.78.
    expect(placed.order).toMatchObject({ subtotalCents: 1_800, discountCents: 500, promotionCode: code.code, totalCents: 1_300, authorizedCents: 1_300 });
    expect(placed.lines.map((l) => l.discountCents)).toEqual([222, 278]);
    const [event] = await db.select().from(orderEvents).where(and(eq(orderEvents.orderId, placed.order.id), isNull(orderEvents.fromStatus)));
    expect(event.data).toMatchObject({ discountCents: 500, promotions: { code: { id: code.id, discountType: "fixed", amountCents: 500 } } });
    expect(await db.select({ promotionId: promotionRedemptions.promotionId, discountCents: promotionRedemptions.discountCents }).from(promotionRedemptions).where(eq(promotionRedemptions.orderId, placed.order.id))).toEqual([
      { promotionId: code.id, discountCents: 500 },
    ]);
    // The order's page names why each line is discounted, from that snapshot.
    const detail = (await getOrderDetail(db, placed.order.id))!;
    expect(pickedPromotions(detail.lines, detail.promotions)).toEqual([
      { discountCents: 222, reasons: [`${code.code} −€5.00`] },
      { discountCents: 278, reasons: [`${code.code} −€5.00`] },
    ]);
  });
});

const usesOf = async (id: number) => (await db.select({ uses: promotions.usesCount }).from(promotions).where(eq(promotions.id, id)))[0].uses;

describe("redemptions under concurrency (issue 8, item 3)", () => {
  it("gives a code limited to 10 uses to exactly 10 of 30 simultaneous shoppers; a cancellation gives one back, once", async () => {
    const code = await promotion({ kind: "code", code: uniqueCode("TEN"), discountType: "percent", percentBp: 1_000, maxUses: 10 });
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 40 });
    const before = await stockOf(db, lyon.id, butter.id);
    const shoppers = await Promise.all(Array.from({ length: 30 }, () => shopperWithBasket(db, lyon.id, [{ variantId: butter.id, quantity: 4 }])));
    for (const s of shoppers) expect(await applyBasketCode(db, s.basketId, code.code!)).toBeNull();

    const results = await Promise.all(shoppers.map((s) => placeOrder(db, collection(slotId, s))));
    const placed = results.flatMap((r) => (r.ok ? [r.order] : []));
    const refused = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(placed).toHaveLength(10);
    expect(placed.every((o) => o.discountCents === 100 && o.totalCents === 900 && o.promotionCode === code.code)).toBe(true);
    expect(refused).toHaveLength(20);
    expect(refused.every((e) => e.code === "promotion_refused" && e.refusal.code === "used_up")).toBe(true);
    expect(placeOrderErrorMessage(refused[0])).toBe(`The code ${code.code} has been used as many times as it may be. Remove it from your basket to order without it.`);
    // Nothing left behind by the refusals: no order, no stock reserved, no slot place.
    expect(await usesOf(code.id)).toBe(10);
    expect(await bookedOf(db, slotId)).toBe(10);
    expect((await stockOf(db, lyon.id, butter.id)).reserved - before.reserved).toBe(40);
    const refusedUsers = shoppers.filter((_, i) => !results[i].ok).map((s) => s.userId);
    expect(await db.select().from(orders).where(eq(orders.userId, refusedUsers[0]))).toEqual([]);

    const cancel = () => db.transaction((tx) => cancelOrder(tx, { orderId: placed[0].id, actor: "system", reason: "test", from: UNPAID }));
    expect((await cancel()).changed).toBe(true);
    expect((await cancel()).changed).toBe(false);
    expect(await usesOf(code.id)).toBe(9);
    const [redemption] = await db.select().from(promotionRedemptions).where(eq(promotionRedemptions.orderId, placed[0].id));
    expect(redemption.releasedAt).not.toBeNull();

    // The freed use goes to the next shopper, and only one.
    const late = shoppers.filter((_, i) => !results[i].ok).slice(0, 3);
    const again = await Promise.all(late.map((s) => placeOrder(db, collection(slotId, s))));
    expect(again.filter((r) => r.ok)).toHaveLength(1);
    expect(await usesOf(code.id)).toBe(10);
  });

  it("lets one customer use a once-per-customer code once, even from simultaneous checkouts", async () => {
    const code = await promotion({ kind: "code", code: uniqueCode("ONCE"), discountType: "fixed", amountCents: 100, maxUsesPerCustomer: 1 });
    const slotId = await createSlot(db, { storeId: lyon.id, kind: "collection", capacity: 10 });
    const shopper = await shopperWithBasket(db, lyon.id, [{ variantId: butter.id, quantity: 2 }]);
    await applyBasketCode(db, shopper.basketId, code.code!);
    const results = await Promise.all(Array.from({ length: 5 }, () => placeOrder(db, collection(slotId, shopper))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refusals = results.flatMap((r) => (r.ok ? [] : [r.error]));
    expect(refusals.every((e) => e.code === "too_many_unpaid" || (e.code === "promotion_refused" && e.refusal.code === "already_used"))).toBe(true);
    expect(refusals.some((e) => e.code === "promotion_refused")).toBe(true);
    expect(await usesOf(code.id)).toBe(1);
    // The basket now says so, and the shopper can order without it.
    expect((await getBasketView(db, shopper.basketId))!.promotions.refusal).toEqual({ code: "already_used" });
  });
});

describe("picking with promotions", () => {
  it("charges the promotions again on what was picked: a multi-buy on the picked quantity, a percent code on the picked amount", async () => {
    const multi = await promotion({ kind: "multibuy", productId: cheese.productId, buyQuantity: 3, payQuantity: 2 });
    const code = await promotion({ kind: "code", code: uniqueCode("PICK"), discountType: "percent", percentBp: 1_000 });
    let orderId: string;
    try {
      const order = await confirmedOrderWithCode(code.code!, [
        { variantId: cheese.id, quantity: 3 },
        { variantId: butter.id, quantity: 2 },
      ]);
      orderId = order.id;
      // 12.00 − 4.00 + 5.00 = 13.00, −10 % = 11.70.
      expect(order).toMatchObject({ subtotalCents: 1_700, discountCents: 530, totalCents: 1_170 });
    } finally {
      await db.update(promotions).set({ active: false }).where(eq(promotions.id, multi.id));
    }
    // Ended since: the order keeps what it was placed with.
    const agent = await createStaff(db, "agent", [lyon.id]);
    expect((await db.transaction((tx) => claimOrder(tx, orderId, agent))).ok).toBe(true);
    const lines = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.position);
    await db.transaction((tx) => settleOrderLine(tx, { orderId, lineId: lines[0].id, outcome: { kind: "missing", found: 2 }, staff: agent }));
    await db.transaction((tx) => settleOrderLine(tx, { orderId, lineId: lines[1].id, outcome: { kind: "picked", quantity: 2 }, staff: agent }));
    const finished = await db.transaction((tx) => finishPicking(tx, orderId, agent));
    if (!finished.ok) throw new Error(finished.code);
    // Two cheeses: no 3 for 2. 8.00 + 5.00 = 13.00, −10 % = 11.70, never above the authorisation.
    expect(finished.order.finalTotalCents).toBe(1_170);
    expect(finished.order.finalTotalCents).toBeLessThanOrEqual(finished.order.authorizedCents);
    const picked = await db.select().from(orderLines).where(eq(orderLines.orderId, orderId)).orderBy(orderLines.position);
    expect(picked.map((l) => l.discountCents)).toEqual([80, 50]);
  });
});

async function confirmedOrderWithCode(promotionCode: string, items: { variantId: number; quantity: number }[]) {
  const order = await confirmedOrder(db, { storeId: lyon.id, items, promotionCode });
  const [row] = await db.select().from(orders).where(eq(orders.id, order.id));
  return row;
}
