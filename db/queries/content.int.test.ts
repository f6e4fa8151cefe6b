// Content pages (issue 8): versioned saves (the two-marketers conflict: the second save is
// refused, neither edit lost), a revision per save, publish, schedule, restore; concurrent publishers.
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { contentPages, staffActions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { TAGS } from "@/lib/cache-tags";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect, race } from "@/tests/checkout-fixtures";
import {
  applyContentSchedules,
  contentScheduleJobKey,
  createContentPage,
  getContentPage,
  getPublishedContent,
  listContentPages,
  listContentRevisions,
  publishContentPage,
  restoreContentRevision,
  saveContentDraft,
  scheduleContentPage,
  unpublishContentPage,
} from "./content";

let db: Database;
let close: () => Promise<void>;
let alice: SessionUser;
let bruno: SessionUser;

beforeAll(async () => {
  ({ db, close } = connect(6));
  alice = await createStaff(db, "marketing");
  bruno = await createStaff(db, "marketing");
});
afterAll(() => close());

const hero = (title: string) => [{ type: "hero", title, text: "" }];

async function newPage(title = "Summer") {
  const slug = `summer-${randomUUID().slice(0, 8)}`;
  const created = await db.transaction((tx) => createContentPage(tx, { kind: "landing", slug, title, blocks: hero(title), staffId: alice.id }));
  if (!created.ok) throw new Error(created.code);
  return created.page;
}

async function jobsWithKey(key: string) {
  return db.execute<{ task: string; payload: Record<string, unknown>; run_at: Date }>(sql`
    select t.identifier as task, j.payload, j.run_at from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id where j.key = ${key}`);
}

describe("content pages (issue 8)", () => {
  it("creates a page with its first revision; a taken slug is refused", async () => {
    const page = await newPage();
    expect(page).toMatchObject({ kind: "landing", version: 1, publishedRevisionId: null });
    expect(await listContentRevisions(db, page.id)).toMatchObject([{ version: 1, note: "created", savedByName: alice.name }]);
    const again = await db.transaction((tx) => createContentPage(tx, { kind: "landing", slug: page.slug, title: "Other", staffId: alice.id }));
    expect(again).toEqual({ ok: false, code: "slug_taken" });
    expect((await listContentPages(db)).some((p) => p.id === page.id)).toBe(true);
  });

  it("two marketers edit the same page: the second save is refused with who saved first, and neither edit is lost (issue 8 item 2)", async () => {
    const page = await newPage();
    // Both opened version 1.
    const first = await db.transaction((tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 1, title: "Alice's title", description: "", blocks: hero("Alice"), staffId: alice.id }));
    expect(first).toMatchObject({ ok: true, page: { version: 2, title: "Alice's title" } });
    const second = await db.transaction((tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 1, title: "Bruno's title", description: "", blocks: hero("Bruno"), staffId: bruno.id }));
    expect(second).toMatchObject({ ok: false, code: "conflict", latest: { version: 2, savedByName: alice.name } });
    // Alice's edit is the draft; Bruno's stays in his form (the action returns it) and, saved again from version 2, becomes version 3.
    expect(await getContentPage(db, page.id)).toMatchObject({ title: "Alice's title", version: 2 });
    const retried = await db.transaction((tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 2, title: "Bruno's title", description: "", blocks: hero("Bruno"), staffId: bruno.id }));
    expect(retried).toMatchObject({ ok: true, page: { version: 3 } });
    const history = await listContentRevisions(db, page.id);
    expect(history.map((r) => [r.version, r.title, r.savedByName])).toEqual([
      [3, "Bruno's title", bruno.name],
      [2, "Alice's title", alice.name],
      [1, "Summer", alice.name],
    ]);
    const audit = await db.select().from(staffActions).where(and(eq(staffActions.action, "content.save"), sql`${staffActions.data}->>'pageId' = ${String(page.id)}`));
    expect(audit).toHaveLength(2);
  });

  it("saves racing from the same version: exactly one wins", async () => {
    const page = await newPage();
    const results = await race(db, 5, (tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 1, title: `T ${randomUUID()}`, description: "", blocks: [], staffId: alice.id }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(4);
    expect(await listContentRevisions(db, page.id)).toHaveLength(2);
  });

  it("publishes the saved draft as a revision noted published; the storefront reads that revision, not later drafts", async () => {
    const page = await newPage("Launch");
    expect(await getPublishedContent(db, page.slug)).toBeNull();
    const published = await db.transaction((tx) => publishContentPage(tx, { pageId: page.id, expectedVersion: 1, staffId: alice.id }));
    expect(published).toMatchObject({ ok: true, page: { version: 2 }, revision: { version: 2, note: "published" } });
    await db.transaction((tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 2, title: "Draft only", description: "", blocks: hero("Draft"), staffId: alice.id }));
    expect(await getPublishedContent(db, page.slug)).toMatchObject({ title: "Launch", blocks: hero("Launch") });
    const down = await db.transaction((tx) => unpublishContentPage(tx, { pageId: page.id, staffId: alice.id }));
    expect(down).toMatchObject({ ok: true, wasPublished: true });
    expect(await getPublishedContent(db, page.slug)).toBeNull();
  });

  it("concurrent publishers: one publishes, the others are told someone was first; one published revision", async () => {
    const page = await newPage();
    const results = await race(db, 4, (tx) => publishContentPage(tx, { pageId: page.id, expectedVersion: 1, staffId: bruno.id }));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict")).toHaveLength(3);
    expect((await listContentRevisions(db, page.id)).filter((r) => r.note === "published")).toHaveLength(1);
    expect((await getContentPage(db, page.id))?.publishedRevisionId).not.toBeNull();
  });

  it("restores an older revision into the draft as a new revision", async () => {
    const page = await newPage("Original");
    await db.transaction((tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 1, title: "Changed", description: "x", blocks: [], staffId: alice.id }));
    const [, first] = await listContentRevisions(db, page.id);
    const restored = await db.transaction((tx) => restoreContentRevision(tx, { pageId: page.id, revisionId: first.id, expectedVersion: 2, staffId: bruno.id }));
    expect(restored).toMatchObject({ ok: true, page: { version: 3, title: "Original", blocks: hero("Original") }, revision: { note: "restored from version 1" } });
    // A stale form is refused; another page's revision is not found.
    const stale = await db.transaction((tx) => restoreContentRevision(tx, { pageId: page.id, revisionId: first.id, expectedVersion: 2, staffId: bruno.id }));
    expect(stale).toMatchObject({ ok: false, code: "conflict" });
    const other = await newPage();
    const foreign = await db.transaction((tx) => restoreContentRevision(tx, { pageId: other.id, revisionId: first.id, expectedVersion: 1, staffId: bruno.id }));
    expect(foreign).toEqual({ ok: false, code: "not_found" });
  });

  it("schedules publish and unpublish: a job per page at the earliest time; the scheduler applies them once and refreshes the page", async () => {
    const page = await newPage("Scheduled");
    const publishAt = new Date(Date.now() + 60_000);
    const unpublishAt = new Date(Date.now() + 3_600_000);
    const scheduled = await db.transaction((tx) => scheduleContentPage(tx, { pageId: page.id, expectedVersion: 1, publishAt, unpublishAt, staffId: alice.id }));
    expect(scheduled).toMatchObject({ ok: true, page: { version: 2, publishAt, unpublishAt } });
    const [job] = await jobsWithKey(contentScheduleJobKey(page.id));
    expect(job).toMatchObject({ task: "apply-content-schedule", payload: { pageId: page.id } });
    expect(new Date(job.run_at).getTime()).toBe(publishAt.getTime());
    // Saving after scheduling changes the draft, not what was scheduled.
    await db.transaction((tx) => saveContentDraft(tx, { pageId: page.id, expectedVersion: 2, title: "Later draft", description: "", blocks: [], staffId: alice.id }));

    expect(await db.transaction((tx) => applyContentSchedules(tx, { pageId: page.id, now: new Date(publishAt.getTime() - 1000) }))).toEqual({ published: [], unpublished: [] });
    const applied = await db.transaction((tx) => applyContentSchedules(tx, { now: publishAt }));
    expect(applied.published).toContain(page.slug);
    expect(await getPublishedContent(db, page.slug)).toMatchObject({ title: "Scheduled" });
    const [refresh] = await jobsWithKey(`refresh-storefront:page:${page.slug}`);
    expect(refresh.payload).toEqual({ tags: [TAGS.page(page.slug)] });
    const [wake] = await jobsWithKey(contentScheduleJobKey(page.id));
    expect(new Date(wake.run_at).getTime()).toBe(unpublishAt.getTime());
    // Again: nothing more to do.
    expect(await db.transaction((tx) => applyContentSchedules(tx, { pageId: page.id, now: publishAt }))).toEqual({ published: [], unpublished: [] });

    const taken = await db.transaction((tx) => applyContentSchedules(tx, { pageId: page.id, now: unpublishAt }));
    expect(taken).toEqual({ published: [], unpublished: [page.slug] });
    expect(await getPublishedContent(db, page.slug)).toBeNull();
    const [row] = await db.select().from(contentPages).where(eq(contentPages.id, page.id));
    expect(row).toMatchObject({ publishAt: null, unpublishAt: null, scheduledRevisionId: null });
  });

  it("clearing a schedule removes its wake-up job", async () => {
    const page = await newPage();
    await db.transaction((tx) => scheduleContentPage(tx, { pageId: page.id, expectedVersion: 1, publishAt: new Date(Date.now() + 60_000), unpublishAt: null, staffId: alice.id }));
    expect(await jobsWithKey(contentScheduleJobKey(page.id))).toHaveLength(1);
    const cleared = await db.transaction((tx) => scheduleContentPage(tx, { pageId: page.id, expectedVersion: 2, publishAt: null, unpublishAt: null, staffId: alice.id }));
    expect(cleared).toMatchObject({ ok: true, page: { publishAt: null, scheduledRevisionId: null } });
    expect(await jobsWithKey(contentScheduleJobKey(page.id))).toHaveLength(0);
  });
});
