// A store's own price: shown at that store only (listings, product page, basket, picking, API
// shapes) and charged by checkout; other stores keep the national price.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { storePrices } from "@/db/schema";
import { DEFAULT_PARAMS } from "@/lib/catalog/listing-params";
import { createTestProduct, type TestProduct } from "@/tests/catalog-fixtures";
import { connect, createSlot, restoreStock, setStock, shopperWithBasket, storeBySlug } from "@/tests/checkout-fixtures";
import { basketSummary, getBasketView } from "./baskets";
import { placeOrder } from "./checkout";
import { searchSubstitutes } from "./picking";
import { getProductDetail, listProductCards, listProducts } from "./products";

let db: Database;
let close: () => Promise<void>;
let lyon: { id: number };
let paris: { id: number };
let product: TestProduct;

beforeAll(async () => {
  ({ db, close } = connect(4));
  lyon = await storeBySlug(db, "lyon-part-dieu");
  paris = await storeBySlug(db, "paris-bastille");
  product = await createTestProduct(db, "store-price", { priceCents: 250 });
  await db.insert(storePrices).values({ storeId: paris.id, variantId: product.variantId, priceCents: 199 });
  await setStock(db, lyon.id, product.variantId, 20);
  await setStock(db, paris.id, product.variantId, 20);
});

afterAll(async () => {
  await restoreStock(db);
  await close();
});

const cardPrice = async (storeId: number, extra: Partial<typeof DEFAULT_PARAMS> = {}) => {
  const listing = await listProducts(db, { storeId, categoryIds: [product.categoryId], params: { ...DEFAULT_PARAMS, ...extra }, pageSize: 500 });
  return listing.items.find((c) => c.id === product.productId)?.priceCents;
};

describe("effective price", () => {
  it("shows the store's price at that store only, in listings, filters and the product page", async () => {
    expect(await cardPrice(paris.id)).toBe(199);
    expect(await cardPrice(lyon.id)).toBe(250);
    // Price filters and sorts read the store's price too.
    expect(await cardPrice(paris.id, { maxCents: 200, sort: "price-asc" })).toBe(199);
    expect(await cardPrice(lyon.id, { maxCents: 200 })).toBeUndefined();
    expect((await getProductDetail(db, product.slug, paris.id))!.variants[0].priceCents).toBe(199);
    expect((await getProductDetail(db, product.slug, lyon.id))!.variants[0].priceCents).toBe(250);
    const cards = await listProductCards(db, { storeId: paris.id, categoryId: product.categoryId, limit: 500 });
    expect(cards.find((c) => c.id === product.productId)?.priceCents).toBe(199);
  });

  it("prices the basket at its store, and checkout charges that price", async () => {
    const paid = await shopperWithBasket(db, paris.id, [{ variantId: product.variantId, quantity: 3 }]);
    const view = await getBasketView(db, paid.basketId);
    expect(view!.lines[0].priceCents).toBe(199);
    expect(view!.lines[0].estimateCents).toBe(597);
    expect(await basketSummary(db, paid.basketId)).toEqual({ lines: 1, subtotalCents: 597 });
    const slotId = await createSlot(db, { storeId: paris.id, kind: "collection", capacity: 5 });
    const result = await placeOrder(db, { ...paid, fulfilment: "collection", slotId, contactEmail: "shopper@example.test" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.lines[0].unitPriceCents).toBe(199);
    expect(result.order.subtotalCents).toBe(597);

    const national = await shopperWithBasket(db, lyon.id, [{ variantId: product.variantId, quantity: 3 }]);
    expect((await getBasketView(db, national.basketId))!.lines[0].estimateCents).toBe(750);
  });

  it("offers substitutes at the store's price", async () => {
    const [atParis] = await searchSubstitutes(db, { storeId: paris.id, text: product.slug, excludeVariantId: null });
    const [atLyon] = await searchSubstitutes(db, { storeId: lyon.id, text: product.slug, excludeVariantId: null });
    expect(atParis.unitPriceCents).toBe(199);
    expect(atLyon.unitPriceCents).toBe(250);
  });
});
