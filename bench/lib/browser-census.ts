// What one shopper's page views send to the servers: a phone (Playwright's Pixel 7, Debian's
// Chromium) browses the storefront as a guest through the gateway, and every request to the site
// is sorted by kind. The capacity bench replays the requests kept here with autocannon. Build
// assets and pictures are counted from the gateway's access log: the browser's own cache answers
// many of the ones it asks for.
import { readFileSync, statSync } from "node:fs";
import { chromium, devices, type Page, type Request } from "@playwright/test";

export type RequestKind = "document" | "navigation" | "prefetch" | "action" | "basket summary" | "other API" | "build asset" | "picture" | "other";
export const REQUEST_KINDS: RequestKind[] = ["document", "navigation", "prefetch", "action", "basket summary", "other API", "build asset", "picture", "other"];

/** A request as the browser sent it, to be sent again (without its cookies). */
export type RecordedRequest = { kind: RequestKind; method: string; path: string; headers: Record<string, string>; body?: Buffer };

export type CensusStep = { name: string; counts: Record<RequestKind, number> };

export type Census = { steps: CensusStep[]; requests: RecordedRequest[] };

function kindOf(request: Request, headers: Record<string, string>): RequestKind {
  const path = new URL(request.url()).pathname;
  if (request.resourceType() === "document") return "document";
  if (headers["next-action"]) return "action";
  if (headers["next-router-prefetch"] || headers["next-router-segment-prefetch"]) return "prefetch";
  if (headers["rsc"]) return "navigation";
  if (path === "/api/storefront/basket") return "basket summary";
  if (path.startsWith("/api/")) return "other API";
  if (path.startsWith("/_next/static/")) return "build asset";
  if (request.resourceType() === "image") return "picture";
  return "other";
}

/** Resolves once no request to the site has been in flight for `quietMs`. */
async function settle(page: Page, inFlight: () => number, quietMs = 750): Promise<void> {
  let quietSince = Date.now();
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
}

const inStock = (page: Page) => page.getByTestId("product-card").filter({ hasNotText: "Out of stock" });
/** The product page's first "Add to basket" button ("Add: …" in a list of sizes). */
const addButton = (page: Page) => page.getByRole("button", { name: /^Add( to basket)?: / }).first();

const HEADERS_NOT_REPLAYED = new Set(["cookie", "host", "content-length", "connection"]);

/**
 * The walk: land on the home page, open a category from the menu, open its first product, add it
 * to the basket, search from the search box, open a result. Counts per step and kind; every request
 * kept for replay.
 */
export async function browserCensus(baseUrl: string, accessLog: string, executablePath = "/usr/bin/chromium"): Promise<Census> {
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const origin = new URL(baseUrl).origin;
  const steps: CensusStep[] = [];
  const requests: RecordedRequest[] = [];
  try {
    const context = await browser.newContext({ ...devices["Pixel 7"], baseURL: baseUrl });
    const page = await context.newPage();
    let current: CensusStep | null = null;
    let inFlight = 0;
    const recording: Promise<void>[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(origin)) return;
      inFlight++;
      // The headers the page set (Next.js's router headers among them) decide the kind at once.
      const kind = kindOf(request, request.headers());
      if (current) current.counts[kind]++;
      // Kept with what the network stack adds (Accept-Encoding…), but not the cookies.
      recording.push(
        request.allHeaders().catch(() => request.headers()).then((all) => {
          const headers = Object.fromEntries(Object.entries(all).filter(([name]) => !name.startsWith(":") && !HEADERS_NOT_REPLAYED.has(name)));
          const url = new URL(request.url());
          requests.push({ kind, method: request.method(), path: url.pathname + url.search, headers, body: request.postDataBuffer() ?? undefined });
        }),
      );
    });
    const done = () => inFlight--;
    page.on("requestfinished", (request) => request.url().startsWith(origin) && done());
    page.on("requestfailed", (request) => request.url().startsWith(origin) && done());
    const step = async (name: string, act: () => Promise<unknown>) => {
      current = { name, counts: Object.fromEntries(REQUEST_KINDS.map((k) => [k, 0])) as Record<RequestKind, number> };
      const logStart = statSync(accessLog).size;
      await act();
      await settle(page, () => inFlight);
      // nginx writes its access log at least once a second.
      await page.waitForTimeout(1_500);
      const served = readFileSync(accessLog).subarray(logStart).toString("utf8");
      current.counts["build asset"] = served.match(/"GET \/_next\/static\//g)?.length ?? 0;
      current.counts.picture = served.match(/"GET \/(images|media)\//g)?.length ?? 0;
      steps.push(current);
      current = null;
    };

    await step("land on the home page", () => page.goto("/"));
    await step("open a category from the menu", async () => {
      await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Pantry" }).click();
      await page.getByRole("heading", { level: 1, name: "Pantry" }).waitFor();
    });
    await step("open its first product in stock", async () => {
      await inStock(page).first().getByRole("link").first().click();
      await addButton(page).waitFor();
    });
    await step("add it to the basket", async () => {
      await addButton(page).click();
      await page.getByText("Added to your basket.").waitFor();
    });
    await step("search from the search box", async () => {
      await page.getByRole("searchbox", { name: "Search products" }).first().fill("pasta");
      await page.getByRole("searchbox", { name: "Search products" }).first().press("Enter");
      await page.waitForURL(/\/search\?q=pasta/);
      await page.getByTestId("product-card").first().waitFor();
    });
    await step("open a result", async () => {
      await inStock(page).nth(1).getByRole("link").first().click();
      await addButton(page).waitFor();
    });
    await Promise.all(recording);
  } finally {
    await browser.close();
  }
  return { steps, requests };
}
