"use server";
// Pictures: upload to the library (the MediaPicker), and a product's photos (add, remove, reorder).
// Every change to a product's photos invalidates its cached storefront pages.
import { refresh, revalidateTag } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { ActionState } from "@/lib/actions";
import { TAGS } from "@/lib/cache-tags";
import { INT4_MAX, UUID_PATTERN } from "@/lib/ids";
import { attachPhoto, detachPhoto, movePhoto, type PhotoChange } from "@/lib/media/product-photos";
import { mediaStorage } from "@/lib/media/storage";
import { UploadError, uploadPicture } from "@/lib/media/upload";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";
import { MARKETING_ROLES } from "./access";

/** What an upload answers: with the new picture, for the MediaPicker to select it. */
export type UploadState = ActionState & { media?: { id: string; width: number; height: number; alt: string; fileName: string } };

const fileField = z.custom<File>((v) => v instanceof File && v.size > 0, "Choose a picture to upload.");
const altField = z
  .string("Describe the picture for people who cannot see it.")
  .trim()
  .min(1, "Describe the picture for people who cannot see it.")
  .max(300, "Use at most 300 characters.");
const productId = z.coerce.number().int().min(1).max(INT4_MAX);

async function upload(file: File, alt: string, staffId: string): Promise<UploadState> {
  try {
    const row = await uploadPicture(getDb(), mediaStorage(), { file, alt, uploadedBy: staffId });
    const state: UploadState = { ok: true, message: "Picture uploaded.", media: { id: row.id, width: row.width, height: row.height, alt: row.alt, fileName: row.fileName } };
    return state;
  } catch (error) {
    if (error instanceof UploadError) return { ok: false, message: error.message, errors: { file: [error.message] } };
    throw error;
  }
}

function invalidate(change: PhotoChange, message: string): ActionState {
  if (!change.ok) return NOT_FOUND_ANSWER;
  // Listings showing the product's card carry its tag (tagListedProducts in lib/catalog/data.ts).
  revalidateTag(TAGS.product(change.slug), { expire: 0 });
  refresh();
  return { ok: true, message };
}

/** Adds a picture to the library (MediaPicker's "upload a new one"). */
export const uploadMedia = backOfficeAction({ roles: MARKETING_ROLES, scope: "none" }, z.object({ file: fileField, alt: altField }), async ({ file, alt }, user) =>
  upload(file, alt, user.id),
);

/** Uploads a picture and adds it as the product's last photo. */
export const uploadProductPhoto = backOfficeAction(
  { roles: MARKETING_ROLES, scope: "none" },
  z.object({ productId, file: fileField, alt: altField }),
  async ({ productId, file, alt }, user) => {
    const uploaded = await upload(file, alt, user.id);
    if (!uploaded.ok || !uploaded.media) return uploaded;
    return invalidate(await attachPhoto(getDb(), user.id, productId, uploaded.media.id, alt), "Photo added.");
  },
);

/** Adds a picture already in the library as the product's last photo. */
export const addLibraryPhoto = backOfficeAction(
  { roles: MARKETING_ROLES, scope: "none" },
  z.object({ productId, mediaId: z.string().regex(UUID_PATTERN, "Choose a picture."), alt: altField }),
  async ({ productId, mediaId, alt }, user) => invalidate(await attachPhoto(getDb(), user.id, productId, mediaId.toLowerCase(), alt), "Photo added."),
);

export const removeProductPhoto = backOfficeAction(
  { roles: MARKETING_ROLES, scope: "none" },
  z.object({ productId, imageId: z.coerce.number().int().min(1).max(INT4_MAX) }),
  async ({ productId, imageId }, user) => invalidate(await detachPhoto(getDb(), user.id, productId, imageId), "Photo removed."),
);

export const moveProductPhoto = backOfficeAction(
  { roles: MARKETING_ROLES, scope: "none" },
  z.object({ productId, imageId: z.coerce.number().int().min(1).max(INT4_MAX), direction: z.enum(["up", "down"]) }),
  async ({ productId, imageId, direction }, user) =>
    invalidate(await movePhoto(getDb(), user.id, productId, imageId, direction === "up" ? -1 : 1), direction === "up" ? "Photo moved up." : "Photo moved down."),
);
