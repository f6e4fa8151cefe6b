// Buying, as a shopper on a phone: a guest basket with a weighed item, an account created at
// checkout, click & collect, payment on the (local, TEST MODE) Stripe page, and the worker
// services taking the order to confirmed or cancelled; then a cancellation from the account.
// Each test buys products of its own (e2e/catalog-fixtures.ts): the stock it counts is its own.
// Whole buy flows get a realistic budget (test.slow()): on a busy machine they take a while.
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { available, collectAndPay, guestBasketThenSignUp, ownProducts } from "./checkout-flow";
import { uniqueEmail } from "./helpers";
import { closeDb, e2eSql } from "./order-fixtures";

const mailCapture = process.env.MAIL_CAPTURE_URL ?? "http://127.0.0.1:3103"; // scripts/e2e.ts passes it (E2E_PORT + 3)

test.afterAll(() => closeDb());

/** The order's status badge. (Pages visited before stay in the DOM, hidden, so only visible ones count.) */
const statusBadge = (page: Page) => page.getByTestId("order-status").filter({ visible: true }).first();

async function orderStatus(orderId: string): Promise<string> {
  const [row] = await e2eSql()<{ status: string }[]>`select status from orders where id = ${orderId}`;
  return row.status;
}

test("a guest fills a basket, signs up at checkout, collects, pays with 4242 and gets the confirmation", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("buyer");
  const basket = await ownProducts("buyer");
  const weighedBefore = await available(basket.weighed);
  await guestBasketThenSignUp(page, email, basket);
  await expect(page.getByRole("heading", { name: "Checkout" })).toBeVisible();
  // The basket survived signing up.
  await expect(page.getByRole("group", { name: "If an item is out of stock" })).toContainText(basket.weighed.name);
  await collectAndPay(page, "4242 4242 4242 4242");

  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}\?paid=1$/);
  const orderId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByRole("heading", { name: /is confirmed/ })).toBeVisible({ timeout: 15_000 });
  expect(await orderStatus(orderId)).toBe("confirmed");
  expect(await available(basket.weighed)).toBe(weighedBefore - 500);
  await expect(page.getByTestId("header-basket-count")).toHaveCount(0);

  const [{ number }] = await e2eSql()<{ number: string }[]>`select number from orders where id = ${orderId}`;
  await expect
    .poll(async () => {
      const messages = (await (await fetch(`${mailCapture}/api/messages?to=${encodeURIComponent(email)}`)).json()) as { subject: string; text: string }[];
      return messages.map((m) => m.subject).join("|");
    }, { timeout: 15_000 })
    .toContain(number);
});

test("a declined card (4000 0000 0000 0002) cancels the order and gives the stock back", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("declined");
  const basket = await ownProducts("declined");
  const weighedBefore = await available(basket.weighed);
  await guestBasketThenSignUp(page, email, basket);
  await collectAndPay(page, "4000 0000 0000 0002");
  await expect(page.getByRole("alert")).toContainText("Your card was declined.");

  const [order] = await e2eSql()<{ id: string }[]>`select o.id from orders o join users u on u.id = o.user_id where u.email = ${email}`;
  await expect.poll(() => orderStatus(order.id), { timeout: 15_000 }).toBe("cancelled");
  await expect.poll(() => available(basket.weighed)).toBe(weighedBefore);

  await page.getByRole("link", { name: "Cancel and return to the shop" }).click();
  await expect(page).toHaveURL(new RegExp(`/account/orders/${order.id}$`));
  await expect(statusBadge(page)).toHaveText("Cancelled");
});

test("a shopper cancels a confirmed order from the account page", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("canceller");
  const basket = await ownProducts("canceller");
  await guestBasketThenSignUp(page, email, basket);
  const unitBefore = await available(basket.unit);
  await collectAndPay(page, "4242 4242 4242 4242");
  await expect(page.getByRole("heading", { name: /is confirmed/ })).toBeVisible({ timeout: 15_000 });
  const orderId = new URL(page.url()).pathname.split("/").pop()!;
  expect(await available(basket.unit)).toBe(unitBefore - 2);

  await page.goto("/account");
  await page.getByRole("link", { name: /H-\d{6}/ }).first().click();
  await expect(page).toHaveURL(new RegExp(`/account/orders/${orderId}$`));
  await page.getByRole("button", { name: "Cancel order" }).click();
  await page.getByRole("button", { name: /Yes, cancel/ }).click();
  await expect(statusBadge(page)).toHaveText("Cancelled");
  expect(await orderStatus(orderId)).toBe("cancelled");
  expect(await available(basket.unit)).toBe(unitBefore);
});

test("home delivery: a postcode the store does not cover is explained next to the field, and nothing typed is lost", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("delivery");
  const basket = await ownProducts("delivery");
  await guestBasketThenSignUp(page, email, basket);
  const delivery = page.getByRole("group", { name: "2. Delivery address" });
  await delivery.getByLabel("Recipient").fill("Camille Guest");
  await delivery.getByLabel("Street and number").fill("8 Quai de la Tournelle");
  await delivery.getByLabel("Postcode").fill("75005");
  await delivery.getByLabel("City").fill("Paris");
  await page.locator('input[name="deliverySlotId"]').first().check({ force: true });
  await page.getByRole("button", { name: "Place order and pay" }).click();

  await expect(delivery.getByText("This store does not deliver to that postcode.")).toBeVisible();
  await expect(delivery.getByLabel("Street and number")).toHaveValue("8 Quai de la Tournelle");
  await expect(page.getByRole("group", { name: "If an item is out of stock" })).toContainText(basket.weighed.name);
  await expect(page.getByTestId("total").filter({ visible: true })).toHaveText(/€/);

  await delivery.getByLabel("Postcode").fill("69002");
  await delivery.getByLabel("City").fill("Lyon");
  await page.locator('input[name="deliverySlotId"]').first().check({ force: true });
  await page.getByRole("button", { name: "Place order and pay" }).click();
  await expect(page.getByRole("heading", { name: /^Pay €/ })).toBeVisible();
  const [order] = await e2eSql()<{ fulfilment: string; delivery_fee_cents: number; address: { postcode: string } }[]>`
    select o.fulfilment, o.delivery_fee_cents, o.delivery_address as address
    from orders o join users u on u.id = o.user_id where u.email = ${email}`;
  expect(order).toMatchObject({ fulfilment: "delivery", delivery_fee_cents: 499, address: { postcode: "69002" } });
});

test("one canonical host (issue 6 item 12): a walk started on another name of the site ends on the order, signed in", async ({ page }) => {
  test.slow();
  const email = uniqueEmail("otherhost");
  const basket = await ownProducts("otherhost");
  // The banner says localhost, the site is 127.0.0.1 here (PUBLIC_URL): the other name is redirected at once.
  const other = new URL(process.env.BASE_URL ?? "http://127.0.0.1:3100");
  other.hostname = other.hostname === "localhost" ? "127.0.0.1" : "localhost";
  const response = await page.request.get(`${other.origin}/p/${basket.unit.slug}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["set-cookie"]).toBeUndefined();
  await page.goto(`${other.origin}/p/${basket.weighed.slug}`);
  expect(new URL(page.url()).host).not.toBe(other.host);

  await guestBasketThenSignUp(page, email, basket);
  await collectAndPay(page, "4242 4242 4242 4242");
  // Back from Stripe on the same host as the session: the order, not the sign-in page.
  await expect(page).toHaveURL(/\/account\/orders\/[0-9a-f-]{36}\?paid=1$/);
  await expect(page.getByRole("heading", { name: /is confirmed/ })).toBeVisible({ timeout: 30_000 });
});
