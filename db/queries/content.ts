// Content pages (home and landing pages): the draft, saved with a version check so that a second
// marketer's save never overwrites the first; a revision for every save; publishing, scheduling
// and restoring. Each staff change is audited in the caller's transaction; the scheduler's
// changes enqueue the storefront's refresh in theirs.
import { and, desc, eq, isNotNull, lte, sql } from "drizzle-orm";
import { TAGS } from "@/lib/cache-tags";
import { enqueueJob } from "@/lib/jobs/queue";
import type { Executor } from "../client";
import { contentPages, contentRevisions, users, type ContentPage, type ContentPageKind, type ContentRevision, type StoredBlocks } from "../schema";
import { recordStaffAction } from "./staff-actions";

export const HOME_SLUG = "home";

export type PageDraft = { title: string; description: string; blocks: StoredBlocks };

/** Who saved a page last, and when: what a refused save tells the marketer. */
export type LatestSave = { version: number; savedAt: Date; savedByName: string | null };

export type ContentResult<T> = { ok: true } & T | { ok: false; code: "not_found" } | { ok: false; code: "slug_taken" } | { ok: false; code: "conflict"; latest: LatestSave };

const pageWithEditor = {
  page: contentPages,
  updatedByName: users.name,
};

export type ContentPageWithEditor = ContentPage & { updatedByName: string | null };

export async function getContentPage(db: Executor, id: number): Promise<ContentPageWithEditor | null> {
  const [row] = await db.select(pageWithEditor).from(contentPages).leftJoin(users, eq(users.id, contentPages.updatedBy)).where(eq(contentPages.id, id));
  return row ? { ...row.page, updatedByName: row.updatedByName } : null;
}

export async function getContentPageBySlug(db: Executor, slug: string): Promise<ContentPage | null> {
  const [row] = await db.select().from(contentPages).where(eq(contentPages.slug, slug));
  return row ?? null;
}

/** Every page, the home page first, then by last edit. */
export async function listContentPages(db: Executor): Promise<ContentPageWithEditor[]> {
  const rows = await db
    .select(pageWithEditor)
    .from(contentPages)
    .leftJoin(users, eq(users.id, contentPages.updatedBy))
    .orderBy(sql`${contentPages.kind} = 'home' desc`, desc(contentPages.updatedAt), desc(contentPages.id));
  return rows.map((row) => ({ ...row.page, updatedByName: row.updatedByName }));
}

export type RevisionEntry = Pick<ContentRevision, "id" | "version" | "note" | "savedAt" | "title"> & { savedByName: string | null };

/** A page's revisions, newest first. */
export async function listContentRevisions(db: Executor, pageId: number, limit = 100): Promise<RevisionEntry[]> {
  return db
    .select({ id: contentRevisions.id, version: contentRevisions.version, note: contentRevisions.note, savedAt: contentRevisions.savedAt, title: contentRevisions.title, savedByName: users.name })
    .from(contentRevisions)
    .leftJoin(users, eq(users.id, contentRevisions.savedBy))
    .where(eq(contentRevisions.pageId, pageId))
    .orderBy(desc(contentRevisions.version))
    .limit(limit);
}

/** What the storefront shows at /l/<slug> (or the home page): the published revision, or null. */
export async function getPublishedContent(db: Executor, slug: string): Promise<(PageDraft & { kind: ContentPageKind; publishedAt: Date | null }) | null> {
  const [row] = await db
    .select({ kind: contentPages.kind, publishedAt: contentPages.publishedAt, title: contentRevisions.title, description: contentRevisions.description, blocks: contentRevisions.blocks })
    .from(contentPages)
    .innerJoin(contentRevisions, eq(contentRevisions.id, contentPages.publishedRevisionId))
    .where(eq(contentPages.slug, slug));
  return row ?? null;
}

async function insertRevision(tx: Executor, page: ContentPage, note: string, staffId: string | null): Promise<ContentRevision> {
  const [revision] = await tx
    .insert(contentRevisions)
    .values({ pageId: page.id, version: page.version, title: page.title, description: page.description, blocks: page.blocks, note, savedBy: staffId })
    .returning();
  return revision;
}

async function latestSave(tx: Executor, pageId: number): Promise<LatestSave | null> {
  const [row] = await tx
    .select({ version: contentPages.version, savedAt: contentPages.updatedAt, savedByName: users.name })
    .from(contentPages)
    .leftJoin(users, eq(users.id, contentPages.updatedBy))
    .where(eq(contentPages.id, pageId));
  return row ?? null;
}

/** Why a versioned write found no row: the page is gone, or someone saved since `expected`. */
async function refusal(tx: Executor, pageId: number): Promise<{ ok: false; code: "not_found" } | { ok: false; code: "conflict"; latest: LatestSave }> {
  const latest = await latestSave(tx, pageId);
  return latest ? { ok: false, code: "conflict", latest } : { ok: false, code: "not_found" };
}

/** A new page (version 1, unpublished) and its first revision. */
export async function createContentPage(
  tx: Executor,
  input: { kind: ContentPageKind; slug: string; title: string; description?: string; blocks?: StoredBlocks; staffId: string | null },
): Promise<ContentResult<{ page: ContentPage }>> {
  const [page] = await tx
    .insert(contentPages)
    .values({ kind: input.kind, slug: input.slug, title: input.title, description: input.description ?? "", blocks: input.blocks ?? [], updatedBy: input.staffId })
    .onConflictDoNothing({ target: contentPages.slug })
    .returning();
  if (!page) return { ok: false, code: "slug_taken" };
  await insertRevision(tx, page, "created", input.staffId);
  if (input.staffId) await recordStaffAction(tx, { staffId: input.staffId, action: "content.create", data: { pageId: page.id, slug: page.slug, title: page.title } });
  return { ok: true, page };
}

/**
 * Moves the page to its next version if it is still at `expected` (one conditional UPDATE: two
 * saves made from the same version cannot both pass), applying `set`, and records the revision.
 */
async function bumpVersion(
  tx: Executor,
  pageId: number,
  expected: number | null,
  set: Partial<Pick<ContentPage, "title" | "description" | "blocks">>,
  note: string,
  staffId: string | null,
): Promise<ContentResult<{ page: ContentPage; revision: ContentRevision }>> {
  const [page] = await tx
    .update(contentPages)
    .set({ ...set, version: sql`${contentPages.version} + 1`, updatedBy: staffId })
    .where(and(eq(contentPages.id, pageId), expected === null ? undefined : eq(contentPages.version, expected)))
    .returning();
  if (!page) return refusal(tx, pageId);
  return { ok: true, page, revision: await insertRevision(tx, page, note, staffId) };
}

/** Saves the draft if nobody saved since `expectedVersion`; otherwise refused with who did, and when. */
export async function saveContentDraft(
  tx: Executor,
  input: PageDraft & { pageId: number; expectedVersion: number; staffId: string; note?: string },
): Promise<ContentResult<{ page: ContentPage; revision: ContentRevision }>> {
  const saved = await bumpVersion(tx, input.pageId, input.expectedVersion, { title: input.title, description: input.description, blocks: input.blocks }, input.note ?? "saved", input.staffId);
  if (saved.ok) await recordStaffAction(tx, { staffId: input.staffId, action: "content.save", data: { pageId: input.pageId, slug: saved.page.slug, version: saved.page.version } });
  return saved;
}

/** Makes the saved draft the page's next version, "restored from version N", if nobody saved since `expectedVersion`. */
export async function restoreContentRevision(
  tx: Executor,
  input: { pageId: number; revisionId: number; expectedVersion: number; staffId: string },
): Promise<ContentResult<{ page: ContentPage; revision: ContentRevision }>> {
  const [old] = await tx
    .select()
    .from(contentRevisions)
    .where(and(eq(contentRevisions.id, input.revisionId), eq(contentRevisions.pageId, input.pageId)));
  if (!old) return { ok: false, code: "not_found" };
  const restored = await bumpVersion(tx, input.pageId, input.expectedVersion, { title: old.title, description: old.description, blocks: old.blocks }, `restored from version ${old.version}`, input.staffId);
  if (restored.ok) {
    await recordStaffAction(tx, { staffId: input.staffId, action: "content.restore", data: { pageId: input.pageId, slug: restored.page.slug, fromVersion: old.version, version: restored.page.version } });
  }
  return restored;
}

/**
 * Publishes the saved draft now, as a revision noted "published" (if nobody saved since
 * `expectedVersion`). A pending scheduled publication is cancelled: this one replaces it.
 */
export async function publishContentPage(
  tx: Executor,
  input: { pageId: number; expectedVersion: number; staffId: string },
): Promise<ContentResult<{ page: ContentPage; revision: ContentRevision }>> {
  const bumped = await bumpVersion(tx, input.pageId, input.expectedVersion, {}, "published", input.staffId);
  if (!bumped.ok) return bumped;
  const [page] = await tx
    .update(contentPages)
    .set({ publishedRevisionId: bumped.revision.id, publishedAt: sql`now()`, scheduledRevisionId: null, publishAt: null })
    .where(eq(contentPages.id, input.pageId))
    .returning();
  await recordStaffAction(tx, { staffId: input.staffId, action: "content.publish", data: { pageId: page.id, slug: page.slug, version: page.version } });
  return { ok: true, page, revision: bumped.revision };
}

/** Takes the page off the storefront (and drops a pending unpublication); false when it was not published. */
export async function unpublishContentPage(tx: Executor, input: { pageId: number; staffId: string }): Promise<ContentResult<{ page: ContentPage; wasPublished: boolean }>> {
  const [before] = await tx.select({ publishedRevisionId: contentPages.publishedRevisionId }).from(contentPages).where(eq(contentPages.id, input.pageId)).for("update");
  if (!before) return { ok: false, code: "not_found" };
  const [page] = await tx
    .update(contentPages)
    .set({ publishedRevisionId: null, publishedAt: null, unpublishAt: null, updatedBy: input.staffId })
    .where(eq(contentPages.id, input.pageId))
    .returning();
  await recordStaffAction(tx, { staffId: input.staffId, action: "content.unpublish", data: { pageId: page.id, slug: page.slug, wasPublished: before.publishedRevisionId !== null } });
  return { ok: true, page, wasPublished: before.publishedRevisionId !== null };
}

export const contentScheduleJobKey = (pageId: number) => `content-page:${pageId}`;

/** Wakes the scheduler for this page at its next scheduled time (the per-minute cron is the safety net). */
async function enqueueNextScheduled(tx: Executor, page: Pick<ContentPage, "id" | "publishAt" | "unpublishAt">): Promise<void> {
  const next = [page.publishAt, page.unpublishAt].filter((d): d is Date => d !== null).sort((a, b) => a.getTime() - b.getTime())[0];
  if (!next) {
    await tx.execute(sql`select graphile_worker.remove_job(${contentScheduleJobKey(page.id)})`);
    return;
  }
  await enqueueJob(tx, "apply-content-schedule", { pageId: page.id }, { jobKey: contentScheduleJobKey(page.id), runAt: next });
}

/**
 * Schedules the saved draft to be published at `publishAt` (as a revision noted "scheduled") and
 * the page to be taken down at `unpublishAt`; null clears either. Refused if someone saved since
 * `expectedVersion`.
 */
export async function scheduleContentPage(
  tx: Executor,
  input: { pageId: number; expectedVersion: number; publishAt: Date | null; unpublishAt: Date | null; staffId: string },
): Promise<ContentResult<{ page: ContentPage }>> {
  let scheduledRevisionId: number | null = null;
  if (input.publishAt) {
    const bumped = await bumpVersion(tx, input.pageId, input.expectedVersion, {}, `scheduled for publication`, input.staffId);
    if (!bumped.ok) return bumped;
    scheduledRevisionId = bumped.revision.id;
  }
  const [page] = await tx
    .update(contentPages)
    .set({ scheduledRevisionId, publishAt: input.publishAt, unpublishAt: input.unpublishAt, updatedBy: input.staffId })
    .where(and(eq(contentPages.id, input.pageId), input.publishAt ? undefined : eq(contentPages.version, input.expectedVersion)))
    .returning();
  if (!page) return refusal(tx, input.pageId);
  await enqueueNextScheduled(tx, page);
  await recordStaffAction(tx, {
    staffId: input.staffId,
    action: "content.schedule",
    data: { pageId: page.id, slug: page.slug, publishAt: input.publishAt?.toISOString() ?? null, unpublishAt: input.unpublishAt?.toISOString() ?? null },
  });
  return { ok: true, page };
}

/**
 * The scheduler's work: publishes pages whose publish_at has come, then takes down those whose
 * unpublish_at has (one page, or all). Conditional updates, so running twice changes nothing more;
 * each change enqueues the storefront's refresh for the page in the same transaction.
 */
export async function applyContentSchedules(tx: Executor, options: { pageId?: number; now?: Date } = {}): Promise<{ published: string[]; unpublished: string[] }> {
  const now = options.now ?? new Date();
  const onePage = options.pageId === undefined ? undefined : eq(contentPages.id, options.pageId);
  const published = await tx
    .update(contentPages)
    .set({ publishedRevisionId: sql`${contentPages.scheduledRevisionId}`, publishedAt: now, scheduledRevisionId: null, publishAt: null })
    .where(and(isNotNull(contentPages.publishAt), lte(contentPages.publishAt, now), onePage))
    .returning({ id: contentPages.id, slug: contentPages.slug, publishAt: contentPages.publishAt, unpublishAt: contentPages.unpublishAt });
  const unpublished = await tx
    .update(contentPages)
    .set({ publishedRevisionId: null, publishedAt: null, unpublishAt: null })
    .where(and(isNotNull(contentPages.unpublishAt), lte(contentPages.unpublishAt, now), onePage))
    .returning({ id: contentPages.id, slug: contentPages.slug, publishAt: contentPages.publishAt, unpublishAt: contentPages.unpublishAt });
  const changed = new Map([...published, ...unpublished].map((p) => [p.slug, p]));
  for (const slug of changed.keys()) {
    await enqueueJob(tx, "refresh-storefront", { tags: [TAGS.page(slug)] }, { jobKey: `refresh-storefront:page:${slug}` });
  }
  // A page published now and taken down later needs a wake-up for the later time.
  for (const page of published) if (page.unpublishAt && page.unpublishAt > now) await enqueueNextScheduled(tx, { ...page, publishAt: null });
  return { published: published.map((p) => p.slug), unpublished: unpublished.map((p) => p.slug) };
}
