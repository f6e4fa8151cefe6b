// The storefront's content pages: the published revision of a page with what its blocks show
// (products of a carousel at the store, pictures), cached under the page's tag; the draft only
// for staff in draft mode (lib/content/preview.ts), where Next.js runs the same code uncached.
import "server-only";
import { cacheTag } from "next/cache";
import { getDb } from "@/db/client";
import { findInTree } from "@/db/queries/categories";
import { getContentPageBySlug, getPublishedContent } from "@/db/queries/content";
import { getMedia } from "@/db/queries/media";
import { listProductCards, type ProductCard } from "@/db/queries/products";
import { TAGS } from "@/lib/cache-tags";
import { cacheWithPromotions, getCategories, tagListedProducts } from "@/lib/catalog/data";
import { readStoredBlocks, type Block, type CarouselSource } from "./blocks";

export type PictureRef = { id: string; width: number; height: number; alt: string };

/** A block with what it shows: a carousel's products, a picture's size. */
export type ResolvedBlock = Block & { products?: ProductCard[]; picture?: PictureRef | null };

export type RenderedPage = { slug: string; title: string; description: string; blocks: ResolvedBlock[] };

async function carouselProducts(storeId: number, source: CarouselSource, limit: number): Promise<ProductCard[]> {
  const db = getDb();
  switch (source.kind) {
    case "featured":
      return listProductCards(db, { storeId, featured: true, limit });
    case "tag":
      return listProductCards(db, { storeId, dietaryTag: source.tag, limit });
    case "category": {
      const found = findInTree(await getCategories(), source.category);
      return found ? listProductCards(db, { storeId, categoryIds: found.ids, limit }) : [];
    }
    case "products": {
      const cards = await listProductCards(db, { storeId, slugs: source.products, limit: source.products.length });
      // In the order the marketer picked them.
      return source.products.flatMap((slug) => cards.filter((card) => card.slug === slug)).slice(0, limit);
    }
  }
}

async function picture(mediaId: string, alt: string): Promise<PictureRef | null> {
  const media = await getMedia(getDb(), mediaId);
  return media ? { id: media.id, width: media.width, height: media.height, alt } : null;
}

/** Blocks as stored, checked again and given their products and pictures. */
export async function resolveBlocks(storeId: number, stored: unknown): Promise<ResolvedBlock[]> {
  return Promise.all(
    readStoredBlocks(stored).map(async (block): Promise<ResolvedBlock> => {
      if (block.type === "carousel") return { ...block, products: await carouselProducts(storeId, block.source, block.maxItems) };
      if (block.type === "image") return { ...block, picture: await picture(block.mediaId, block.alt) };
      if (block.type === "hero" && block.image) return { ...block, picture: await picture(block.image.mediaId, block.image.alt) };
      return block;
    }),
  );
}

/** The published page as the storefront shows it at a store; null when unpublished or unknown. */
export async function getPublishedPage(storeId: number, slug: string): Promise<RenderedPage | null> {
  "use cache";
  cacheTag(TAGS.page(slug), TAGS.catalog, TAGS.stock(storeId));
  // Carousels show product cards with their promotion badges.
  await cacheWithPromotions();
  const page = await getPublishedContent(getDb(), slug);
  if (!page) return null;
  const blocks = await resolveBlocks(storeId, page.blocks);
  tagListedProducts(blocks.flatMap((block) => block.products ?? []));
  return { slug, title: page.title, description: page.description, blocks };
}

/** The draft as the storefront would show it once published: never cached (draft mode), staff only (the caller checks). */
export async function getDraftPage(storeId: number, slug: string): Promise<RenderedPage | null> {
  const page = await getContentPageBySlug(getDb(), slug);
  if (!page) return null;
  return { slug, title: page.title, description: page.description, blocks: await resolveBlocks(storeId, page.blocks) };
}
