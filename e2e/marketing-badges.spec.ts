// Promotions on the cached storefront (issue 8): a marketer's new "3 for 2" shows as a badge on the
// product page and on its card in the category listing at the next reloads; archived, it is gone.
// The pages stay cached: only the save's tag expiry shows it (e2e/catalog-fixtures.ts).
import type { Page } from "@playwright/test";
import { signInAs, staffAccount } from "./backoffice-fixtures";
import { expectOnReload, ownCategoryProduct } from "./catalog-fixtures";
import { expect, test } from "./fixtures";
import { closeDb } from "./order-fixtures";

test.afterAll(() => closeDb());

test("a marketer's 3 for 2 shows on the cached product page and its category at the next reloads, and goes when archived", async ({ page, browser }) => {
  test.slow();
  const product = await ownCategoryProduct("badge");
  const visitor = await (await browser.newContext()).newPage();
  const card = (p: Page) => p.getByTestId("product-card").filter({ hasText: product.name });
  const explanation = (p: Page) => p.getByTestId("product-promotions");
  // The visitor's pages are cached without a promotion.
  await expect(async () => {
    await visitor.goto(`/p/${product.slug}`);
    await expect(visitor.getByRole("heading", { level: 1 })).toHaveText(product.name, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expect(explanation(visitor)).toHaveCount(0);
  await visitor.goto(`/c/${product.categorySlug}`);
  await expect(card(visitor)).toBeVisible();
  await expect(card(visitor).getByTestId("promotion-badge")).toHaveCount(0);

  const marketer = await staffAccount("marketing");
  await signInAs(page, marketer.email, "/admin/promotions/new?kind=multibuy");
  await expect(page.getByRole("heading", { name: "New multi-buy" })).toBeVisible();
  await page.getByLabel("Name shoppers read").fill("Three for two");
  await page.getByLabel("Product", { exact: true }).selectOption({ label: product.name });
  await page.getByLabel("Buy", { exact: true }).fill("3");
  await page.getByLabel("Pay for").fill("2");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByText("Promotion created.")).toBeVisible();

  await expectOnReload(visitor, `/p/${product.slug}`, async () => {
    await expect(explanation(visitor)).toContainText("Buy 3, pay for 2 — applied in your basket.", { timeout: 500 });
  });
  await expectOnReload(visitor, `/c/${product.categorySlug}`, async () => {
    await expect(card(visitor).getByTestId("promotion-badge")).toHaveText("3 for 2Promotion: buy 3, pay for 2", { timeout: 500 });
  });
  // Screen readers hear what the badge means, not the short form.
  await expect(card(visitor).getByText("Promotion: buy 3, pay for 2")).toBeAttached();

  await page.getByRole("button", { name: "Archive promotion" }).click();
  await expect(page.getByTestId("promotion-status")).toHaveText("Archived");
  await expectOnReload(visitor, `/p/${product.slug}`, async () => {
    await expect(explanation(visitor)).toHaveCount(0, { timeout: 500 });
  });
  await expectOnReload(visitor, `/c/${product.categorySlug}`, async () => {
    await expect(card(visitor)).toBeVisible({ timeout: 500 });
    await expect(card(visitor).getByTestId("promotion-badge")).toHaveCount(0);
  });
});
