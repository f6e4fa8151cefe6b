// The order page's payment pieces, rendered as the server sends them and checked with axe in
// Chromium (issue 7): labelled fields, named buttons and a well-formed table, no serious or
// critical violation; and what each shows for the amounts it is given.
import { createRequire } from "node:module";
import { chromium, type Browser } from "@playwright/test";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Refund } from "@/db/schema";
import { AgentCancelForm } from "./agent-cancel-form";
import { PaymentSummary } from "./payment-summary";
import { RefundForm } from "./refund-form";

vi.mock("@/lib/backoffice/payment-actions", () => ({ cancelOrderAsAgent: async () => ({}), requestRefund: async () => ({}) }));

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const orderId = "6f1c2b1e-0000-4000-8000-000000000001";
let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
});
afterAll(() => browser.close());

/** axe's serious and critical violations of the rendered element, as "rule: target" strings. */
async function axeViolations(element: ReactElement): Promise<string[]> {
  const page = await browser.newPage();
  try {
    await page.setContent(`<!doctype html><html lang="en"><head><title>Order</title></head><body><main>${renderToStaticMarkup(element)}</main></body></html>`);
    // Disclosures open, so the fields behind a confirmation step are checked too.
    await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
    });
    return violations;
  } finally {
    await page.close();
  }
}

const refund = (overrides: Partial<Refund>): Refund => ({
  id: "r1",
  orderId,
  amountCents: 250,
  reason: "broken eggs",
  lines: [],
  status: "succeeded",
  stripeRefundId: "re_1",
  failureReason: null,
  requestedBy: "agent:x",
  createdAt: new Date("2026-11-28T10:00:00Z"),
  completedAt: null,
  ...overrides,
});

describe("payment pieces of the order page (issue 7)", () => {
  it("PaymentSummary shows authorised, captured, released and refunded amounts and the refunds, axe-clean", async () => {
    const summary = createElement(PaymentSummary, {
      order: { authorizedCents: 5_000, finalTotalCents: 4_210, capturedCents: 4_210, refundedCents: 250, authorizationFlaggedAt: null, status: "ready_for_collection" },
      refunds: [refund({}), refund({ id: "r2", status: "failed", failureReason: "Charge already refunded", amountCents: 100 })],
    });
    const html = renderToStaticMarkup(summary);
    for (const text of ["Authorised", "€50.00", "Captured", "€42.10", "Released", "€7.90", "Refunded", "€2.50", "Failed", "Charge already refunded"]) expect(html).toContain(text);
    expect(await axeViolations(summary)).toEqual([]);
  });

  it("PaymentSummary warns about an authorisation close to expiry until it is captured", () => {
    const flagged = { authorizedCents: 5_000, finalTotalCents: null, capturedCents: null, refundedCents: 0, authorizationFlaggedAt: new Date(), status: "confirmed" as const };
    expect(renderToStaticMarkup(createElement(PaymentSummary, { order: flagged, refunds: [] }))).toContain("more than 6 days old");
    expect(renderToStaticMarkup(createElement(PaymentSummary, { order: { ...flagged, capturedCents: 4_000 }, refunds: [] }))).not.toContain("6 days");
  });

  it("AgentCancelForm asks for a reason behind a confirmation step, and is absent after handover", async () => {
    const form = createElement(AgentCancelForm, { orderId, status: "picked", captured: false });
    const html = renderToStaticMarkup(form);
    expect(html).toContain("Cancel this order…");
    expect(html).toMatch(/<details/);
    expect(html).toContain('name="reason"');
    expect(await axeViolations(form)).toEqual([]);
    expect(renderToStaticMarkup(createElement(AgentCancelForm, { orderId, status: "completed", captured: true }))).toBe("");
  });

  it("RefundForm carries a fresh request id and what can be refunded, axe-clean, and is absent when nothing can be", async () => {
    const refundable = { refundableCents: 4_000, lines: [{ id: "11111111-1111-4111-8111-111111111111", label: "Eggs (6)", chargedCents: 300, refundableCents: 300 }] };
    const form = createElement(RefundForm, { orderId, refundable });
    const [first, second] = [renderToStaticMarkup(form), renderToStaticMarkup(form)];
    const requestIdOf = (html: string) => /name="requestId" value="([0-9a-f-]{36})"/.exec(html)?.[1];
    expect(requestIdOf(first)).toBeDefined();
    expect(requestIdOf(first)).not.toBe(requestIdOf(second));
    expect(first).toContain("Up to €40.00 can still be refunded.");
    expect(await axeViolations(form)).toEqual([]);
    expect(renderToStaticMarkup(createElement(RefundForm, { orderId, refundable: { refundableCents: 0, lines: [] } }))).toBe("");
  });
});
