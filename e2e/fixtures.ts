// The end-to-end tests' `test`: pages that wait, after each navigation, until the app can act
// (React hydrated), so that no click lands before its handler exists however busy the machine
// is; the accessibility check every page gets (axe's WCAG 2.0, 2.1 and 2.2 A/AA rules); and the
// server's turn for the tests that start stacks of their own.
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page } from "@playwright/test";
import { takeStackTurn } from "../scripts/lib/postgres";

export { expect };

const appOrigin = () => new URL(process.env.BASE_URL ?? "http://127.0.0.1:3100").origin;

/** Waits until the app's page has hydrated; other sites and non-HTML answers are ready as they are. */
export async function waitUntilReady(page: Page): Promise<void> {
  if (new URL(page.url()).origin !== appOrigin()) return;
  const isHtml = await page.evaluate(() => document.contentType === "text/html").catch(() => false);
  if (isHtml) await page.locator("html[data-hydrated]").waitFor({ state: "attached", timeout: 30_000 });
}

/** A page whose goto resolves once the app can act (with JavaScript on). */
export function readyPage(page: Page, javaScriptEnabled = true): Page {
  if (!javaScriptEnabled) return page;
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await waitUntilReady(page);
    return response;
  };
  return page;
}

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, provide) => {
    await provide(readyPage(page, javaScriptEnabled));
  },
});

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus the label-in-name rule (2.5.3) axe ships as experimental. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/** No serious or critical WCAG violation on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  // Next.js streams a dynamic page's <title> after the body: wait for it as a shopper's tab shows it.
  await expect(page).toHaveTitle(/\S/);
  const { violations } = await new AxeBuilder({ page })
    .withTags(WCAG_TAGS)
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${page.url()} ${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/**
 * The server's turn for a test that starts a stack of its own (takeStackTurn), within a timeout of
 * `budgetMs` once it holds the turn: the wait for it (up to 10 minutes) does not count.
 */
export async function takeStackTurnFor(budgetMs: number): Promise<{ release: () => Promise<void> }> {
  test.setTimeout(10 * 60_000 + budgetMs);
  const turn = await takeStackTurn(process.env.DATABASE_URL!);
  test.setTimeout(turn.waitedMs + budgetMs);
  return turn;
}
