// The back office without JavaScript (issue 8): its pages stream behind <Suspense>, and
// ShowStreamedBackOfficeWithoutJs shows the streamed content in place. A marketer browses the
// catalog and creates a product and a promotion code with plain form posts. A form's errors come back
// beside its fields with what was typed kept (the action answers with a redirect to the form's page,
// carrying its state: lib/backoffice/form-flash.ts).
import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { ean13CheckDigit } from "@/db/seed/codes";
import { staffAccount } from "./backoffice-fixtures";
import { expect, test } from "./fixtures";
import { PASSWORD } from "./helpers";

test.use({ javaScriptEnabled: false });

async function signInWithoutJs(page: Page, next: string) {
  const marketer = await staffAccount("marketing");
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(marketer.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("staff-identity")).toContainText("Marketing");
}

async function fillNewProduct(page: Page, suffix: string, ean: string) {
  const form = page.getByRole("form", { name: "New product" });
  await form.getByLabel("Name").fill(`No-JS jam ${suffix}`);
  await form.getByLabel("Category").selectOption({ index: 1 });
  await form.getByLabel("SKU").fill(`NOJS-${suffix}`);
  await form.getByLabel("EAN (barcode)").fill(ean);
  await form.getByLabel("Size shown").fill("370 g");
  await form.getByLabel("National price (€)").fill("3.49");
  await form.getByLabel("Net quantity").fill("370");
  await form.getByRole("button", { name: "Create product" }).click();
}

test("a marketer browses the catalog and creates a product and a promotion code without JavaScript", async ({ page }) => {
  test.slow();
  const suffix = randomBytes(4).toString("hex");
  // An EAN of this run's own (EANs are unique in the catalog).
  const body = `2${String(parseInt(suffix, 16)).padStart(11, "0").slice(-11)}`;
  await signInWithoutJs(page, "/admin/catalog");
  await expect(page.getByText("Checking your access…")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();

  await page.getByRole("link", { name: "New product" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New product" })).toBeVisible();
  await expect(page.getByText("Loading…")).toBeHidden();
  const wrongDigit = (Number(ean13CheckDigit(body)) + 1) % 10;
  await fillNewProduct(page, suffix, `${body}${wrongDigit}`);
  const newProduct = page.getByRole("form", { name: "New product" });
  await expect(page.locator("#new-ean-error")).toBeVisible();
  await expect(newProduct.getByLabel("EAN (barcode)")).toHaveValue(`${body}${wrongDigit}`);
  await expect(newProduct.getByLabel("EAN (barcode)")).toHaveAttribute("aria-invalid", "true");
  await expect(newProduct.getByLabel("Name")).toHaveValue(`No-JS jam ${suffix}`);
  await expect(newProduct.getByLabel("SKU")).toHaveValue(`NOJS-${suffix}`);
  await newProduct.getByLabel("EAN (barcode)").fill(body + ean13CheckDigit(body));
  await newProduct.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByText("Product created.")).toBeVisible();
  await expect(page.getByTestId("product-title")).toHaveText(`No-JS jam ${suffix}`);

  const code = `NOJS${suffix.toUpperCase()}`;
  await page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Promotions" }).click();
  await page.getByRole("link", { name: "New code" }).click();
  await expect(page.getByRole("heading", { name: "New promotion code" })).toBeVisible();
  await page.getByLabel("Name shoppers read").fill("No-JS ten percent");
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Percent (if a percent)").fill("250");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.locator("#field-percent-error")).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveValue(code);
  await expect(page.getByLabel("Percent (if a percent)")).toHaveValue("250");
  // The answer shows once: reloaded, the form is as new.
  await page.reload();
  await expect(page.getByRole("heading", { name: "New promotion code" })).toBeVisible();
  await expect(page.locator("#field-percent-error")).toBeHidden();
  await page.getByLabel("Name shoppers read").fill("No-JS ten percent");
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByLabel("Percent (if a percent)").fill("10");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByText("Promotion created.")).toBeVisible();
  await expect(page.getByTestId("promotion-status")).toContainText("Live");
});
