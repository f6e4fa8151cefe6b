// Scheduled content pages (issue 8): the real scheduler process publishes a page at its scheduled
// time (the job enqueued with run_at when it was scheduled), and takes it down at its unpublish time.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { createContentPage, getPublishedContent, scheduleContentPage } from "@/db/queries/content";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect } from "@/tests/checkout-fixtures";
import { spawnWorker, type WorkerProcess } from "@/tests/worker-process";

let db: Database;
let close: () => Promise<void>;
let scheduler: WorkerProcess | undefined;

beforeAll(async () => {
  ({ db, close } = connect(4));
});
afterAll(async () => {
  scheduler?.signal("SIGTERM");
  await scheduler?.exited;
  await close();
}, 30_000);

it("the scheduler publishes a page at its time and takes it down at its unpublish time (issue 8)", { timeout: 90_000 }, async () => {
  const marketer = await createStaff(db, "marketing");
  const slug = `launch-${randomUUID().slice(0, 8)}`;
  const created = await db.transaction((tx) => createContentPage(tx, { kind: "landing", slug, title: "Launch", blocks: [], staffId: marketer.id }));
  if (!created.ok) throw new Error(created.code);
  scheduler = spawnWorker("workers/scheduler.ts", { DATABASE_URL: process.env.DATABASE_URL!, HEALTH_PORT: "0" });
  await scheduler.waitForLog((line) => / started$/.test(line.msg), 30_000);

  const publishAt = new Date(Date.now() + 3_000);
  const unpublishAt = new Date(Date.now() + 6_000);
  await db.transaction((tx) => scheduleContentPage(tx, { pageId: created.page.id, expectedVersion: 1, publishAt, unpublishAt, staffId: marketer.id }));
  expect(await getPublishedContent(db, slug)).toBeNull();

  const published = await scheduler.waitForLog((line) => line.task === "apply-content-schedule" && JSON.stringify(line.result ?? "").includes(`"published":["${slug}"]`), 30_000);
  expect(published.outcome).toBe("completed");
  expect(await getPublishedContent(db, slug)).toMatchObject({ title: "Launch" });
  // On time: within a few seconds of publishAt, not at the next minute's cron.
  expect(Number(published.time) - publishAt.getTime()).toBeLessThan(5_000);

  await scheduler.waitForLog((line) => line.task === "apply-content-schedule" && JSON.stringify(line.result ?? "").includes(`"unpublished":["${slug}"]`), 30_000);
  expect(await getPublishedContent(db, slug)).toBeNull();
});
