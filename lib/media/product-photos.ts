// Marketing's work on a product's photos: add an uploaded picture, remove one, move one up or down.
// Each change and its audit entry share a transaction. No Next.js imports: actions and tests call these.
import type { Database } from "@/db/client";
import { addProductPhoto, getMedia, listProductPhotos, productSlug, removeProductPhoto, reorderProductPhotos } from "@/db/queries/media";
import { recordStaffAction } from "@/db/queries/staff-actions";

/** The product's slug (for its cache tag), or null when the product or the photo is unknown. */
export type PhotoChange = { ok: true; slug: string } | { ok: false; code: "not_found" };

export async function attachPhoto(db: Database, staffId: string, productId: number, mediaId: string, alt: string): Promise<PhotoChange> {
  return db.transaction(async (tx) => {
    const [slug, picture] = await Promise.all([productSlug(tx, productId), getMedia(tx, mediaId)]);
    if (!slug || !picture) return { ok: false, code: "not_found" };
    const imageId = await addProductPhoto(tx, productId, mediaId, alt.trim());
    await recordStaffAction(tx, { staffId, action: "product.photo_add", data: { productId, imageId, mediaId } });
    return { ok: true, slug };
  });
}

export async function detachPhoto(db: Database, staffId: string, productId: number, imageId: number): Promise<PhotoChange> {
  return db.transaction(async (tx) => {
    const slug = await productSlug(tx, productId);
    const removed = slug ? await removeProductPhoto(tx, productId, imageId) : null;
    if (!slug || !removed) return { ok: false, code: "not_found" };
    // The picture stays in the library (other products or content pages may use it).
    await recordStaffAction(tx, { staffId, action: "product.photo_remove", data: { productId, imageId, mediaId: removed.mediaId } });
    return { ok: true, slug };
  });
}

/** Moves a photo one place earlier (-1) or later (+1); the first photo is the one listings show. */
export async function movePhoto(db: Database, staffId: string, productId: number, imageId: number, by: -1 | 1): Promise<PhotoChange> {
  return db.transaction(async (tx) => {
    const slug = await productSlug(tx, productId);
    const photos = slug ? await listProductPhotos(tx, productId) : [];
    const from = photos.findIndex((p) => p.id === imageId);
    if (!slug || from < 0) return { ok: false, code: "not_found" };
    const to = Math.min(Math.max(from + by, 0), photos.length - 1);
    const order = photos.map((p) => p.id);
    order.splice(to, 0, ...order.splice(from, 1));
    await reorderProductPhotos(tx, productId, order);
    await recordStaffAction(tx, { staffId, action: "product.photo_move", data: { productId, imageId, position: to } });
    return { ok: true, slug };
  });
}
