// Promotions, end to end (issue 8): a marketer creates a 10 % code in the back office; a signed-in
// shopper (another browser) enters it at the basket, sees the discount on the line and in the VAT
// breakdown, pays, and the amount authorised at Stripe is the discounted total. Unit items only, so
// there is no weighed-items buffer. Breadth (refusals, limits, concurrency, picking) is in
// db/queries/promotions.int.test.ts.
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { orders, promotions } from "@/db/schema";
import { staffAccount, signInAs, e2eStripe } from "./backoffice-fixtures";
import { createOwnProduct } from "./catalog-fixtures";
import { expect, expectAccessible, readyPage, test } from "./fixtures";
import { closeDb, e2eDb, signUpShopper } from "./order-fixtures";

test.afterAll(() => closeDb());

async function createCode(page: Page, code: string) {
  const marketer = await staffAccount("marketing");
  await signInAs(page, marketer.email, "/admin/promotions");
  await page.getByRole("link", { name: "New code" }).click();
  await expect(page.getByRole("heading", { name: "New promotion code" })).toBeVisible();
  await page.getByLabel("Name shoppers read").fill("Ten percent off");
  await page.getByLabel("Code", { exact: true }).fill(code.toLowerCase());
  // A mistake first: the error sits beside its field and what was typed is kept.
  await page.getByLabel("Percent (if a percent)").fill("150");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByText("Enter a percent between 0.01 and 100.")).toBeVisible();
  await expect(page.getByLabel("Code", { exact: true })).toHaveValue(code.toLowerCase());
  await expectAccessible(page);
  await page.getByLabel("Percent (if a percent)").fill("10");
  await page.getByRole("button", { name: "Create promotion" }).click();
  await expect(page.getByText("Promotion created.")).toBeVisible();
  await expect(page.getByTestId("promotion-status")).toContainText("Live");
  await page.getByRole("link", { name: "Promotions" }).first().click();
  await expect(page.getByTestId("promotion-row").filter({ hasText: code })).toContainText("10% off with " + code);
  await expectAccessible(page);
}

test("a marketer's 10% code is applied at the basket, in the VAT breakdown and in the amount authorised at Stripe", async ({ page, browser }) => {
  test.slow();
  const code = `E2E${Date.now().toString(36).toUpperCase()}`;
  const product = await createOwnProduct("promo", { "lyon-part-dieu": 50 });
  await createCode(page, code);

  const shopper = readyPage(await (await browser.newContext()).newPage());
  await signUpShopper(shopper, "promo-buyer");
  await shopper.goto(`/p/${product.slug}`);
  await shopper.getByLabel("Quantity").selectOption({ label: "3" });
  await shopper.getByRole("button", { name: /^Add to basket: / }).click();
  await expect(shopper.getByText("Added to your basket.")).toBeVisible();

  await shopper.goto("/basket");
  await shopper.getByLabel("Promotion code").fill("nosuchcode");
  await shopper.getByRole("button", { name: "Apply code" }).click();
  await expect(shopper.getByText("We do not know the code NOSUCHCODE.")).toBeVisible();
  await shopper.getByLabel("Promotion code").fill(code.toLowerCase());
  await shopper.getByRole("button", { name: "Apply code" }).click();
  // 3 × €1.99 = €5.97; 10 % = €0.60 off, so €5.37 of goods at 5.5 % VAT: €0.28 VAT, €5.09 net.
  await expect(shopper.getByTestId("line-discount")).toHaveText(`${code} −10%: −€0.60`);
  await expect(shopper.getByTestId("discount-total")).toHaveText("−€0.60");
  const vat = shopper.getByRole("table").filter({ hasText: "VAT included" });
  await expect(vat.getByRole("row").filter({ hasText: "VAT 5.5 %" })).toContainText("net €5.09");
  await expect(vat.getByRole("row").filter({ hasText: "VAT 5.5 %" })).toContainText("VAT €0.28");
  await expectAccessible(shopper);

  await shopper.getByRole("link", { name: "Checkout" }).click();
  await shopper.getByRole("radio", { name: /Click & collect/ }).check();
  await shopper.locator('input[name="collectionSlotId"]').first().check({ force: true });
  await expect(shopper.getByTestId("total").filter({ visible: true })).toHaveText("€5.37");
  await shopper.getByRole("button", { name: "Place order and pay" }).click();
  await expect(shopper.getByRole("heading", { name: /^Pay €5\.37/ })).toBeVisible();
  await shopper.getByLabel("Card number").fill("4242 4242 4242 4242");
  await shopper.getByLabel("Expiry").fill("12 / 34");
  await shopper.getByLabel("CVC").fill("123");
  await shopper.getByLabel("Name on card").fill("Promo Buyer");
  await shopper.getByRole("button", { name: /^Pay €/ }).click();
  await expect(shopper.getByRole("heading", { name: /is confirmed/ })).toBeVisible({ timeout: 15_000 });
  await expect(shopper.getByTestId("discount-total").filter({ visible: true })).toHaveText("−€0.60");

  const orderId = new URL(shopper.url()).pathname.split("/").pop()!;
  const [order] = await e2eDb().select().from(orders).where(eq(orders.id, orderId));
  expect(order).toMatchObject({ subtotalCents: 597, discountCents: 60, totalCents: 537, authorizedCents: 537, promotionCode: code });
  const session = await e2eStripe().checkout.sessions.retrieve(order.checkoutSessionId!);
  expect(session.amount_total).toBe(537);
  const intent = await e2eStripe().paymentIntents.retrieve(String(session.payment_intent));
  expect(intent.amount).toBe(537);
});

test("a guest without JavaScript enters a code at the basket, sees the refusal beside the field, then the discount", async ({ browser }) => {
  const code = `NOJS${Date.now().toString(36).toUpperCase()}`;
  await e2eDb().insert(promotions).values({ kind: "code", name: "Five percent", code, discountType: "percent", percentBp: 500 });
  const product = await createOwnProduct("promo-nojs", { "lyon-part-dieu": 50 });
  const guest = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await guest.goto(`/p/${product.slug}`);
  await guest.getByLabel("Quantity").selectOption({ label: "2" });
  await guest.getByRole("button", { name: /^Add to basket: / }).click();
  await expect(guest).toHaveURL(/\/basket\?notice=added/);

  await guest.getByLabel("Promotion code").fill("NOPE");
  await guest.getByRole("button", { name: "Apply code" }).click();
  await expect(guest.getByText("We do not know the code NOPE. Check how it is spelt.")).toBeVisible();
  await expect(guest.getByLabel("Promotion code")).toHaveValue("NOPE");
  await guest.getByLabel("Promotion code").fill(code);
  await guest.getByRole("button", { name: "Apply code" }).click();
  // 2 × €1.99 = €3.98; 5 % = €0.20.
  await expect(guest.getByTestId("line-discount")).toHaveText(`${code} −5%: −€0.20`);
  await guest.getByRole("button", { name: `Remove code ${code}` }).click();
  await expect(guest.getByTestId("line-discount")).toHaveCount(0);
});
