// The back office's staff accounts, audit log and stock (issue 7), in a real browser: an admin
// creates an agent, who chooses a password from the e-mailed link and sees only their store; the
// admin deactivates them and their next page load is refused; the audit log lists it all. An agent
// corrects stock with a reason and the cached storefront shows it at the next reloads. axe checks
// each page.
import type { Page } from "@playwright/test";
import { expect, expectAccessible, test } from "./fixtures";
import { createOwnProduct, expectOnReload } from "./catalog-fixtures";
import { linkIn, uniqueEmail, waitForMail } from "./helpers";
import { closeDb } from "./order-fixtures";

const DEMO_PASSWORD = "halles-demo-2026";

test.afterAll(() => closeDb());

async function signIn(page: Page, email: string, password: string, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

test("staff accounts (issue 7): an admin creates an agent, who sets a password and sees only their store; deactivated, their next page load is refused; the audit log lists it", async ({ browser, page }) => {
  test.slow();
  await signIn(page, "admin@halles.test", DEMO_PASSWORD, "/admin/staff");
  await expect(page.getByRole("heading", { level: 1, name: "Staff accounts" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "New staff account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New staff account" })).toBeVisible();
  // An agent needs a store: the form says so and keeps what was typed.
  const email = uniqueEmail("agent");
  // Pages visited before stay in the document, hidden (Next.js keeps them for going back): find by role, which skips them.
  await page.getByRole("textbox", { name: "Name" }).fill("Bea Bordeaux");
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByRole("combobox", { name: "Role" }).selectOption("agent");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Choose at least one store for an agent.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "E-mail" })).toHaveValue(email);
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: "Halles Bordeaux Chartrons" }).check();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/admin\/staff\/[0-9a-f-]{36}\?created=1$/);
  const memberUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "Bea Bordeaux" })).toBeVisible();
  await expect(page.getByTestId("form-message")).toContainText(`we have e-mailed ${email.toLowerCase()}`);
  await expectAccessible(page);

  // The agent chooses a password from the link and lands in the back office, with their one store.
  const desk = await browser.newContext();
  const agent = await desk.newPage();
  const mail = await waitForMail(email.toLowerCase(), /^Your Halles back-office account/);
  await agent.goto(linkIn(mail, "/sign-in/reset"));
  await agent.getByLabel("New password").fill("picking all day 2026");
  await agent.getByLabel("Confirm password").fill("picking all day 2026");
  await agent.getByRole("button", { name: "Save and sign in" }).click();
  await expect(agent).toHaveURL(/\/admin$/);
  await expect(agent.getByTestId("staff-identity")).toContainText("Bea Bordeaux");
  await expect(agent.getByTestId("store-card")).toHaveCount(1);
  await expect(agent.getByTestId("store-card")).toContainText("Halles Bordeaux Chartrons");
  expect((await agent.goto("/admin/stores/lyon-part-dieu/stock"))?.status()).toBe(404);
  expect((await agent.goto("/admin/stores/bordeaux-chartrons/stock"))?.status()).toBe(200);

  // Deactivated: the agent's next page load is refused (sent to sign in), and signing in fails.
  await page.goto(memberUrl);
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByTestId("form-message")).toContainText("Deactivated");
  await expect(page.getByTestId("member-status")).toContainText("Deactivated on");
  const refused = await agent.request.get("/admin", { maxRedirects: 0 });
  expect(refused.status()).toBe(307);
  expect(refused.headers().location).toMatch(/\/sign-in\?next=%2Fadmin$/);
  await desk.close();

  // The audit log lists both actions, newest first, and filters by staff member.
  await page.goto("/admin/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit log" })).toBeVisible();
  const rows = page.getByTestId("audit-row").filter({ hasText: "Bea Bordeaux" });
  await expect(rows.first()).toContainText("Deactivated a staff account");
  await expect(rows.nth(1)).toContainText("Created a staff account");
  await page.getByRole("combobox", { name: "Staff member" }).selectOption({ label: "Antoine Dubois (admin@halles.test)" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/staff=/);
  await expect(page.getByTestId("audit-row").filter({ hasText: "Bea Bordeaux" }).first()).toContainText("Deactivated a staff account");
  await expectAccessible(page);
});

test("stock (issue 7): an agent's correction with a reason shows on the cached storefront page at the next reloads", async ({ browser, page }) => {
  test.slow();
  const product = await createOwnProduct("recount", { "lyon-part-dieu": 0 });
  const visitor = await (await browser.newContext()).newPage();
  await expect
    .poll(
      async () => {
        await visitor.goto(`/p/${product.slug}`);
        return visitor.getByTestId("stock-status").first().innerText();
      },
      { timeout: 20_000 },
    )
    .toMatch(/^Out of stock/);

  await signIn(page, "agent@halles.test", DEMO_PASSWORD, "/admin");
  await page.getByRole("link", { name: "Stock at Halles Lyon Part-Dieu" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Stock at Halles Lyon Part-Dieu" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("searchbox", { name: "Product, SKU or EAN" }).fill(product.slug);
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.locator(`[data-testid="stock-row"][data-sku="${product.slug}"]`);
  await expect(row.getByTestId("stock-quantity")).toHaveText("0");
  await row.locator("summary").click();
  const form = row.getByRole("form", { name: `Correct the stock of ${product.name}` });
  await form.getByRole("textbox", { name: "Counted items" }).fill("7");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByText("Choose a reason.")).toBeVisible();
  await expect(form.getByRole("textbox", { name: "Counted items" })).toHaveValue("7");
  await form.getByRole("combobox", { name: "Reason" }).selectOption("delivery");
  await form.getByRole("textbox", { name: "Note" }).fill("morning truck");
  await form.getByRole("button", { name: "Save" }).click();
  await expect(form.getByTestId("form-message")).toHaveText("Stock set to 7 (was 0).");
  // The visitor reloading the cached product page sees it.
  await expectOnReload(visitor, `/p/${product.slug}`, () => expect(visitor.getByTestId("stock-status").first()).toHaveText(/^In stock/, { timeout: 500 }));
  await expect(row.getByTestId("stock-quantity")).toHaveText("7");
  await expect(row.getByTestId("recent-corrections")).toContainText("Alex Girard: 0 → 7 · Delivery received — morning truck");
  await expectAccessible(page);
  // Another store's stock does not exist for this agent.
  expect((await page.goto("/admin/stores/bordeaux-chartrons/stock"))?.status()).toBe(404);
});
