// Stale stock on cached pages (issue 6 item 10), end to end: the product page is served from the
// cache, the last unit is reserved by a checkout (the order worker's refresh reaches the web app)
// and given back by the shopper's cancellation from the order page (the web app's own path); each
// time a visitor sees the change within seconds, with the page still cached.
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { createBasket, createSlot, storeBySlug } from "@/tests/checkout-fixtures";
import { placeOrder } from "@/db/queries/checkout";
import { createOwnProduct } from "./catalog-fixtures";
import { closeDb, e2eDb, signUpShopper } from "./order-fixtures";

test.afterAll(() => closeDb());

/** Reloads the product page until its stock line reads `text` (what a visitor who refreshes sees). */
async function expectStock(page: Page, slug: string, text: RegExp) {
  await expect
    .poll(
      async () => {
        await page.goto(`/p/${slug}`);
        return page.getByTestId("stock-status").first().innerText();
      },
      { timeout: 20_000, intervals: [250, 500, 1000] },
    )
    .toMatch(text);
}

test("stale stock on cached pages (issue 6 item 10): the last unit sold and given back shows on the cached product page", async ({ browser }) => {
  test.slow();
  const product = await createOwnProduct("last-unit", { "lyon-part-dieu": 1 });
  const visitor = await (await browser.newContext()).newPage();
  await expectStock(visitor, product.slug, /^In stock/);
  // Served from the cache now: a second request is the cached page.
  await visitor.goto(`/p/${product.slug}`);
  await expect(visitor.getByTestId("stock-status").first()).toHaveText(/^In stock/);

  // A shopper's checkout reserves the last unit.
  const shopperPage = await (await browser.newContext()).newPage();
  const { userId, email } = await signUpShopper(shopperPage, "last-unit");
  const db = e2eDb();
  const store = await storeBySlug(db, "lyon-part-dieu");
  const basketId = await createBasket(db, { userId, storeId: store.id, lines: [{ variantId: product.variantId, quantity: 1 }] });
  const slotId = await createSlot(db, { storeId: store.id, kind: "collection", capacity: 5 });
  const placed = await placeOrder(db, { userId, basketId, fulfilment: "collection", slotId, contactEmail: email });
  expect(placed.ok).toBe(true);
  await expectStock(visitor, product.slug, /^Out of stock/);

  // The shopper cancels it from the order page: the unit is back.
  await shopperPage.goto(`/account/orders/${placed.ok ? placed.order.id : ""}`);
  await shopperPage.getByRole("button", { name: "Cancel order", exact: true }).click();
  await shopperPage.getByRole("button", { name: /^Yes, cancel order/ }).click();
  await expect(shopperPage).toHaveURL(/cancelled=1$/);
  await expectStock(visitor, product.slug, /^In stock/);
});
