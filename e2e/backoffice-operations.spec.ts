// The operations page (issue 9), as an admin in a real browser against the e2e stack: every
// service's processes are there with a recent heartbeat; capture jobs that really fail in the
// order worker (picked orders without a real payment, one attempt each) show with their error;
// one is retried once its cause is gone and runs to completion, one is discarded, and one is
// discarded without JavaScript. axe checks the page.
import { sql } from "drizzle-orm";
import { transitionOrder } from "@/db/queries/orders";
import { enqueueJob } from "@/lib/jobs/queue";
import { staffAccount, signInAs } from "./backoffice-fixtures";
import { expect, expectAccessible, test } from "./fixtures";
import { PASSWORD } from "./helpers";
import { closeDb, e2eDb, otherShopper, placeTestOrder } from "./order-fixtures";

test.afterAll(() => closeDb());

const SERVICES = ["web", "order-worker", "notification-worker", "scheduler"];

/** A capture job that fails for real: the picked order has no final total, so it cannot be captured. */
async function failingCaptureJob(shopperId: string): Promise<{ orderId: string; jobId: string }> {
  const order = await placeTestOrder(shopperId, { items: [{ slug: "basmati-rice", quantity: 1 }], status: "picked" });
  const job = await enqueueJob(e2eDb(), "capture-payment", { orderId: order.id }, { maxAttempts: 1 });
  return { orderId: order.id, jobId: job.id };
}

const jobInQueue = async (id: string) => (await e2eDb().execute(sql`select 1 from graphile_worker._private_jobs where id = ${id}::bigint`)).length > 0;

test("operations (issue 9): an admin sees every service's heartbeat and the failed jobs with their error, retries one and discards another, with and without JavaScript", async ({ page, browser }) => {
  const admin = await staffAccount("admin", [], "Olivia Ops");
  // One shopper each: a shopper's orders are placed from their one basket, one at a time.
  const [retried, discarded, discardedWithoutJs] = await Promise.all([1, 2, 3].map(async () => failingCaptureJob(await otherShopper())));

  await signInAs(page, admin.email, "/admin/operations");
  await expect(page.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Back office" }).getByRole("link", { name: "Operations" })).toHaveAttribute("href", "/admin/operations");

  // Each service of the stack has a ready process heard from within the last 30 s.
  for (const service of SERVICES) {
    const ready = page.locator(`[data-testid="service-row"][data-service="${service}"]`).filter({ has: page.getByTestId("instance-status").filter({ hasText: /^Ready$/ }) });
    await expect(ready.first()).toBeVisible();
    expect(Number((await ready.first().getByTestId("heartbeat-age").textContent())?.match(/^(\d+) s ago$/)?.[1])).toBeLessThan(30);
  }

  // The page follows the queue by itself: the jobs appear once the order worker has failed them.
  const row = (jobId: string) => page.locator(`[data-testid="failed-job-row"][data-job-id="${jobId}"]`);
  for (const { jobId, orderId } of [retried, discarded, discardedWithoutJs]) {
    await expect(row(jobId)).toContainText("capture-payment");
    await expect(row(jobId).getByTestId("failed-job-error")).toContainText(`picked order ${orderId} has no PaymentIntent or final total`);
    await expect(row(jobId)).toContainText("1 of 1");
  }
  await expect(page.locator('[data-testid="job-queue-row"][data-task="capture-payment"]')).toBeVisible();

  // The cause gone (the order moved on), a retry runs the job again: it completes and leaves the queue.
  await e2eDb().transaction((tx) => transitionOrder(tx, { orderId: retried.orderId, to: "ready_for_collection", actor: "system" }));
  await page.getByRole("button", { name: `Retry job ${retried.jobId}` }).click();
  await expect(page.getByTestId("form-message")).toHaveText(`Job ${retried.jobId} (capture-payment) will run again, with all its attempts.`);
  await expect(row(retried.jobId)).toHaveCount(0);
  await expect.poll(() => jobInQueue(retried.jobId)).toBe(false);

  await page.getByRole("button", { name: `Discard job ${discarded.jobId}` }).click();
  await expect(page.getByTestId("form-message")).toHaveText(`Job ${discarded.jobId} (capture-payment) was discarded.`);
  await expect(row(discarded.jobId)).toHaveCount(0);
  expect(await jobInQueue(discarded.jobId)).toBe(false);
  await expectAccessible(page);

  // Without JavaScript: the form posts, the answer comes back after the redirect.
  const plain = await browser.newContext({ javaScriptEnabled: false });
  const noJs = await plain.newPage();
  await noJs.goto(`/sign-in?next=${encodeURIComponent("/admin/operations")}`);
  await noJs.getByLabel("E-mail").fill(admin.email);
  await noJs.getByLabel("Password").fill(PASSWORD);
  await noJs.getByRole("button", { name: "Sign in" }).click();
  await expect(noJs.getByRole("heading", { level: 1, name: "Operations" })).toBeVisible();
  await noJs.getByRole("button", { name: `Discard job ${discardedWithoutJs.jobId}` }).click();
  await expect(noJs.getByTestId("form-message")).toHaveText(`Job ${discardedWithoutJs.jobId} (capture-payment) was discarded.`);
  await expect(noJs.locator(`[data-testid="failed-job-row"][data-job-id="${discardedWithoutJs.jobId}"]`)).toHaveCount(0);
  expect(await jobInQueue(discardedWithoutJs.jobId)).toBe(false);
  await plain.close();
});
