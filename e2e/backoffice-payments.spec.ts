// A store agent's money decisions, end to end against the Stripe test server: cancelling before
// capture (the authorisation is voided) and after it (refunded in full), a partial refund, and an
// authorisation that lapses before the order is picked. The amounts at Stripe match the order's.
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { claimOrder, finishPicking, settleOrderLine } from "@/db/queries/picking";
import { orderLines } from "@/db/schema";
import { formatCents } from "@/lib/catalog/pricing";
import { storeBySlug } from "@/tests/checkout-fixtures";
import { e2eStripe, paidTestOrder, signInAs, staffAccount } from "./backoffice-fixtures";
import { expect, expectAccessible, test } from "./fixtures";
import { waitForMail } from "./helpers";
import { closeDb, e2eDb, orderRow, otherShopper } from "./order-fixtures";

test.afterAll(() => closeDb());

const ITEMS = [
  { slug: "pineapple", quantity: 2 },
  { slug: "kiwis", quantity: 1 },
];

async function bordeauxAgent(name: string) {
  const account = await staffAccount("agent", ["bordeaux-chartrons"], name);
  const storeIds = [(await storeBySlug(e2eDb(), "bordeaux-chartrons")).id];
  return { ...account, role: "agent" as const, storeIds };
}

/** Picks every line as ordered (the picking page has its own test) and waits for the order worker's capture. */
async function pickedAndCaptured(orderId: string, agent: Awaited<ReturnType<typeof bordeauxAgent>>) {
  const db = e2eDb();
  await db.transaction((tx) => claimOrder(tx, orderId, agent));
  for (const line of await db.select().from(orderLines).where(eq(orderLines.orderId, orderId))) {
    await db.transaction((tx) => settleOrderLine(tx, { orderId, lineId: line.id, outcome: { kind: "picked", quantity: line.quantity }, staff: agent }));
  }
  await db.transaction((tx) => finishPicking(tx, orderId, agent));
  await expect.poll(async () => (await orderRow(orderId)).capturedCents, { timeout: 30_000 }).not.toBeNull();
  return orderRow(orderId);
}

async function cancelOnPage(page: Page, reason: string) {
  const cancel = page.getByRole("region", { name: "Cancel order" });
  await cancel.getByText("Cancel this order…").click();
  await cancel.getByLabel("Reason (told to the shopper)").fill(reason);
  await cancel.getByRole("button", { name: "Yes, cancel this order" }).click();
  await expect(page.getByTestId("order-status").first()).toHaveText("Cancelled");
}

test("an agent cancels a paid order before capture: the authorisation is voided and the shopper told (issue 7)", async ({ page }) => {
  const agent = await bordeauxAgent("Cancelling Agent");
  const order = await paidTestOrder(await otherShopper(), { items: ITEMS });
  await signInAs(page, agent.email, `/admin/orders/${order.id}`);
  await cancelOnPage(page, "Freezer breakdown");
  const row = await orderRow(order.id);
  await expect.poll(async () => (await e2eStripe().paymentIntents.retrieve(row.paymentIntentId!)).status, { timeout: 30_000 }).toBe("canceled");
  expect(row.capturedCents).toBeNull();
  const mail = await waitForMail(row.contactEmail, new RegExp(`order ${order.number} has been cancelled`));
  expect(mail.text).toContain("Freezer breakdown");
});

test("after capture, an agent refunds part of an order, then cancels it: Stripe refunds exactly what was charged (issue 7)", async ({ page }) => {
  test.slow();
  const agent = await bordeauxAgent("Refunding Agent");
  const order = await paidTestOrder(await otherShopper(), { items: ITEMS });
  const captured = await pickedAndCaptured(order.id, agent);
  const charged = captured.capturedCents!;
  const stripe = e2eStripe();
  expect((await stripe.paymentIntents.retrieve(captured.paymentIntentId!)).amount_received).toBe(charged);

  await signInAs(page, agent.email, `/admin/orders/${order.id}`);
  await expectAccessible(page);
  const refund = page.getByRole("region", { name: "Refund" });
  await refund.getByRole("radio", { name: "An amount" }).check();
  await refund.getByLabel("Amount in euros").fill("1.50");
  await refund.getByLabel("Reason (told to the shopper)").fill("Bruised pineapple");
  await refund.getByRole("button", { name: "Refund", exact: true }).click();
  await expect(page.getByTestId("payment-amounts")).toContainText(formatCents(150));
  await expect.poll(async () => (await orderRow(order.id)).refundedCents, { timeout: 30_000 }).toBe(150);
  const refundMail = await waitForMail(captured.contactEmail, new RegExp(`refund for your Halles order ${order.number}`));
  expect(refundMail.text).toContain("€1.50");

  await cancelOnPage(page, "Customer no longer at home");
  await expect.poll(async () => (await orderRow(order.id)).refundedCents, { timeout: 30_000 }).toBe(charged);
  // Stripe counts the part of the authorisation released at capture as refunded too: the rest is our refunds.
  const charge = await stripe.charges.retrieve(String((await stripe.paymentIntents.retrieve(captured.paymentIntentId!)).latest_charge));
  expect(charge.amount_captured).toBe(charged);
  expect(charge.amount_refunded - (charge.amount - charge.amount_captured)).toBe(charged);
});

test("an authorisation that lapses before picking cancels the order, releases it and tells the shopper (issue 7)", async ({ page }) => {
  const agent = await bordeauxAgent("Watching Agent");
  const order = await paidTestOrder(await otherShopper(), { items: ITEMS });
  const row = await orderRow(order.id);
  const stripeUrl = process.env.STRIPE_TEST_SERVER_URL ?? "http://127.0.0.1:3101";
  expect((await fetch(`${stripeUrl}/_test/payment_intents/${row.paymentIntentId}/expire_authorization`, { method: "POST" })).status).toBe(200);

  await expect.poll(async () => (await orderRow(order.id)).status, { timeout: 30_000 }).toBe("cancelled");
  await signInAs(page, agent.email, `/admin/orders/${order.id}`);
  await expect(page.getByTestId("order-status").first()).toHaveText("Cancelled");
  await expect(page.getByText("The card authorisation expired")).toBeVisible();
  const mail = await waitForMail(row.contactEmail, new RegExp(`order ${order.number} has been cancelled`));
  expect(mail.text).toContain("The card authorisation expired");
});
