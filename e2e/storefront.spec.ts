// A shopper browsing the storefront with JavaScript, on a phone.
import { expect, test } from "./fixtures";
import { cardPrices, chooseStore, expectAscending } from "./helpers";

test("chooses a store, filters a category by dietary tag, sorts by price and opens a product", async ({ page }) => {
  await chooseStore(page, "Halles Paris Bastille");

  await page.goto("/");
  await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Pantry" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pantry" })).toBeVisible();

  await page.getByText("Filters", { exact: true }).click();
  await page.getByRole("checkbox", { name: /Organic/ }).click();
  await expect(page).toHaveURL(/diet=organic/);
  await page.getByText("Filters (1 active)", { exact: true }).click();
  await expect(page.getByRole("checkbox", { name: /Organic/ })).toBeChecked();

  await page.getByLabel("Sort by").selectOption("price-asc");
  await expect(page).toHaveURL(/sort=price-asc/);
  await expect(page).toHaveURL(/diet=organic/);
  expectAscending(await cardPrices(page));

  const cards = page.getByTestId("product-card");
  const firstName = await cards.first().getByRole("heading").textContent();
  for (const card of await cards.all()) await expect(card.getByRole("listitem").filter({ hasText: "Organic" })).toBeVisible();

  await cards.first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(firstName!);
  await expect(page.getByTestId("price").first()).toHaveText(/€\d+\.\d\d/);
  await expect(page.getByText(/VAT included/)).toBeVisible();
  await expect(page.getByTestId("stock-status").first()).toContainText("Halles Paris Bastille");
});

test("links are prefetched when the shopper shows intent, not on load, and open without a page load unless a modifier key asks for a tab", async ({ page }) => {
  const prefetched: string[] = [];
  const documents: string[] = [];
  page.on("request", (request) => {
    if (request.headers()["next-router-prefetch"]) prefetched.push(new URL(request.url()).pathname);
    if (request.resourceType() === "document") documents.push(new URL(request.url()).pathname);
  });
  await page.goto("/c/pantry");
  await page.waitForLoadState("networkidle");
  expect(prefetched, "nothing prefetched while the page loads").toEqual([]);

  const link = page.getByTestId("product-card").first().getByRole("link");
  const path = (await link.getAttribute("href"))!;
  const prefetch = page.waitForRequest((request) => !!request.headers()["next-router-prefetch"] && new URL(request.url()).pathname === path);
  await link.hover();
  await prefetch;
  expect(new Set(prefetched), "only the link under the pointer").toEqual(new Set([path]));

  const newTab = page.context().waitForEvent("page");
  await link.click({ modifiers: ["ControlOrMeta"] });
  await expect(await newTab, "a click with a modifier key is left to the browser").toHaveURL(path);
  await expect(page).toHaveURL("/c/pantry");

  await link.click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(documents, "opened in place, without loading a new document").toEqual(["/c/pantry"]);
});

test("a listing scrolls to its end on a phone without shifting what the shopper reads", async ({ page }) => {
  await page.addInitScript(() => {
    const shifts: number[] = ((window as unknown as { shifts: number[] }).shifts = []);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) if (!entry.hadRecentInput) shifts.push(entry.value);
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/c/pantry");
  const last = page.getByTestId("product-card").last();
  const lastInView = () => last.evaluate((card) => card.getBoundingClientRect().bottom <= window.innerHeight);
  for (let step = 0; step < 60 && !(await lastInView()); step++) await page.mouse.wheel(0, 400);
  await expect(last).toBeInViewport();
  await expect(last.getByTestId("price")).toHaveText(/€\d+\.\d\d/);
  const shifts = await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);
  expect(shifts.reduce((sum, value) => sum + value, 0), `layout shifts: ${shifts.join(", ")}`).toBeLessThan(0.01);
});

test("the page's scripts carry V8's compile hint, so a phone compiles them off the main thread", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/chunks\/[^"]+\.js)"/g)].map((match) => match[1]);
  expect(scripts.length, "the framework's scripts").toBeGreaterThan(3);
  for (const src of scripts) expect((await (await request.get(src)).text()).startsWith("//# allFunctionsCalledOnLoad\n"), src).toBe(true);
});

test("a product page shows the price with its unit price", async ({ page }) => {
  await page.goto("/search?q=pasta");
  await page.getByTestId("product-card").filter({ hasText: /\/ kg/ }).first().getByRole("link").click();
  await expect(page.getByTestId("price").first()).toHaveText(/^€\d+\.\d\d$/);
  await expect(page.getByTestId("unit-price").first()).toHaveText(/^€\d+\.\d\d \/ (kg|l)$/);
});

test("search forgives typos: 'bananna' finds bananas", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("searchbox", { name: "Search products" }).first().fill("bananna");
  await page.getByRole("searchbox", { name: "Search products" }).first().press("Enter");
  await expect(page).toHaveURL(/\/search\?q=bananna/);
  await expect(page.getByTestId("search-corrections")).toContainText("banana");
  await expect(page.getByTestId("product-card").first()).toContainText("Bananas");
});

test("availability follows the chosen store", async ({ page, request }) => {
  const lyon = await (await request.get("/api/v1/products?store=lyon-part-dieu&limit=100&sort=name-asc")).json();
  const paris = await (await request.get("/api/v1/products?store=paris-bastille&limit=100&sort=name-asc")).json();
  const parisStock = new Map(paris.data.map((p: { slug: string; inStock: boolean }) => [p.slug, p.inStock]));
  const product = lyon.data.find((p: { slug: string; inStock: boolean }) => p.inStock && parisStock.get(p.slug) === false);
  expect(product, "a product in stock at Lyon but not at Paris").toBeTruthy();

  await chooseStore(page, "Halles Lyon Part-Dieu");
  await page.goto(`/p/${product.slug}`);
  await expect(page.getByTestId("stock-status").first()).toHaveText("In stock at Halles Lyon Part-Dieu");

  await chooseStore(page, "Halles Paris Bastille");
  await page.goto(`/p/${product.slug}`);
  await expect(page.getByTestId("stock-status").first()).toHaveText("Out of stock at Halles Paris Bastille");
});

test("finds the store delivering to a postcode", async ({ page }) => {
  await page.goto("/stores");
  await page.getByLabel("Find the store that delivers to your postcode").fill("75011");
  await page.getByRole("button", { name: "Find" }).click();
  await expect(page.getByRole("status")).toContainText("1 store delivers to 75011");
  await expect(page.getByRole("list", { name: "Stores" }).getByRole("heading")).toHaveText(["Halles Paris Bastille"]);
});

test("unknown products and categories get the 404 page", async ({ page }) => {
  for (const path of ["/p/no-such-product", "/c/no-such-aisle", "/p/Bad_Slug!"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
  }
});

test("nonsense query parameters are ignored, never an error", async ({ page }) => {
  const long = "x".repeat(10_000);
  for (const path of ["/c/pantry?page=-1&min=abc&sort=nope", `/search?q=${long}`, "/search?q=%27%3B+drop+table+products%3B--", "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E"]) {
    const response = await page.goto(path);
    expect(response?.status(), path.slice(0, 60)).toBe(200);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Results for “<script>alert(1)</script>”");
});
