// axe on the main storefront pages: no serious or critical violations.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

for (const path of ["/", "/c/fruit-vegetables", "/p/bananas", "/search?q=cheese", "/stores"]) {
  test(`${path} has no serious accessibility violations`, async ({ page }) => {
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  });
}

test("the basket and the checkout have no serious accessibility violations", async ({ page }) => {
  const check = async () => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  };
  await page.goto("/p/bananas");
  await page.getByRole("button", { name: /^Add Bananas .* to basket$/ }).click();
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
