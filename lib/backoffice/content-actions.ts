"use server";
// Content pages for marketing (and admins): create a landing page, save the draft (version
// check), publish now, unpublish, schedule, restore a revision. Changes to what the storefront
// shows expire the page's cache tag once committed.
import { refresh, revalidateTag } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import {
  createContentPage,
  HOME_SLUG,
  publishContentPage,
  restoreContentRevision,
  saveContentDraft,
  scheduleContentPage,
  unpublishContentPage,
  type LatestSave,
} from "@/db/queries/content";
import type { ActionState } from "@/lib/actions";
import { TAGS } from "@/lib/cache-tags";
import { blockErrors, blocksSchema } from "@/lib/content/blocks";
import { parseLocalDateTime } from "@/lib/content/schedule";
import { formatDateTime } from "@/lib/orders/labels";
import { INT4_MAX } from "@/lib/ids";
import { SLUG_PATTERN } from "@/lib/storefront/rewrites";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";
import { MARKETING_ROLES } from "./access";

const access = { roles: MARKETING_ROLES, scope: "none" } as const;
const fixErrors = "Please correct the highlighted fields.";
const pageId = z.coerce.number().int().min(1).max(INT4_MAX);
const version = z.coerce.number().int().min(1).max(INT4_MAX);
const title = z.string().trim().min(1, "Enter a title.").max(120, "Use at most 120 characters.");
const description = z.string().trim().max(300, "Use at most 300 characters.");

function conflictMessage(latest: LatestSave): string {
  return (
    `${latest.savedByName ?? "Someone"} saved this page at ${formatDateTime(latest.savedAt)} (version ${latest.version}) after you opened it, so your changes were not saved. ` +
    `They are still in the form: save again to replace that version with yours (it stays in the history), or reload the page to see theirs.`
  );
}

type Refused = { ok: false; code: "not_found" } | { ok: false; code: "slug_taken" } | { ok: false; code: "conflict"; latest: LatestSave };

function refusedAnswer(result: Refused, values?: Record<string, string>): ActionState {
  if (result.code === "conflict") return { ok: false, message: conflictMessage(result.latest), values: values && { ...values, version: String(result.latest.version) } };
  return NOT_FOUND_ANSWER;
}

export const createLandingPage = backOfficeAction(
  access,
  z.object({
    title,
    slug: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, "Enter the page's address.")
      .max(80, "Use at most 80 characters.")
      .regex(new RegExp(`^${SLUG_PATTERN}$`), "Use lower-case letters, digits and dashes, like summer-market.")
      .refine((slug) => slug !== HOME_SLUG, "This address is the home page's."),
  }),
  async ({ title, slug }, user) => {
    const created = await getDb().transaction((tx) => createContentPage(tx, { kind: "landing", slug, title, staffId: user.id }));
    if (!created.ok) return { ok: false, message: fixErrors, errors: { slug: ["Another page already has this address."] } };
    redirect(`/admin/content/${created.page.id}?created=1`);
  },
);

/** Blocks arrive as JSON from the editor; media pickers submit `blockMedia.<index>` beside it (with or without JavaScript). */
function readBlocks(json: string, form: Record<string, unknown>): unknown {
  let blocks: unknown;
  try {
    blocks = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(blocks)) return null;
  return blocks.map((block: unknown, i) => {
    const picked = form[`blockMedia.${i}`];
    if (typeof picked !== "string" || !block || typeof block !== "object") return block;
    const b = block as Record<string, unknown>;
    if (b.type === "image") return { ...b, mediaId: picked };
    if (b.type !== "hero") return b;
    const { image, ...rest } = b as { image?: { alt?: unknown } };
    return picked ? { ...rest, image: { mediaId: picked, alt: typeof image?.alt === "string" ? image.alt : "" } } : rest;
  });
}

export const savePageDraft = backOfficeAction(
  access,
  z.looseObject({ id: pageId, version, title, description, blocks: z.string().max(500_000, "This page is too large to save.") }),
  async (data, user) => {
    const blocks = blocksSchema.safeParse(readBlocks(data.blocks, data));
    const submitted = { title: data.title, description: data.description, blocks: data.blocks, version: String(data.version) };
    if (!blocks.success) {
      return { ok: false, message: "Some blocks need attention: see the highlighted fields.", errors: blockErrors(blocks.error), values: submitted };
    }
    const saved = await getDb().transaction((tx) =>
      saveContentDraft(tx, { pageId: data.id, expectedVersion: data.version, title: data.title, description: data.description, blocks: blocks.data, staffId: user.id }),
    );
    if (!saved.ok) return refusedAnswer(saved, { ...submitted, blocks: JSON.stringify(blocks.data) });
    refresh();
    return { ok: true, message: `Saved as version ${saved.page.version}. Shoppers see it once you publish.` };
  },
);

export const publishPage = backOfficeAction(access, z.object({ id: pageId, version }), async ({ id, version }, user) => {
  const published = await getDb().transaction((tx) => publishContentPage(tx, { pageId: id, expectedVersion: version, staffId: user.id }));
  if (!published.ok) return refusedAnswer(published);
  revalidateTag(TAGS.page(published.page.slug), { expire: 0 });
  refresh();
  return { ok: true, message: `Published version ${published.page.version}: shoppers see it now.` };
});

export const unpublishPage = backOfficeAction(access, z.object({ id: pageId }), async ({ id }, user) => {
  const result = await getDb().transaction((tx) => unpublishContentPage(tx, { pageId: id, staffId: user.id }));
  if (!result.ok) return NOT_FOUND_ANSWER;
  revalidateTag(TAGS.page(result.page.slug), { expire: 0 });
  refresh();
  return { ok: true, message: result.wasPublished ? "Unpublished: shoppers no longer see this page." : "This page was not published." };
});

const localTime = (label: string) =>
  z
    .string()
    .trim()
    .max(40)
    .transform((value, ctx) => {
      if (value === "") return null;
      const at = parseLocalDateTime(value);
      if (!at) {
        ctx.addIssue({ code: "custom", message: `Enter the ${label} date and time.` });
        return z.NEVER;
      }
      if (at.getTime() <= Date.now()) {
        ctx.addIssue({ code: "custom", message: "Choose a time in the future." });
        return z.NEVER;
      }
      return at;
    });

export const schedulePage = backOfficeAction(
  access,
  z
    .object({ id: pageId, version, publishAt: localTime("publication").default(null), unpublishAt: localTime("unpublication").default(null) })
    .refine((d) => !d.publishAt || !d.unpublishAt || d.unpublishAt > d.publishAt, { message: "Take the page down after it is published.", path: ["unpublishAt"] }),
  async ({ id, version, publishAt, unpublishAt }, user) => {
    const scheduled = await getDb().transaction((tx) => scheduleContentPage(tx, { pageId: id, expectedVersion: version, publishAt, unpublishAt, staffId: user.id }));
    if (!scheduled.ok) return refusedAnswer(scheduled);
    refresh();
    const parts = [publishAt && `published on ${formatDateTime(publishAt)}`, unpublishAt && `taken down on ${formatDateTime(unpublishAt)}`].filter(Boolean);
    return { ok: true, message: parts.length ? `Scheduled: the saved draft will be ${parts.join(", and ")} (Paris time).` : "Schedule cleared." };
  },
);

export const restoreRevision = backOfficeAction(
  access,
  z.object({ id: pageId, version, revisionId: z.coerce.number().int().min(1).max(INT4_MAX) }),
  async ({ id, version, revisionId }, user) => {
    const restored = await getDb().transaction((tx) => restoreContentRevision(tx, { pageId: id, revisionId, expectedVersion: version, staffId: user.id }));
    if (!restored.ok) return refusedAnswer(restored);
    refresh();
    return { ok: true, message: `${restored.revision.note[0].toUpperCase()}${restored.revision.note.slice(1)}: the draft is now version ${restored.page.version}. Publish it to show it to shoppers.` };
  },
);
