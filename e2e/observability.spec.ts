// Self-monitoring (issue 9): every service's /metrics is scraped and parsed strictly, and moves
// with a real checkout; the checkout request's id is followed through the Stripe webhook's job
// into the confirmation e-mail job's log line (E2E_LOG_DIR/<service>.log).
import { readE2ePorts } from "../scripts/lib/config";
import { hasSample, parsePrometheusText, sampleSum, type MetricFamily } from "../tests/prometheus-text";
import { collectAndPay, guestBasketThenSignUp, ownProducts } from "./checkout-flow";
import { expect, test } from "./fixtures";
import { uniqueEmail } from "./helpers";
import { linesSince, markLog } from "./service-log";

const ports = readE2ePorts(process.env);
const METRICS = {
  web: ports.webMetrics,
  "order-worker": ports.orderWorkerHealth,
  "notification-worker": ports.notificationWorkerHealth,
  scheduler: ports.schedulerHealth,
} as const;
type Service = keyof typeof METRICS;
type Scrape = Map<string, MetricFamily>;

async function scrape(service: Service): Promise<Scrape> {
  const response = await fetch(`http://127.0.0.1:${METRICS[service]}/metrics`);
  expect(response.status, service).toBe(200);
  expect(response.headers.get("content-type"), service).toContain("text/plain");
  return parsePrometheusText(await response.text());
}

const scrapeAll = async () =>
  Object.fromEntries(await Promise.all(Object.keys(METRICS).map(async (s) => [s, await scrape(s as Service)] as const))) as Record<Service, Scrape>;

/** The JSON log lines of a service since `mark`. */
const jsonLines = async (mark: ReturnType<typeof markLog>) =>
  (await linesSince(mark)).flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

test("every service's /metrics parses with the required series, and moves with a checkout whose request id reaches the e-mail job", async ({ page }) => {
  test.slow();
  const before = await scrapeAll();
  for (const [service, families] of Object.entries(before)) {
    expect(hasSample(families, "process_cpu_seconds_total", { service }), service).toBe(true);
    expect(hasSample(families, "halles_db_pool_max", { pool: "app" }), service).toBe(true);
    expect(families.get("halles_db_connections")?.type, service).toBe("gauge");
    expect(hasSample(families, "halles_db_connections", { pool: "app", state: "idle" }), service).toBe(true);
    if (service === "web") continue;
    expect(hasSample(families, "halles_db_connections", { pool: "queue" }), service).toBe(true);
    for (const name of ["jobs_ready", "jobs_running", "jobs_oldest_ready_age_seconds", "jobs_permanently_failed"]) expect(families.get(name)?.type, `${service} ${name}`).toBe("gauge");
    for (const name of ["jobs_completed_total", "jobs_failed_total", "jobs_retried_total", "halles_orders_confirmed_total", "halles_orders_cancelled_total", "halles_orders_captured_total"]) {
      expect(families.get(name)?.type, `${service} ${name}`).toBe("counter");
    }
  }
  expect(before.web.get("halles_http_request_duration_seconds")?.type).toBe("histogram");
  expect(before.web.get("halles_orders_placed_total")?.type).toBe("counter");

  const email = uniqueEmail("observed");
  const basket = await ownProducts("observed");
  await guestBasketThenSignUp(page, email, basket);
  const logs = { web: markLog("web"), order: markLog("order-worker"), notification: markLog("notification-worker") };
  const placing = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/checkout");
  await collectAndPay(page, "4242 4242 4242 4242");
  const requestId = (await placing).headers()["x-request-id"];
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { name: /is confirmed/ })).toBeVisible({ timeout: 30_000 });

  // The e-mail job ran under the checkout's request id (the order worker passed it on).
  await expect
    .poll(async () => (await jsonLines(logs.notification)).find((l) => l.task === "send-order-email" && l.msg === "job completed" && l.requestId === requestId)?.result, {
      timeout: 30_000,
    })
    .toBe("sent");
  const web = await jsonLines(logs.web);
  expect(web.find((l) => l.msg === "order placed")?.requestId).toBe(requestId);
  const order = await jsonLines(logs.order);
  const stripeEventLines = order.filter((l) => l.task === "process-stripe-event" && l.placedBy === requestId);
  expect(stripeEventLines.length).toBeGreaterThan(0);
  // The webhook's own request gave the process-stripe-event job its id: another request.
  expect(stripeEventLines.every((l) => typeof l.requestId === "string" && l.requestId !== requestId)).toBe(true);

  const after = await scrapeAll();
  const grew = (service: Service, name: string, labels: Record<string, string> = {}) =>
    sampleSum(after[service], name, labels) - sampleSum(before[service], name, labels);
  expect(grew("web", "halles_orders_placed_total")).toBeGreaterThanOrEqual(1);
  expect(grew("web", "halles_http_request_duration_seconds_count", { route: "/checkout", method: "POST" })).toBeGreaterThanOrEqual(1);
  expect(grew("web", "halles_http_request_duration_seconds_count", { route: "/api/webhooks/stripe", method: "POST" })).toBeGreaterThanOrEqual(1);
  expect(grew("web", "halles_http_request_duration_seconds_count", { route: "/p/:slug", method: "GET" })).toBeGreaterThanOrEqual(2);
  expect(grew("order-worker", "halles_orders_confirmed_total")).toBeGreaterThanOrEqual(1);
  expect(grew("order-worker", "jobs_completed_total", { task: "process-stripe-event" })).toBeGreaterThanOrEqual(1);
  expect(grew("notification-worker", "jobs_completed_total", { task: "send-order-email" })).toBeGreaterThanOrEqual(1);
  // Route labels are patterns: no raw product URL became a label.
  const routes = new Set(after.web.get("halles_http_request_duration_seconds")!.samples.map((s) => s.labels.route));
  expect([...routes].filter((route) => route.includes(basket.unit.slug))).toEqual([]);
});

test("the web keeps a gateway's well-formed X-Request-Id and replaces anything else", async ({ request }) => {
  const kept = await request.get("/api/health", { headers: { "x-request-id": "gateway-4f2a9c01" } });
  expect(kept.headers()["x-request-id"]).toBe("gateway-4f2a9c01");
  const replaced = await request.get("/api/health", { headers: { "x-request-id": "<script>" } });
  expect(replaced.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  // /metrics is not on the public port.
  expect((await request.get("/metrics")).status()).toBe(404);
});
