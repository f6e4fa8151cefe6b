// Several web instances on one database (issue 9): a second `next start` of the same build beside
// the e2e stack's. A marketer's price change on one instance shows on the other's cached pages at
// the next reloads (the cache handler's LISTEN/NOTIFY, lib/cache/shared-cache-handler.mjs), and a
// server action rendered by one instance is accepted by the other (one build id, one key, one
// AUTH_SECRET).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import { NEXT_BIN, startService, waitForUrl, WEB_PRELOAD, type Service } from "@/scripts/lib/processes";
import { signInAs, staffAccount } from "./backoffice-fixtures";
import { cacheFirstPrice, cardPrice, expectPriceOnReload, ownCategoryProduct, productPrice } from "./catalog-fixtures";
import { expect, test } from "./fixtures";
import { closeDb } from "./order-fixtures";
import { linesSince, markLog, serviceLogPath } from "./service-log";

const instanceA = new URL(process.env.BASE_URL ?? "http://127.0.0.1:3100").origin;
// Beside the stack's seven ports (scripts/lib/config.ts).
const portB = Number(new URL(instanceA).port) + 10;
const instanceB = `http://127.0.0.1:${portB}`;
let webB: Service | undefined;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(90_000);
  // The stack's environment (database, AUTH_SECRET, the server actions' key); its own address.
  webB = startService("web-b", process.execPath, [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(portB)], { PUBLIC_URL: instanceB, LOG_LEVEL: "warn", RATE_LIMIT_MULTIPLIER: "20", NEXT_PRIVATE_DEBUG_CACHE: "1" }, { logFile: serviceLogPath("web-b"), echo: false });
  await waitForUrl(`${instanceB}/api/health/ready`, 60_000, webB);
});

test.afterAll(async () => {
  await webB?.stop();
  await closeDb();
});

/** Saves the variant's national price in the back office page open on `page`. */
async function savePrice(page: Page, sku: string, price: string) {
  const form = page.getByRole("form", { name: `Variant ${sku}` });
  await form.getByLabel("National price (€)").fill(price);
  await form.getByRole("button", { name: "Save variant" }).click();
  await expect(page.getByRole("form", { name: `Variant ${sku}` }).getByRole("status")).toHaveText(new RegExp(`now costs €${price.replace(".", "\\.")}`));
}

test("a price change on one instance shows on the other instance's cached pages at the next reloads, both ways", async ({ page, browser }) => {
  test.slow();
  const product = await ownCategoryProduct("instances");
  const onB = await (await browser.newContext({ baseURL: instanceB })).newPage();
  const onA = await (await browser.newContext({ baseURL: instanceA })).newPage();
  const categoryCardPrice = cardPrice(product);
  // Each instance renders and caches the pages with the old price.
  for (const visitor of [onA, onB]) await cacheFirstPrice(visitor, product);
  // B serves them from its cache: its in-memory handler finds the product's entry
  // (NEXT_PRIVATE_DEBUG_CACHE logs each read of Next.js's default handler).
  const mark = markLog("web-b");
  await onB.goto(`/p/${product.slug}`);
  await expect(productPrice(onB)).toHaveText("€1.99");
  const reads = (await linesSince(mark)).join("\n").split("DefaultCacheHandler:");
  expect(reads.some((read) => / found /.test(read) && read.includes(`product:${product.slug}`))).toBe(true);

  const marketer = await staffAccount("marketing");
  await signInAs(page, marketer.email, `/admin/catalog/products/${product.productId}`);
  await savePrice(page, product.sku, "2.79");
  await expectPriceOnReload(onB, `/p/${product.slug}`, productPrice, "€2.79");
  await expectPriceOnReload(onB, `/c/${product.categorySlug}`, categoryCardPrice, "€2.79");

  // The same page's next save is sent to B: the action rendered by A runs there, under the session
  // A signed, and A's cached pages change.
  let answeredByB = 0;
  await page.route(`${instanceA}/admin/**`, async (route) => {
    const request = route.request();
    if (request.method() !== "POST") return route.continue();
    const url = new URL(request.url());
    const headers: Record<string, string> = { ...request.headers(), origin: instanceB };
    delete headers.host;
    const response = await route.fetch({ url: `${instanceB}${url.pathname}${url.search}`, headers, maxRedirects: 0 });
    answeredByB++;
    await route.fulfill({ response });
  });
  await savePrice(page, product.sku, "3.19");
  expect(answeredByB).toBeGreaterThan(0);
  await expectPriceOnReload(onA, `/p/${product.slug}`, productPrice, "€3.19");
  await expectPriceOnReload(onA, `/c/${product.categorySlug}`, categoryCardPrice, "€3.19");
});

test("the build the instances share was made with their server actions' key", () => {
  // Next.js salts every action's id with the key and encrypts what actions close over with it: two
  // builds of one commit with one key agree on both (docs/operations.md "Several instances").
  const manifest = readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8");
  const { encryptionKey } = JSON.parse(manifest) as { encryptionKey?: string };
  expect(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toBeTruthy();
  expect(encryptionKey).toBe(process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY);
});
