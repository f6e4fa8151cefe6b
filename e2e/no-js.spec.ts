// The same browsing with JavaScript disabled: plain links and GET forms.
import { expect, test } from "./fixtures";
import { cardPrices, expectAscending } from "./helpers";

test("browses, filters, sorts, pages and searches without JavaScript", async ({ page }) => {
  await page.goto("/stores");
  await page.getByRole("button", { name: "Choose this store: Halles Bordeaux Chartrons" }).click();
  await expect(page.getByRole("link", { name: /Your store: Bordeaux Chartrons/ })).toBeVisible();

  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Pantry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pantry" })).toBeVisible();

  await page.getByRole("checkbox", { name: /Vegan/ }).check();
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/diet=vegan/);

  await page.getByLabel("Sort by").selectOption("price-desc");
  await page.getByRole("button", { name: "Sort", exact: true }).click();
  await expect(page).toHaveURL(/sort=price-desc/);
  await expect(page).toHaveURL(/diet=vegan/);
  expectAscending((await cardPrices(page)).reverse());

  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Pantry" }).click();
  await page.getByRole("navigation", { name: "Pagination" }).getByRole("link", { name: "Page 2" }).click();
  await expect(page).toHaveURL(/\/c\/pantry\?page=2/);
  await expect(page.getByRole("navigation", { name: "Pagination" }).getByText("2", { exact: true })).toHaveAttribute("aria-current", "page");

  await page.getByTestId("product-card").first().getByRole("link").click();
  await expect(page.getByTestId("price").first()).toBeVisible();
  await expect(page.getByTestId("stock-status").first()).toContainText("Halles Bordeaux Chartrons");

  await page.getByRole("searchbox", { name: "Search products" }).first().fill("yoghourt");
  await page.getByRole("button", { name: "Search" }).first().click();
  await expect(page.getByTestId("product-card").first()).toContainText(/yoghurt/i);
});

test("fills and changes a basket without JavaScript", async ({ page }) => {
  await page.goto("/p/bananas");
  await page.getByLabel("Weight").selectOption({ label: "750 g · about €1.49" });
  await page.getByRole("button", { name: /^Add to basket: Bananas,/ }).click();
  await expect(page).toHaveURL(/\/basket\?notice=added/);
  await expect(page.getByRole("status")).toHaveText("Added Bananas: you now have 750 g.");
  await expect(page.getByTestId("basket-line")).toContainText("Estimated weight 750 g");

  // Adding more adds to the line; the quantity rules and the stock are the server's.
  await page.goto("/p/bananas");
  await page.getByRole("button", { name: /^Add to basket: Bananas,/ }).click();
  await expect(page.getByRole("status")).toHaveText("Added Bananas: you now have 1 kg.");

  await page.getByLabel("Weight of Bananas").selectOption("500");
  await page.getByRole("button", { name: "Update" }).click();
  await expect(page.getByRole("status")).toHaveText("Basket updated.");
  await expect(page.getByTestId("basket-line")).toContainText("Estimated weight 500 g");

  await page.getByRole("button", { name: "Remove Bananas" }).click();
  await expect(page.getByText("Your basket is empty.")).toBeVisible();
});
