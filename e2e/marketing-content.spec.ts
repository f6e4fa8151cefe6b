// A marketer builds a landing page from blocks (issue 8): hero, rich text typed in the editor and a
// product carousel; previews the draft (a visitor gets a 404 meanwhile), schedules it a minute
// ahead and sees it go live, then restores an older revision. axe checks the editor pages. Two
// marketers saving the same page: the second is refused and keeps their edit.
import type { Page } from "@playwright/test";
import { createContentPage } from "@/db/queries/content";
import { staffAccount, signInAs } from "./backoffice-fixtures";
import { expect, expectAccessible, test } from "./fixtures";
import { closeDb, e2eDb } from "./order-fixtures";

test.afterAll(() => closeDb());

/** A datetime-local value (Paris time) at least 30 s and at most 90 s from now. */
function parisMinuteAhead(): string {
  const at = new Date(Date.now() + 90_000);
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}`;
}

const block = (page: Page, n: number) => page.getByRole("group", { name: new RegExp(`^Block ${n}:`) });

async function addBlock(page: Page, type: string) {
  await page.getByLabel("New block").selectOption({ label: type });
  await page.getByRole("button", { name: "Add block" }).click();
}

test("builds a landing page from three blocks, previews it, schedules it a minute ahead, and restores an older revision", async ({ page, request }) => {
  test.slow();
  const marketer = await staffAccount("marketing", [], "Mona Marketing");
  const slug = `summer-${Date.now().toString(36)}`;
  await signInAs(page, marketer.email, "/admin/content");
  await expect(page.getByRole("heading", { level: 1, name: "Content pages" })).toBeVisible();
  await expectAccessible(page);

  const create = page.getByRole("form", { name: "New landing page" });
  await create.getByLabel("Title", { exact: true }).fill("Summer market");
  await create.getByLabel("Address").fill(slug);
  await create.getByRole("button", { name: "Create page" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Summer market" })).toBeVisible();

  await addBlock(page, "Hero");
  await block(page, 1).getByLabel("Title", { exact: true }).fill("Summer at the market");
  await block(page, 1).getByLabel("Text (optional)", { exact: true }).fill("Peaches, apricots and melons from the Rhône valley.");
  await addBlock(page, "Rich text");
  const editor = block(page, 2).getByRole("textbox", { name: "Text", exact: true });
  await editor.click();
  await editor.pressSequentially("Stone fruit is back. ");
  await block(page, 2).getByRole("button", { name: "Bold" }).click();
  await editor.pressSequentially("Picked ripe");
  await addBlock(page, "Product carousel");
  await block(page, 3).getByLabel("Title", { exact: true }).fill("Summer fruit");
  await block(page, 3).getByLabel("Products", { exact: true }).selectOption("category");
  await block(page, 3).getByLabel("Category").selectOption({ label: "Fruit" });
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Saved as version 2/)).toBeVisible();
  await expectAccessible(page);

  // The preview is the draft as the storefront renders it, for this marketer only.
  await page.getByRole("link", { name: "Preview the saved draft" }).click();
  await expect(page).toHaveURL(new RegExp(`/l/${slug}$`));
  await expect(page.getByTestId("preview-banner")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Summer at the market" })).toBeVisible();
  await expect(page.locator("strong", { hasText: "Picked ripe" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Summer fruit" }).getByTestId("product-card").first()).toBeVisible();
  expect((await request.get(`/l/${slug}`)).status(), "a visitor, before publication").toBe(404);
  await page.getByRole("link", { name: "Leave preview" }).click();
  await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();

  // Scheduled a minute ahead, it goes live for visitors without anyone publishing it.
  await page.goto("/admin/content");
  await page.getByRole("row").filter({ hasText: `/l/${slug}` }).getByRole("link").click();
  await page.getByLabel("Publish on").fill(parisMinuteAhead());
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText(/Scheduled: the saved draft will be published on/)).toBeVisible();
  await expect(page.getByTestId("page-status").filter({ visible: true })).toHaveText("Scheduled");
  await expect
    .poll(async () => (await request.get(`/l/${slug}`)).status(), { timeout: 150_000, intervals: [2_000] })
    .toBe(200);
  expect(await (await request.get(`/l/${slug}`)).text()).toContain("Summer at the market");

  // A later edit, then the older revision restored into the draft.
  await page.reload();
  await expect(page.getByTestId("page-status").filter({ visible: true })).toHaveText("Published");
  await block(page, 1).getByLabel("Title", { exact: true }).fill("A title we regret");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Saved as version 4/)).toBeVisible();
  await expect(block(page, 1).getByLabel("Title", { exact: true })).toHaveValue("A title we regret");
  await page.getByRole("form", { name: "Restore version 2" }).getByRole("button").click();
  await expect(page.getByText(/Restored from version 2: the draft is now version 5/)).toBeVisible();
  await expect(block(page, 1).getByLabel("Title", { exact: true })).toHaveValue("Summer at the market");
  await expect(page.getByTestId("revision").filter({ visible: true }).first()).toContainText("Version 5: restored from version 2");
  await expectAccessible(page);
});

test("two marketers edit the same page: the second save is refused with who saved first, and keeps what they typed", async ({ page, browser }) => {
  const [alice, bruno] = await Promise.all([staffAccount("marketing", [], "Alice Marketing"), staffAccount("marketing", [], "Bruno Marketing")]);
  const created = await e2eDb().transaction((tx) => createContentPage(tx, { kind: "landing", slug: `conflict-${Date.now().toString(36)}`, title: "Opened by both", staffId: alice.id }));
  if (!created.ok) throw new Error(created.code);
  const path = `/admin/content/${created.page.id}`;
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const brunoPage = await other.newPage();
  await signInAs(page, alice.email, path);
  await signInAs(brunoPage, bruno.email, path);

  await page.getByLabel("Title", { exact: true }).fill("Alice's title");
  await brunoPage.getByLabel("Title", { exact: true }).fill("Bruno's title");
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText(/Saved as version 2/)).toBeVisible();
  await brunoPage.getByRole("button", { name: "Save draft" }).click();
  await expect(brunoPage.getByTestId("form-message")).toContainText("Alice Marketing saved this page");
  await expect(brunoPage.getByLabel("Title", { exact: true })).toHaveValue("Bruno's title");
  // Saving again on purpose replaces Alice's version; hers stays in the history.
  await brunoPage.getByRole("button", { name: "Save draft" }).click();
  await expect(brunoPage.getByText(/Saved as version 3/)).toBeVisible();
  await expect(brunoPage.getByTestId("revision").filter({ visible: true })).toHaveText([/Version 3: saved.*Bruno Marketing/, /Version 2: saved.*Alice Marketing/, /Version 1: created/]);
  await other.close();
});
