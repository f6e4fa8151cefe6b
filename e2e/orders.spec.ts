// A shopper's orders: the history and the latest five on the account page, an order's page
// (lines, VAT, slot, address, history in Paris time), "Pay now", and cancelling before picking —
// with and without JavaScript. Orders are placed straight in the database (e2e/order-fixtures.ts).
import { expect, expectAccessible, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { formatDateTime } from "@/lib/orders/labels";
import { closeDb, moveOrderTo, orderRow, placeTestOrder, signUpShopper, stockAndSlot } from "./order-fixtures";

test.afterAll(() => closeDb());

/** Only what is visible: pages visited before may stay in the DOM, hidden. */
const visible = (page: Page, testId: string) => page.getByTestId(testId).filter({ visible: true });

test("lists the shopper's orders newest first, the latest five on the account page", async ({ page }) => {
  const { userId } = await signUpShopper(page, "history");
  const placed = [];
  // Paid for, all but the newest: an account holds at most two orders awaiting payment.
  for (let i = 0; i < 6; i++) placed.push(await placeTestOrder(userId, { items: [{ slug: "organic-lemons", quantity: 1 }], status: i < 5 ? "confirmed" : undefined }));
  const newestFirst = placed.map((o) => o.number).reverse();

  await page.goto("/account");
  const latest = page.getByRole("list", { name: "Your latest orders" });
  await expect(latest.getByRole("link")).toHaveText(newestFirst.slice(0, 5).map((n) => `Order ${n}`));
  await page.getByRole("link", { name: "See all 6 orders" }).click();

  await expect(page).toHaveURL(/\/account\/orders$/);
  await expect(page.getByRole("heading", { level: 1, name: "Your orders" })).toBeVisible();
  const all = page.getByRole("list", { name: "Your orders" });
  await expect(all.getByRole("link")).toHaveText(newestFirst.map((n) => `Order ${n}`));
  await expect(all.getByRole("listitem").last()).toContainText("Confirmed");
  await expect(all.getByRole("listitem").first()).toContainText("Awaiting payment");
  await expect(all.getByRole("listitem").first()).toContainText(/€\d+\.\d\d/);
  await expect(all.getByRole("listitem").first()).toContainText(/Collection \w{3} \d{1,2} \w{3}, \d\d:\d\d–\d\d:\d\d/);

  await expectAccessible(page);
});

test("shows an order's lines, VAT breakdown, slot, address and history in Paris time", async ({ page }) => {
  const { userId } = await signUpShopper(page, "detail");
  const order = await placeTestOrder(userId, {
    items: [
      { slug: "leeks", quantity: 750, substitution: "refuse" },
      { slug: "pineapple", quantity: 2 },
    ],
    fulfilment: "delivery",
    address: { recipient: "Inès Client", street: "3 Quai des Chartrons", postcode: "33000", city: "Bordeaux", phone: null },
  });
  await moveOrderTo(order.id, "confirmed");
  const row = await orderRow(order.id);

  await page.goto(`/account/orders/${order.id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
  await expect(visible(page, "order-status").first()).toHaveText("Confirmed");
  const lines = page.getByRole("list", { name: "Items in this order" }).getByRole("listitem");
  await expect(lines).toHaveCount(2);
  const leeks = lines.filter({ hasText: "Leeks" });
  await expect(leeks).toContainText("Estimated weight 750 g at €2.99 / kg");
  await expect(leeks).toContainText("No substitute");
  await expect(leeks).toContainText(/about\s*€2\.24/);
  const pineapple = lines.filter({ hasText: "Pineapple" });
  await expect(pineapple).toContainText("2 × €");
  await expect(pineapple).toContainText("Substitute allowed if out of stock");
  await expect(page.getByTestId("totals")).toContainText(/VAT 5\.5 %.*net €\d+\.\d\d.*VAT €\d+\.\d\d/);
  await expect(page.getByTestId("total")).toHaveText(`€${(row.totalCents / 100).toFixed(2)}`);
  await expect(page.getByRole("heading", { name: "Home delivery" })).toBeVisible();
  await expect(page.getByText("3 Quai des Chartrons")).toBeVisible();
  await expect(page.getByTestId("order-slot")).toHaveText(/^\w+day \d{1,2} \w+ \d{4}, \d\d:\d\d–\d\d:\d\d$/);
  const history = page.getByRole("list", { name: "Order history" }).getByRole("listitem");
  await expect(history).toHaveText([new RegExp(`^Order placed\\s*${formatDateTime(row.createdAt)}$`), /^Payment authorised/, /^Order confirmed/]);
  // A confirmed order can still be cancelled; there is nothing to pay.
  await expect(page.getByRole("button", { name: "Cancel order" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Pay now" })).toHaveCount(0);

  await expectAccessible(page);
});

test("cancels a pending order after a confirmation step; stock and slot are given back", async ({ page }) => {
  const { userId } = await signUpShopper(page, "cancel-pending");
  const order = await placeTestOrder(userId, { items: [{ slug: "kiwis", quantity: 3 }] });
  const before = await stockAndSlot(order);
  expect(before.booked).toBe(1);

  await page.goto(`/account/orders/${order.id}`);
  await expect(page.getByTestId("live-status")).toHaveText("Awaiting payment");
  await expect(page.getByRole("button", { name: "Pay now" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel order", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Cancel order ${order.number}?` })).toBeVisible();
  // Changing one's mind changes nothing.
  await page.getByRole("link", { name: "Keep my order" }).click();
  await expect(page.getByRole("heading", { name: "Changed your mind?" })).toBeVisible();
  expect((await orderRow(order.id)).status).toBe("pending_payment");

  await page.getByRole("button", { name: "Cancel order", exact: true }).click();
  await page.getByRole("button", { name: `Yes, cancel order ${order.number}` }).click();
  await expect(page).toHaveURL(new RegExp(`/account/orders/${order.id}\\?cancelled=1$`));
  await expect(visible(page, "order-status").first()).toHaveText("Cancelled");
  await expect(page.getByTestId("cancelled-message")).toContainText("You cancelled this order.");
  await expect(page.getByRole("button", { name: "Cancel order" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pay now" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Order history" }).getByRole("listitem").last()).toContainText("Cancelled");

  expect((await orderRow(order.id)).status).toBe("cancelled");
  expect(await stockAndSlot(order)).toEqual({ stock: { quantity: before.stock.quantity, reserved: before.stock.reserved - 3 }, booked: 0 });
});

test("refuses to cancel once picking has started, saying why", async ({ page }) => {
  const { userId } = await signUpShopper(page, "cancel-late");
  const order = await placeTestOrder(userId, { items: [{ slug: "navel-oranges", quantity: 500 }], status: "confirmed" });
  await page.goto(`/account/orders/${order.id}`);
  await page.getByRole("button", { name: "Cancel order", exact: true }).click();
  await expect(page.getByRole("heading", { name: `Cancel order ${order.number}?` })).toBeVisible();
  // An agent starts picking while the shopper hesitates.
  await moveOrderTo(order.id, "picking");
  await page.getByRole("button", { name: `Yes, cancel order ${order.number}` }).click();
  await expect(page.getByTestId("order-notice")).toHaveText(/can no longer be cancelled/);
  await expect(visible(page, "order-status").first()).toHaveText("Being picked");
  await expect(page.getByRole("button", { name: /Cancel order/ })).toHaveCount(0);
  expect((await orderRow(order.id)).status).toBe("picking");
});

test("Pay now reopens the order's payment page; once paid, the page confirms by itself", async ({ page }) => {
  const { userId } = await signUpShopper(page, "pay-later");
  const order = await placeTestOrder(userId, { items: [{ slug: "pink-lady-apples", quantity: 500 }] });
  await page.goto(`/account/orders/${order.id}`);
  await page.getByRole("button", { name: "Pay now" }).click();
  await expect(page.getByRole("heading", { name: /^Pay €/ })).toBeVisible();
  await page.getByLabel("Card number").fill("4242 4242 4242 4242");
  await page.getByLabel("Expiry").fill("12 / 34");
  await page.getByLabel("CVC").fill("123");
  await page.getByLabel("Name on card").fill("Order Tester");
  await page.getByRole("button", { name: /^Pay €/ }).click();
  await expect(page).toHaveURL(new RegExp(`/account/orders/${order.id}\\?paid=1$`));
  // The webhook and the order worker confirm it; the page follows without a reload.
  await expect(page.getByRole("heading", { level: 1, name: `Thank you! Order ${order.number} is confirmed` })).toBeVisible({ timeout: 20_000 });
  expect((await orderRow(order.id)).status).toBe("confirmed");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("cancels a confirmed order with two plain submits; the committed stock comes back", async ({ page }) => {
    const { userId } = await signUpShopper(page, "cancel-nojs");
    const order = await placeTestOrder(userId, { items: [{ slug: "mango", quantity: 2 }], status: "confirmed" });
    const before = await stockAndSlot(order);

    await page.goto(`/account/orders/${order.id}`);
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
    await page.getByRole("button", { name: "Cancel order", exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/account/orders/${order.id}\\?cancel=1$`));
    await page.getByRole("button", { name: `Yes, cancel order ${order.number}` }).click();
    await expect(page).toHaveURL(new RegExp(`/account/orders/${order.id}\\?cancelled=1$`));
    await expect(page.getByTestId("cancelled-message")).toContainText("You cancelled this order.");
    await expect(page.getByTestId("order-status").first()).toHaveText("Cancelled");
    expect(await stockAndSlot(order)).toEqual({ stock: { quantity: before.stock.quantity + 2, reserved: before.stock.reserved }, booked: 0 });

    await page.goto("/account/orders");
    await expect(page.getByRole("list", { name: "Your orders" }).getByRole("listitem")).toContainText(["Cancelled"]);
  });
});
