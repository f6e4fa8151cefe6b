// A shopper's way through checkout on a phone, shared by the specs that buy something: products of
// the test's own, a guest basket, an account created at checkout, click & collect and payment on
// the (local, TEST MODE) Stripe page.
import { expect, type Page } from "@playwright/test";
import { availableAt, createOwnProduct, type OwnProduct } from "./catalog-fixtures";
import { submitSignUp } from "./helpers";

export async function addToBasket(page: Page, slug: string, quantityLabel: string) {
  await page.goto(`/p/${slug}`);
  await page.getByLabel(/^(Quantity|Weight)$/).selectOption({ label: quantityLabel });
  await page.getByRole("button", { name: /^Add to basket: / }).click();
  await expect(page.getByText("Added to your basket.")).toBeVisible();
}

export type Basket = { weighed: OwnProduct; unit: OwnProduct };

/** A weighed product and a unit product of the test's own, plenty in stock at the default store. */
export async function ownProducts(tag: string): Promise<Basket> {
  return {
    weighed: await createOwnProduct(`${tag}-weighed`, { "lyon-part-dieu": 50_000 }, { weighed: true }),
    unit: await createOwnProduct(`${tag}-unit`, { "lyon-part-dieu": 50 }),
  };
}

export const available = (product: OwnProduct) => availableAt("lyon-part-dieu", product.variantId);

/** A guest fills a basket (500 g and 2 items), then creates an account from the checkout page. */
export async function guestBasketThenSignUp(page: Page, email: string, basket: Basket) {
  await addToBasket(page, basket.weighed.slug, "500 g · about €1.00");
  await expect(page.getByTestId("header-basket-count")).toContainText("1 ·");
  await addToBasket(page, basket.unit.slug, "2");
  await expect(page.getByTestId("header-basket-count")).toContainText("2 ·");

  await page.getByTestId("header-basket").click();
  await expect(page.getByRole("heading", { name: "Your basket" })).toBeVisible();
  await expect(page.getByTestId("basket-line")).toHaveCount(2);
  await expect(page.getByText("Estimated weight 500 g")).toBeVisible();
  await page.getByRole("link", { name: "Checkout" }).click();

  await page.getByRole("link", { name: "Create an account" }).click();
  await submitSignUp(page, "Camille Guest", email);
  await expect(page).toHaveURL(/\/checkout$/);
}

/** Click & collect in the first slot with room, then "Place order and pay"; returns on Stripe's page. */
export async function collectAndPay(page: Page, card: string) {
  await page.getByRole("radio", { name: /Click & collect/ }).check();
  await page.locator('input[name="collectionSlotId"]').first().check({ force: true });
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await expect(page.getByRole("heading", { name: /^Pay €/ })).toBeVisible();
  await page.getByLabel("Card number").fill(card);
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Camille Guest");
  await page.getByRole("button", { name: /^Pay €/ }).click();
}
