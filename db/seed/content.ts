// The default home page: the storefront's built-in layout as content blocks (a hero, then "This
// week's picks" of featured products; the aisles stay a fixed section below), published, so the
// home page is marketing's to change. Written once: a home page that exists is left as it is.
import { eq } from "drizzle-orm";
import { createContentPage, HOME_SLUG } from "../queries/content";
import type { Executor } from "../client";
import { contentPages, contentRevisions } from "../schema";

export function defaultHomeBlocks(firstCategorySlug: string | undefined) {
  return [
    {
      type: "hero",
      title: "Fresh groceries, delivered to your door or ready to collect.",
      text: "Fruit and vegetables by weight, cheese and meat from the counter, and everything for the pantry — at your store’s prices.",
      ...(firstCategorySlug ? { link: { label: "Start shopping", href: `/c/${firstCategorySlug}` } } : {}),
      secondaryLink: { label: "Change store", href: "/stores" },
    },
    { type: "carousel", title: "This week’s picks", source: { kind: "featured" }, maxItems: 12 },
  ];
}

/** Creates and publishes the home page if there is none; true when it did. */
export async function seedHomePage(tx: Executor, firstCategorySlug: string | undefined): Promise<boolean> {
  const created = await createContentPage(tx, { kind: "home", slug: HOME_SLUG, title: "Home", blocks: defaultHomeBlocks(firstCategorySlug), staffId: null });
  if (!created.ok) return false;
  const [revision] = await tx.select({ id: contentRevisions.id }).from(contentRevisions).where(eq(contentRevisions.pageId, created.page.id));
  await tx.update(contentPages).set({ publishedRevisionId: revision.id, publishedAt: new Date() }).where(eq(contentPages.id, created.page.id));
  return true;
}
