import { expect, type Page } from "@playwright/test";

/** Reads the euro amounts of the product cards in order ("€1.99 / kg" → 199). */
export async function cardPrices(page: Page): Promise<number[]> {
  const texts = await page.getByTestId("product-card").getByTestId("price").allTextContents();
  return texts.map((t) => Math.round(Number(t.replace(/[^0-9.]/g, "")) * 100));
}

export function expectAscending(values: number[]) {
  expect(values.length).toBeGreaterThan(1);
  expect(values).toEqual([...values].sort((a, b) => a - b));
}

export async function chooseStore(page: Page, name: string) {
  await page.goto("/stores");
  const choose = page.getByRole("button", { name: `Choose ${name}` });
  if (await choose.isVisible()) await choose.click();
  await expect(page.getByRole("link", { name: new RegExp(`Your store: ${name}`) })).toBeVisible();
}

export const PASSWORD = "groceries-every-week";
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;

/** Fills the sign-up form (already open) and submits it. */
export async function submitSignUp(page: Page, name: string, email: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Confirm password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
}
