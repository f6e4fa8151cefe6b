// A store agent on a tablet: finds an order in the queue, picks it (a scanned item, a weighed line
// heavier than ordered, a missing item and a substitute) and finishes it.
import type { Locator, Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { claimOrder } from "@/db/queries/picking";
import { productVariants, products, slots, stockLevels } from "@/db/schema";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { isoDay } from "@/lib/time/zoned";
import { storeBySlug, variantOf } from "@/tests/checkout-fixtures";
import { formatCents } from "@/lib/catalog/pricing";
import { e2eStripe, paidTestOrder, signInAs, staffAccount } from "./backoffice-fixtures";
import { waitForMail } from "./helpers";
import { expect, expectAccessible, readyPage, test } from "./fixtures";
import { closeDb, e2eDb, orderRow, otherShopper } from "./order-fixtures";

test.afterAll(() => closeDb());

async function eanOf(slug: string): Promise<string> {
  const [row] = await e2eDb()
    .select({ ean: productVariants.ean })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .where(eq(products.slug, slug))
    .orderBy(productVariants.position, productVariants.id)
    .limit(1);
  return row.ean!;
}

const pickLine = (page: Page, product: string) => page.getByTestId("pick-line").filter({ hasText: product });

/** What a keyboard user does to a control: reach it (focus), then press Enter. */
async function pressOn(control: Locator) {
  await control.focus();
  await expect(control).toBeFocused();
  await control.press("Enter");
}

for (const fulfilment of ["collection", "delivery"] as const) {
  test(`an agent picks a ${fulfilment} order (a scanned item, a heavier weighed line, a missing item, a substitute), the capture is the picked total, the shopper is told, and it is handed over (issue 7)`, async ({ page }) => {
    test.slow();
    const agent = await staffAccount("agent", ["bordeaux-chartrons"], "Tablet Agent");
    const shopper = await otherShopper();
    const db = e2eDb();
    const bordeaux = await storeBySlug(db, "bordeaux-chartrons");
    const skyr = await variantOf(db, "natural-skyr");
    await db.update(stockLevels).set({ quantity: 500, reserved: 0 }).where(and(eq(stockLevels.storeId, bordeaux.id), eq(stockLevels.variantId, skyr.id)));
    const order = await paidTestOrder(shopper, {
      fulfilment,
      items: [
        { slug: "gala-apples", quantity: 1000, substitution: "refuse" },
        { slug: "free-range-eggs", quantity: 2 },
        { slug: "greek-style-natural-yoghurt", quantity: 3, substitution: "allow" },
        { slug: "pineapple", quantity: 2 },
      ],
    });
    const [slot] = await db.select({ startsAt: slots.startsAt }).from(slots).where(eq(slots.id, order.slotId));

    // The queue of the order's day, as the agent opens it.
    await signInAs(page, agent.email, `/admin/stores/bordeaux-chartrons/orders?day=${isoDay(slot.startsAt, SHOP_TIME_ZONE)}`);
    const row = page.getByTestId("queue-row").filter({ hasText: order.number });
    await expect(row).toContainText("Confirmed");
    await expectAccessible(page);
    await row.getByRole("link", { name: order.number }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Start picking" }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Picking ${order.number}` })).toBeVisible();
    await expect(page.getByTestId("pick-progress")).toHaveText("0 of 4 items done");
    await expectAccessible(page);

    // A scanner types the pineapple's EAN and presses Enter: picked in full.
    const scan = page.getByLabel("Scan or type a barcode");
    await scan.fill(await eanOf("pineapple"));
    await scan.press("Enter");
    await expect(page.getByTestId("scan-status")).toHaveText("Pineapple: 2 picked.");
    await expect(pickLine(page, "Pineapple")).toHaveAttribute("data-pick-status", "picked");

    // The apples are weighed: scanning moves to their weight field; 1,150 g, 15 % over, by keyboard.
    await scan.fill(await eanOf("gala-apples"));
    await scan.press("Enter");
    const weight = pickLine(page, "Gala Apples").getByLabel("Weight in grams");
    await expect(weight).toBeFocused();
    await page.keyboard.type("1150");
    await page.keyboard.press("Enter");
    await expect(pickLine(page, "Gala Apples").getByTestId("line-outcome")).toContainText("Picked 1.15 kg");

    // From here on the keyboard alone: focus moves with Tab in the page, Enter activates.
    await pressOn(pickLine(page, "Free-Range Eggs").getByRole("button", { name: "None left" }));
    await expect(pickLine(page, "Free-Range Eggs").getByTestId("line-outcome")).toContainText("Out of stock, not charged");

    const yoghurt = pickLine(page, "Greek-Style Natural Yoghurt");
    await pressOn(yoghurt.getByText("Substitute", { exact: true }));
    await page.keyboard.press("Tab");
    await expect(yoghurt.getByLabel("Search the store for a substitute")).toBeFocused();
    await page.keyboard.type("skyr");
    await page.keyboard.press("Enter");
    await pressOn(pickLine(page, "Greek-Style Natural Yoghurt").getByRole("button", { name: "Use Natural Skyr" }));
    await expect(pickLine(page, "Greek-Style Natural Yoghurt").getByTestId("line-outcome")).toContainText("Replaced by Natural Skyr");

    await expect(page.getByTestId("pick-progress")).toHaveText("4 of 4 items done");
    // A reload (or a second tablet) shows the same state: it lives in the database.
    await page.reload();
    await expect(page.getByTestId("pick-progress")).toHaveText("4 of 4 items done");
    await pressOn(page.getByRole("button", { name: /^Finish and charge €\d+\.\d\d$/ }));
    await expect(page.getByRole("heading", { level: 1, name: `Order ${order.number}` })).toBeVisible();

    // The order worker captures; the page follows by itself.
    const ready = fulfilment === "delivery" ? "Out for delivery" : "Ready for collection";
    await expect(page.getByTestId("order-status").first()).toHaveText(ready);
    const picked = await orderRow(order.id);
    const charged = Math.min(picked.finalTotalCents!, picked.authorizedCents);
    expect(picked.capturedCents).toBe(charged);
    const intent = await e2eStripe().paymentIntents.retrieve(picked.paymentIntentId!);
    expect(intent.amount_received).toBe(charged);
    expect(intent.amount_received).toBeLessThanOrEqual(intent.amount);
    await expect(page.getByTestId("payment-amounts")).toContainText(formatCents(charged));

    const mail = await waitForMail(picked.contactEmail, new RegExp(`order ${order.number} is picked`));
    expect(mail.text).toContain("Free-Range Eggs (6 eggs): not available, not charged");
    expect(mail.text).toContain("replaced by Natural Skyr (450 g)");
    expect(mail.text).toContain("1.15 kg instead of 1 kg (heavier)");
    expect(mail.text).toContain(`Charged to your card: ${formatCents(charged)}.`);

    await page.getByRole("button", { name: fulfilment === "delivery" ? "Delivered to the customer" : "Collected by the customer" }).click();
    await expect(page.getByTestId("order-status").first()).toHaveText("Completed");
  });
}

test("a second agent on an order another has started picking is told who has it (issue 7)", async ({ page: a, browser, baseURL }) => {
  const first = await staffAccount("agent", ["bordeaux-chartrons"], "First Picker");
  const second = await staffAccount("agent", ["bordeaux-chartrons"], "Second Picker");
  const order = await paidTestOrder(await otherShopper(), { items: [{ slug: "pineapple", quantity: 1 }] });
  // The second agent: another browser, another session.
  const secondContext = await browser.newContext({ baseURL, viewport: a.viewportSize() });
  const b = readyPage(await secondContext.newPage());
  await signInAs(a, first.email, `/admin/orders/${order.id}`);
  await signInAs(b, second.email, `/admin/orders/${order.id}`);
  await a.getByRole("button", { name: "Start picking" }).click();
  await expect(a.getByRole("heading", { level: 1, name: `Picking ${order.number}` })).toBeVisible();
  // The second agent's page follows the order: it now says who picks it, without a reload.
  await expect(b.getByText("picked by First Picker")).toBeVisible();
  await b.getByRole("link", { name: "See the picking list" }).click();
  await expect(b.getByRole("alert").filter({ hasText: "First Picker is picking this order." })).toBeVisible();
  await expect(b.getByLabel("Scan or type a barcode")).toHaveCount(0);
  await secondContext.close();
});

test("the queue shows a new order and a status change without a reload (issue 7)", async ({ page }) => {
  const agent = await staffAccount("agent", ["bordeaux-chartrons"], "Queue Watcher");
  const first = await paidTestOrder(await otherShopper(), { items: [{ slug: "pineapple", quantity: 1 }] });
  const db = e2eDb();
  const [slot] = await db.select({ startsAt: slots.startsAt }).from(slots).where(eq(slots.id, first.slotId));
  const day = isoDay(slot.startsAt, SHOP_TIME_ZONE);
  await signInAs(page, agent.email, `/admin/stores/bordeaux-chartrons/orders?day=${day}`);
  await expect(page.getByTestId("queue-row").filter({ hasText: first.number })).toContainText("Confirmed");
  // Anything the page keeps in memory is lost on a reload: this marks the page we started with.
  await page.evaluate(() => Object.assign(window, { queueMarker: true }));

  // Another agent starts picking it, and a shopper pays for a new order in a slot of the same day.
  const other = await staffAccount("agent", ["bordeaux-chartrons"], "Other Agent");
  const storeIds = [(await storeBySlug(db, "bordeaux-chartrons")).id];
  await db.transaction((tx) => claimOrder(tx, first.id, { ...other, role: "agent", storeIds }));
  const second = await paidTestOrder(await otherShopper(), { items: [{ slug: "pineapple", quantity: 1 }], fulfilment: "delivery", slotStartsAt: slot.startsAt });

  await expect(page.getByTestId("queue-row").filter({ hasText: first.number })).toContainText("Being picked");
  await expect(page.getByTestId("queue-row").filter({ hasText: first.number })).toContainText("by Other Agent");
  await expect(page.getByTestId("queue-row").filter({ hasText: second.number })).toContainText("Confirmed");
  expect(await page.evaluate(() => (window as unknown as { queueMarker?: boolean }).queueMarker)).toBe(true);
});

test("an agent of another store gets a 404 for an order, its picking list, its live data and its store's queue (issue 7)", async ({ page }) => {
  const lyonAgent = await staffAccount("agent", ["lyon-part-dieu"], "Lyon Agent");
  const order = await paidTestOrder(await otherShopper(), { items: [{ slug: "pineapple", quantity: 1 }] });
  await signInAs(page, lyonAgent.email, "/admin");
  for (const path of [`/admin/orders/${order.id}`, `/admin/orders/${order.id}/pick`, "/admin/stores/bordeaux-chartrons/orders"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
  }
  expect((await page.request.get(`/api/admin/orders/${order.id}/version`)).status()).toBe(404);
  expect((await page.request.get("/api/admin/stores/bordeaux-chartrons/queue-version?day=2026-12-02")).status()).toBe(404);
  // Their own store's queue answers.
  expect((await page.goto("/admin/stores/lyon-part-dieu/orders"))?.status()).toBe(200);
});
