// Marketing's catalog (issue 8): a marketer changes a product's national price and a visitor sees
// it on the cached product page and in its category listing at the next reloads; a bad EAN is
// refused beside its field, keeping what was typed; markup in a product's text shows as text,
// never runs.
import { randomBytes } from "node:crypto";
import { ean13CheckDigit } from "@/db/seed/codes";
import { signInAs, staffAccount } from "./backoffice-fixtures";
import { cacheFirstPrice, cardPrice, expectPriceOnReload, ownCategoryProduct, productPrice } from "./catalog-fixtures";
import { expect, expectAccessible, test } from "./fixtures";
import { closeDb } from "./order-fixtures";

test.afterAll(() => closeDb());

test("a marketer's new price shows on the cached product page and its category at the next reloads; a bad EAN is refused beside its field", async ({ page, browser }) => {
  test.slow();
  const product = await ownCategoryProduct("price");
  const visitor = await (await browser.newContext()).newPage();
  const categoryCardPrice = cardPrice(product);
  // The visitor's pages are cached with the old price.
  await cacheFirstPrice(visitor, product);

  const marketer = await staffAccount("marketing");
  await signInAs(page, marketer.email, `/admin/catalog/products/${product.productId}`);
  await expect(page.getByTestId("product-title")).toHaveText(product.name);
  await expectAccessible(page);
  const variantForm = page.getByRole("form", { name: `Variant ${product.sku}` });

  // A wrong check digit: refused beside the EAN field, with what was typed kept.
  await variantForm.getByLabel("EAN (barcode)").fill("3760000000010");
  await variantForm.getByLabel("National price (€)").fill("2.79");
  await variantForm.getByRole("button", { name: "Save variant" }).click();
  const ean = page.getByRole("form", { name: `Variant ${product.sku}` }).getByLabel("EAN (barcode)");
  await expect(ean).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(`#v${product.variantId}-ean-error`)).toHaveText(/check digit/);
  await expect(ean).toHaveAccessibleDescription(/check digit/);
  await expect(ean).toHaveValue("3760000000010");
  await expect(page.getByRole("form", { name: `Variant ${product.sku}` }).getByLabel("National price (€)")).toHaveValue("2.79");

  // Corrected: saved, and the cached storefront pages show the new price.
  const body = `200${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  await ean.fill(body + ean13CheckDigit(body));
  await page.getByRole("form", { name: `Variant ${product.sku}` }).getByRole("button", { name: "Save variant" }).click();
  await expect(page.getByRole("form", { name: `Variant ${product.sku}` }).getByRole("status")).toHaveText(/now costs €2\.79/);
  await expectPriceOnReload(visitor, `/p/${product.slug}`, productPrice, "€2.79");
  await expectPriceOnReload(visitor, `/c/${product.categorySlug}`, categoryCardPrice, "€2.79");
});

test("markup in a product's name, description and brand is shown as text and never runs", async ({ page }) => {
  const name = `<script>window.__xss=1</script>Jam ${randomBytes(2).toString("hex")}`;
  const description = `<img src=x onerror="window.__xss=2">Strawberry`;
  const brand = `<b onmouseover="window.__xss=3">Maison</b>`;
  const product = await ownCategoryProduct("xss", { name, description, brand });
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`/p/${product.slug}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText(description)).toBeVisible();
  await expect(page.getByText(brand).first()).toBeVisible();
  await expect(page.locator("main img[src='x']")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

  const marketer = await staffAccount("marketing");
  await signInAs(page, marketer.email, `/admin/catalog/products/${product.productId}`);
  await expect(page.getByTestId("product-title")).toHaveText(name);
  await expect(page.getByLabel("Description")).toHaveValue(description);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(dialogs).toEqual([]);
});
