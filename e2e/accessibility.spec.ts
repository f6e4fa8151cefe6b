// axe on the main storefront pages: no serious or critical violations.
import { expect, expectAccessible, test } from "./fixtures";

for (const path of ["/", "/c/fruit-vegetables", "/p/bananas", "/search?q=cheese", "/stores"]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    await expectAccessible(page);
  });
}

test("the basket and the checkout have no serious accessibility violations", async ({ page }) => {
  const check = () => expectAccessible(page);
  await page.goto("/p/bananas");
  await page.getByRole("button", { name: /^Add to basket: Bananas,/ }).click();
  await expect(page.getByText("Added to your basket.")).toBeVisible();
  await page.goto("/basket");
  await expect(page.getByTestId("basket-line")).toHaveCount(1);
  await check();
  await page.goto("/sign-in?next=/checkout");
  await page.getByLabel("E-mail").fill("marketing@halles.test");
  await page.getByLabel("Password").fill("halles-demo-2026");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Place order and pay" })).toBeVisible();
  await check();
});

test("label in name (issue 6 item 16): the check catches a name that leaves out the visible words", async ({ page }) => {
  // The check itself must see this kind of mistake, or the pages passing it prove nothing.
  await page.setContent('<title>Test</title><main><h1>Test</h1><button aria-label="Add Bananas (per kg) to basket">Add to basket</button></main>');
  await expect(expectAccessible(page)).rejects.toThrow(/label-content-name-mismatch/);
});

test("label in name (issue 6 item 16): buttons and links say their visible words first, on every kind of page", async ({ page }) => {
  // Nine pages, each loaded and checked by axe: more than a minute on a busy machine.
  test.slow();
  for (const path of ["/", "/p/bananas", "/p/fresh-whole-milk", "/c/fruit-vegetables?sort=price-asc", "/stores?postcode=69002", "/basket", "/sign-in", "/sign-up", "/sign-in/forgot"]) {
    await page.goto(path);
    await expectAccessible(page);
  }
  await expect(page.getByRole("link", { name: /^Your store: Lyon Part-Dieu Change$/ })).toBeVisible();
});
