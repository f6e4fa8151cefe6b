// The storefront's content pages (the home page and landing pages at /l/<slug>), built from
// blocks. Every save is a revision; the page row holds the draft being edited and points at the
// revision the storefront shows.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { users } from "./users";

export const contentPageKind = pgEnum("content_page_kind", ["home", "landing"]);

/**
 * A page's blocks as saved: validated by lib/content/blocks.ts (hero, product carousel, promo
 * tiles, rich text, image) before they are written, and again when they are read.
 */
export type StoredBlocks = unknown[];

export const contentPages = pgTable(
  "content_pages",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: contentPageKind("kind").notNull(),
    /** The address of a landing page (/l/<slug>); "home" for the home page. */
    slug: text("slug").notNull().unique(),
    /** The draft: what the editor shows and the preview renders. */
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    blocks: jsonb("blocks").$type<StoredBlocks>().notNull().default([]),
    /** Raised by every save; a save names the version it was made from and is refused if it moved on. */
    version: integer("version").notNull().default(1),
    /** What the storefront shows; null while unpublished. */
    publishedRevisionId: integer("published_revision_id").references((): AnyPgColumn => contentRevisions.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    /** A revision to publish at `publish_at`, and a time to take the page down; run by the scheduler. */
    scheduledRevisionId: integer("scheduled_revision_id").references((): AnyPgColumn => contentRevisions.id, { onDelete: "set null" }),
    publishAt: timestamp("publish_at", { withTimezone: true }),
    unpublishAt: timestamp("unpublish_at", { withTimezone: true }),
    updatedBy: uuid("updated_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    index("content_pages_publish_at_idx").on(t.publishAt).where(sql`${t.publishAt} is not null`),
    index("content_pages_unpublish_at_idx").on(t.unpublishAt).where(sql`${t.unpublishAt} is not null`),
    check("content_pages_home_slug_check", sql`(${t.kind} = 'home') = (${t.slug} = 'home')`),
    check("content_pages_schedule_check", sql`(${t.publishAt} is null) = (${t.scheduledRevisionId} is null)`),
  ],
);

/** Every saved state of a page, numbered by the page's version at that save. */
export const contentRevisions = pgTable(
  "content_revisions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    pageId: integer("page_id")
      .notNull()
      .references(() => contentPages.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    blocks: jsonb("blocks").$type<StoredBlocks>().notNull(),
    /** "saved", "published", "restored from version 3", … */
    note: text("note").notNull().default("saved"),
    savedBy: uuid("saved_by").references(() => users.id, { onDelete: "set null" }),
    savedAt: timestamp("saved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("content_revisions_page_id_version_key").on(t.pageId, t.version)],
);

export type ContentPage = typeof contentPages.$inferSelect;
export type ContentRevision = typeof contentRevisions.$inferSelect;
export type ContentPageKind = (typeof contentPageKind.enumValues)[number];
