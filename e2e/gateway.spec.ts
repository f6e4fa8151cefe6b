// The caching gateway (issue 9): a real nginx, rendered from deploy/nginx/ by the gateway's own
// launcher, in front of the end-to-end web server. What it keeps (storefront pages per store, for
// a few seconds; build assets, compressed), what it never keeps, and that a change still shows
// at the next reloads.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { productVariants, stores } from "@/db/schema";
import { refreshToken } from "@/lib/storefront/refresh-token";
import { startGateway, type Gateway } from "../deploy/nginx/gateway";
import { ownCategoryProduct } from "./catalog-fixtures";
import { expect, test } from "./fixtures";
import { closeDb, e2eDb } from "./order-fixtures";

// One gateway for the file: its tests share it, one after the other.
test.describe.configure({ mode: "serial" });

const app = new URL(process.env.BASE_URL ?? "http://127.0.0.1:3100");
let gateway: Gateway;
let dir: string;

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "halles-gateway-"));
  // Within the e2e run's port range (E2E_PORT + 20); the app is told it is served at PUBLIC_URL.
  gateway = await startGateway({ dir, port: Number(app.port) + 20, upstreams: [app.host], upstreamHost: app.host });
});

test.afterAll(async () => {
  await gateway?.stop();
  rmSync(dir, { recursive: true, force: true });
  await closeDb();
});

type Answer = { status: number; cache: string | null; type: string | null; control: string | null; encoding: string | null; body: string };

async function get(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(gateway.url + pathname, { headers, redirect: "manual" });
  const h = response.headers;
  return { status: response.status, cache: h.get("x-cache-status"), type: h.get("content-type"), control: h.get("cache-control"), encoding: h.get("content-encoding"), body: await response.text() };
}

/** Asks until the gateway answers from its cache (the first ask may be a miss, or another test's). */
async function cached(pathname: string, headers: Record<string, string> = {}): Promise<Answer> {
  let answer: Answer | undefined;
  await expect.poll(async () => (answer = await get(pathname, headers)).cache, { timeout: 10_000 }).toBe("HIT");
  return answer!;
}

const FROM_CACHE = ["HIT", "STALE", "UPDATING"];

test("a storefront page is kept: the second request is a hit, shared by shoppers whatever their other cookies", async () => {
  const product = await ownCategoryProduct("gateway-hit");
  const first = await get(`/p/${product.slug}`);
  expect(first.status).toBe(200);
  expect(first.control).toBe("public, s-maxage=1, stale-while-revalidate=30");
  const hit = await cached(`/p/${product.slug}`);
  expect(hit.body).toContain(product.name);
  const otherCookies = await get(`/p/${product.slug}`, { cookie: "halles_basket=00000000-0000-4000-8000-000000000000; consent=yes" });
  expect(FROM_CACHE).toContain(otherCookies.cache);
  expect(otherCookies.body).toContain(product.name);
});

test("each store has its own cached page, chosen by the halles_store cookie", async () => {
  const [a, b] = await e2eDb().select({ slug: stores.slug, name: stores.name }).from(stores).orderBy(stores.slug).limit(2);
  const short = (name: string) => name.replace(/^Halles /, "");
  const pageA = await cached("/", { cookie: `halles_store=${a.slug}` });
  const pageB = await cached("/", { cookie: `other=1; halles_store=${b.slug}` });
  expect(pageA.body).toContain(short(a.name));
  expect(pageA.body).not.toContain(short(b.name));
  expect(pageB.body).toContain(short(b.name));
  expect(pageB.body).not.toContain(short(a.name));
  // Two store cookies at once: nginx keys on the first, so such a request is never served from the cache.
  expect((await get("/", { cookie: `halles_store=${a.slug}; halles_store=${b.slug}` })).cache).toBe("BYPASS");
});

test("signed-in shoppers, personal pages, the API and form posts bypass the cache, and leave nothing in it", async () => {
  const product = await ownCategoryProduct("gateway-bypass");
  for (const cookie of ["authjs.session-token=x", "__Secure-authjs.session-token.0=x", "a=b; authjs.session-token=x"]) {
    const answer = await get(`/p/${product.slug}`, { cookie });
    expect(answer.cache, cookie).toBe("BYPASS");
    expect(answer.body).toContain(product.name);
  }
  // The signed-in requests stored nothing: the next visitor's request is the first to be kept.
  expect((await get(`/p/${product.slug}`)).cache).toBe("MISS");
  for (const pathname of ["/basket", "/checkout", "/account", "/sign-in", "/api/health", "/api/storefront/basket"]) {
    const twice = [await get(pathname), await get(pathname)];
    expect(twice.map((a) => a.cache), pathname).toEqual(["BYPASS", "BYPASS"]);
  }
  expect((await get("/basket")).control).toContain("private");
  // Posts (server actions go to page URLs) are not even looked up: no cache status at all.
  const post = await fetch(`${gateway.url}/p/${product.slug}`, { method: "POST", headers: { origin: gateway.url }, body: "", redirect: "manual" });
  expect(post.headers.get("x-cache-status")).toBeNull();
  expect((await get("/metrics")).status).toBe(403);
});

test("an RSC request never gets the cached HTML, and never puts its payload where HTML is expected", async () => {
  const product = await ownCategoryProduct("gateway-rsc");
  const url = `/p/${product.slug}`;
  // RSC first: bypassed, and the document that follows is HTML.
  const rsc = await get(`${url}?_rsc`, { rsc: "1" });
  expect(rsc.status).toBe(200);
  expect(rsc.cache).toBe("BYPASS");
  expect(rsc.type).toContain("text/x-component");
  const html = await cached(url);
  expect(html.type).toContain("text/html");
  // Then with the HTML kept: the RSC request still gets RSC, however it is dressed up.
  const dressed: Record<string, string>[] = [{ rsc: "1" }, { rsc: "1", "next-router-prefetch": "1" }, { RSC: "1", "next-router-state-tree": "%5B%22%22%5D" }];
  for (const headers of dressed) {
    const again = await get(`${url}?_rsc`, headers);
    expect(again.cache).toBe("BYPASS");
    expect(again.body).not.toContain("<!DOCTYPE html>");
  }
  expect((await get(url)).type).toContain("text/html");
});

test("build assets are immutable, kept by the gateway and compressed with brotli or gzip", async () => {
  const home = await get("/");
  const script = /\/_next\/static\/[^"]+\.js/.exec(home.body)?.[0];
  expect(script).toBeTruthy();
  const brotli = await get(script!, { "accept-encoding": "gzip, deflate, br" });
  expect(brotli.status).toBe(200);
  expect(brotli.control).toBe("public, max-age=31536000, immutable");
  expect(brotli.encoding).toBe("br");
  const gzip = await get(script!, { "accept-encoding": "gzip" });
  expect(gzip.encoding).toBe("gzip");
  expect(gzip.cache).toBe("HIT");
  expect(gzip.body).toBe(brotli.body);
});

test("a price change shows through the gateway at the next reloads", async ({ page }) => {
  const product = await ownCategoryProduct("gateway-price");
  const productUrl = `${gateway.url}/p/${product.slug}`;
  const price = page.getByTestId("price").first();
  await page.goto(productUrl);
  await expect(price).toHaveText("€1.99");
  await cached(`/p/${product.slug}`);
  // What the back office does on a price change: the write, then the tags expired in the app.
  await e2eDb().update(productVariants).set({ priceCents: 279 }).where(eq(productVariants.id, product.variantId));
  const expired = await fetch(new URL("/api/internal/revalidate", app), {
    method: "POST",
    headers: { authorization: `Bearer ${refreshToken(process.env.AUTH_SECRET ?? "")}`, "content-type": "application/json" },
    body: JSON.stringify({ tags: ["catalog", `product:${product.slug}`] }),
  });
  expect(expired.status).toBe(200);
  // The price is in the HTML: each look needs the document, not the page's scripts and pictures.
  // The gateway keeps a page a second, then serves it stale while it asks again; the app's own
  // entry lives a minute: before that, only the expired tags can show the new price.
  await expect(async () => {
    await page.goto(productUrl, { waitUntil: "domcontentloaded" });
    await expect(price).toHaveText("€2.79", { timeout: 500 });
  }).toPass({ timeout: 20_000, intervals: [250, 500] });
});
