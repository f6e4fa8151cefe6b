// Uploaded pictures (the `media` table) and products' photos that use them. The files are in
// media storage (lib/media/storage.ts) under `<storageKey>/<width>.webp`.
import { and, asc, desc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { media, productImages, products, type Media } from "../schema";

export type NewMedia = {
  storageKey: string;
  width: number;
  height: number;
  widths: number[];
  sourceFormat: "jpeg" | "png" | "webp";
  sourceBytes: number;
  alt: string;
  fileName: string;
  uploadedBy: string | null;
};

/** What a page needs to show a picture with next/image (components/media/media-image.tsx). */
export type MediaSummary = Pick<Media, "id" | "width" | "height" | "alt" | "fileName" | "createdAt">;

const summary = { id: media.id, width: media.width, height: media.height, alt: media.alt, fileName: media.fileName, createdAt: media.createdAt };

export async function insertMedia(db: Executor, values: NewMedia): Promise<Media> {
  const [row] = await db.insert(media).values(values).returning();
  return row;
}

/** The picture, or null for an unknown id (a malformed one too). */
export async function getMedia(db: Executor, id: string): Promise<Media | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [row] = await db.select().from(media).where(eq(media.id, id)).limit(1);
  return row ?? null;
}

/** What the file server needs: where the files are and which widths exist. */
export async function getMediaFiles(db: Executor, id: string): Promise<Pick<Media, "storageKey" | "widths"> | null> {
  const row = await getMedia(db, id);
  return row ? { storageKey: row.storageKey, widths: row.widths } : null;
}

/** Newest first, `limit` (default 24) at a time; `before` is a createdAt to page back from. */
export async function listMedia(db: Executor, { limit = 24, before }: { limit?: number; before?: Date } = {}): Promise<MediaSummary[]> {
  return db
    .select(summary)
    .from(media)
    .where(before ? lt(media.createdAt, before) : undefined)
    .orderBy(desc(media.createdAt), desc(media.id))
    .limit(Math.min(Math.max(limit, 1), 100));
}

export async function deleteMedia(db: Executor, id: string): Promise<Media | null> {
  const [row] = await db.delete(media).where(eq(media.id, id)).returning();
  return row ?? null;
}

/** Whether any product photo still uses the picture. */
export async function isMediaUsed(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ one: sql<number>`1` }).from(productImages).where(eq(productImages.mediaId, id)).limit(1);
  return Boolean(row);
}

export type ProductPhoto = {
  id: number;
  position: number;
  alt: string;
  /** The seeded address, or null for an uploaded picture. */
  url: string | null;
  media: { id: string; width: number; height: number; alt: string } | null;
};

/** A product's photos in their order (uploaded and seeded). */
export async function listProductPhotos(db: Executor, productId: number): Promise<ProductPhoto[]> {
  const rows = await db
    .select({ image: productImages, media: { id: media.id, width: media.width, height: media.height } })
    .from(productImages)
    .leftJoin(media, eq(media.id, productImages.mediaId))
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id));
  return rows.map(({ image, media: m }) => ({
    id: image.id,
    position: image.position,
    alt: image.alt,
    url: image.url,
    media: m?.id ? { id: m.id, width: m.width, height: m.height, alt: image.alt } : null,
  }));
}

/** Adds an uploaded picture as the product's last photo. */
export async function addProductPhoto(db: Executor, productId: number, mediaId: string, alt: string): Promise<number> {
  const [row] = await db
    .insert(productImages)
    .values({
      productId,
      mediaId,
      alt,
      position: sql`(select coalesce(max(${productImages.position}) + 1, 0) from ${productImages} where ${productImages.productId} = ${productId})`,
    })
    .returning({ id: productImages.id });
  return row.id;
}

/** Removes one of the product's photos; false when it is not one of them. */
export async function removeProductPhoto(db: Executor, productId: number, imageId: number): Promise<{ mediaId: string | null } | null> {
  const [row] = await db
    .delete(productImages)
    .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
    .returning({ mediaId: productImages.mediaId });
  return row ?? null;
}

/**
 * Puts the product's photos in the given order (ids of its photos; others keep their place after
 * them). False when an id is not one of the product's photos.
 */
export async function reorderProductPhotos(db: Executor, productId: number, imageIds: number[]): Promise<boolean> {
  const current = await db
    .select({ id: productImages.id })
    .from(productImages)
    .where(eq(productImages.productId, productId))
    .orderBy(asc(productImages.position), asc(productImages.id))
    .for("update");
  const known = new Set(current.map((r) => r.id));
  if (imageIds.some((id) => !known.has(id)) || new Set(imageIds).size !== imageIds.length) return false;
  const order = [...imageIds, ...current.map((r) => r.id).filter((id) => !imageIds.includes(id))];
  for (const [position, id] of order.entries()) {
    await db.update(productImages).set({ position }).where(eq(productImages.id, id));
  }
  return true;
}

/** The product's slug (for its cache tag) when it exists. */
export async function productSlug(db: Executor, productId: number): Promise<string | null> {
  const [row] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, productId)).limit(1);
  return row?.slug ?? null;
}

/** Ids among `ids` that name no picture (for validating a MediaPicker's choice). */
export async function unknownMediaIds(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const found = await db.select({ id: media.id }).from(media).where(inArray(media.id, ids));
  const known = new Set(found.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** The product a photos page is about, or null when unknown. */
export async function findProductForPhotos(db: Executor, productId: number): Promise<{ id: number; slug: string; name: string; active: boolean } | null> {
  const [row] = await db.select({ id: products.id, slug: products.slug, name: products.name, active: products.active }).from(products).where(eq(products.id, productId)).limit(1);
  return row ?? null;
}
