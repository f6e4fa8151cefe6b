// What people must not see: another shopper's order (page and API answer 404, like an order that
// does not exist), and the back office for anyone but staff (403 for shoppers, sign-in for visitors).
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, test } from "./fixtures";
import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { contentPages, products, promotions, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { PASSWORD } from "./helpers";
import { closeDb, e2eDb, otherShopper, placeTestOrder, signUpShopper } from "./order-fixtures";

const DEMO_PASSWORD = "halles-demo-2026";
const SAMPLE_ID = "00000000-0000-4000-8000-000000000000";

test.afterAll(() => closeDb());

/** Every back-office page, from app/(backoffice)/admin/**\/page.tsx: route groups dropped, [params] filled in. */
/** Every back-office page; a dynamic segment gets SAMPLE_ID, or `samples["catalog/products/[id]"]` when given. */
function backOfficePages(samples: Record<string, string> = {}): string[] {
  const root = join(process.cwd(), "app", "(backoffice)", "admin");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => /(^|[/\\])page\.(tsx|ts|jsx|js)$/.test(f));
  return files
    .map((file) => {
      const segments = relative(root, join(root, file)).split(sep).slice(0, -1).filter((s) => !/^\(.*\)$/.test(s));
      const path = segments.map((s, i) => (/^\[.*\]$/.test(s) ? (samples[segments.slice(0, i + 1).join("/")] ?? SAMPLE_ID) : s));
      return ["/admin", ...path].join("/");
    })
    .sort();
}

async function signIn(page: Page, email: string, password: string, next = "/account") {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

test("a shopper gets 404 for another shopper's order, on the page and in the API", async ({ page }) => {
  const theirs = await placeTestOrder(await otherShopper(), { items: [{ slug: "hass-avocados", quantity: 1 }] });
  const { userId } = await signUpShopper(page, "snoop");
  const mine = await placeTestOrder(userId, { items: [{ slug: "hass-avocados", quantity: 1 }] });

  const own = await page.goto(`/account/orders/${mine.id}`);
  expect(own?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1, name: `Order ${mine.number}` })).toBeVisible();

  for (const id of [theirs.id, SAMPLE_ID]) {
    const response = await page.goto(`/account/orders/${id}`);
    expect(response?.status(), id).toBe(404);
    await expect(page.getByRole("heading", { name: "We couldn’t find that page" })).toBeVisible();
    await expect(page.getByText(theirs.number)).toHaveCount(0);
  }
  expect((await page.goto("/account/orders/not-an-order"))?.status()).toBe(404);

  const api = await page.request.get(`/api/v1/orders/${theirs.id}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: { code: "not_found", message: "No such order." } });
  expect((await page.request.get(`/api/v1/orders/${mine.id}`)).status()).toBe(200);
  const list = (await (await page.request.get("/api/v1/orders")).json()) as { data: { id: string }[] };
  expect(list.data.map((o) => o.id)).toEqual([mine.id]);
});

test("visitors are sent to sign in for an order page and get 401 from the API", async ({ page }) => {
  const theirs = await placeTestOrder(await otherShopper(), { items: [{ slug: "hass-avocados", quantity: 1 }] });
  const response = await page.request.get(`/account/orders/${theirs.id}`, { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(new RegExp(`/sign-in\\?next=%2Faccount%2Forders%2F${theirs.id}$`));
  expect((await page.request.get(`/api/v1/orders/${theirs.id}`)).status()).toBe(401);
});

test("finds every back-office page", () => {
  // Update when pages are added: each is then checked by the tests below.
  expect(backOfficePages()).toEqual(
    expect.arrayContaining(["/admin", "/admin/audit", "/admin/operations", "/admin/staff", `/admin/staff/${SAMPLE_ID}`, "/admin/staff/new", `/admin/stores/${SAMPLE_ID}/stock`]),
  );
});

test("a customer gets 403 on every back-office page, and cannot post to one", async ({ page }) => {
  await signIn(page, "customer@halles.test", DEMO_PASSWORD);
  for (const path of [...backOfficePages(), "/admin/no-such-page"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { level: 1, name: "Staff only" })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    const post = await page.request.post(path, { form: { anything: "1" }, maxRedirects: 0 });
    expect(post.status(), `POST ${path}`).toBe(403);
  }
});

test("visitors are sent to sign in from every back-office page", async ({ page }) => {
  for (const path of backOfficePages()) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(307);
    expect(response.headers().location, path).toMatch(new RegExp(`/sign-in\\?next=${encodeURIComponent(path)}$`));
  }
});

test("staff get every back-office page", async ({ page }) => {
  // Pages of one content page, product or promotion need one that exists (an unknown id is a 404).
  const [home] = await e2eDb().select({ id: contentPages.id }).from(contentPages).where(eq(contentPages.slug, "home"));
  const [product] = await e2eDb().select({ id: products.id }).from(products).limit(1);
  const [promotion] = await e2eDb()
    .insert(promotions)
    .values({ kind: "code", name: "Sweep test", code: `SWEEP${Date.now()}`, discountType: "percent", percentBp: 500 })
    .returning({ id: promotions.id });
  const samples = { "content/[id]": String(home.id), "catalog/products/[id]": String(product.id), "promotions/[id]": String(promotion.id) };
  await signIn(page, "marketing@halles.test", DEMO_PASSWORD);
  for (const path of backOfficePages(samples)) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expect(page.getByTestId("staff-identity")).toContainText("Marketing");
  }
});

test("sessions (issue 6 item 7): signing out ends a staff session everywhere, a stolen copy of its cookie included", async ({ browser }) => {
  const email = `agent-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  await e2eDb().insert(users).values({ email, name: "Sam Session", role: "agent", passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date() });
  const desk = await browser.newContext();
  const page = await desk.newPage();
  await signIn(page, email, PASSWORD, "/admin");
  await expect(page.getByTestId("staff-identity")).toContainText("Sam Session");
  const stolen = await desk.storageState();
  // The thief's copy works while the session lives.
  const thief = await browser.newContext({ storageState: stolen });
  const thiefPage = await thief.newPage();
  expect((await thiefPage.goto("/admin"))?.status()).toBe(200);

  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  const again = await thiefPage.request.get("/admin", { maxRedirects: 0 });
  expect(again.status()).toBe(307);
  expect(again.headers().location).toMatch(/\/sign-in\?next=%2Fadmin$/);
  await desk.close();
  await thief.close();
});
