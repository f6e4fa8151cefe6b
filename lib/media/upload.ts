// An uploaded picture, from the file to its stored widths and its `media` row: the format is read
// from the file's first bytes (never its name or declared type), the size and pixel count are
// capped, EXIF orientation is applied and every other piece of metadata (GPS, camera, comments)
// is dropped, and each width is written as WebP. No Next.js imports: actions and tests call it.
import { randomUUID } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import type { Database } from "@/db/client";
import { insertMedia } from "@/db/queries/media";
import { recordStaffAction } from "@/db/queries/staff-actions";
import type { Media } from "@/db/schema";
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from "./limits";
import { storedWidths } from "./sizes";
import type { MediaStorage } from "./storage";

export { MAX_UPLOAD_BYTES };
/** Larger than any camera's photo; a decompression bomb (a small file of huge pixel size) is refused. */
export const MAX_UPLOAD_PIXELS = 50_000_000;

export type SourceFormat = "jpeg" | "png" | "webp";

export const UPLOAD_MESSAGES = {
  svg: "SVG files are not accepted: upload a JPEG, PNG or WebP photo.",
  not_image: "This file is not a JPEG, PNG or WebP image.",
  too_large: TOO_LARGE_MESSAGE,
  too_many_pixels: "The picture is too large: at most 50 million pixels (for example 8000 × 6000).",
  empty: "Choose a picture to upload.",
  unreadable: "This picture could not be read: it may be damaged. Try exporting it again as JPEG.",
} as const;

export type UploadErrorCode = keyof typeof UPLOAD_MESSAGES;

export class UploadError extends Error {
  constructor(readonly code: UploadErrorCode) {
    super(UPLOAD_MESSAGES[code]);
    this.name = "UploadError";
  }
}

/** What the first bytes of a file say it is. */
export function sniffFormat(head: Uint8Array): SourceFormat | "svg" | null {
  const at = (offset: number, bytes: number[]) => bytes.every((b, i) => head[offset + i] === b);
  if (at(0, [0xff, 0xd8, 0xff])) return "jpeg";
  if (at(0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (at(0, [0x52, 0x49, 0x46, 0x46]) && at(8, [0x57, 0x45, 0x42, 0x50])) return "webp";
  // Text that opens an SVG document (after a byte-order mark, blanks, an XML declaration or comments).
  const text = new TextDecoder("utf-8", { fatal: false }).decode(head.subarray(0, 1024)).replace(/^\uFEFF/, "");
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE\s+svg[^>]*>\s*)?<svg[\s>]/i.test(text)) return "svg";
  return null;
}

/** A file as a form sends it (File); only what the pipeline reads. */
export type UploadedFile = Pick<Blob, "size" | "slice" | "arrayBuffer"> & { name?: string };

/** Checks size and format before reading the whole file; throws UploadError. */
export async function checkUpload(file: UploadedFile): Promise<SourceFormat> {
  if (file.size === 0) throw new UploadError("empty");
  if (file.size > MAX_UPLOAD_BYTES) throw new UploadError("too_large");
  const format = sniffFormat(new Uint8Array(await file.slice(0, 1024).arrayBuffer()));
  if (format === "svg") throw new UploadError("svg");
  if (!format) throw new UploadError("not_image");
  return format;
}

export type ProcessedPicture = {
  format: SourceFormat;
  /** After EXIF rotation. */
  width: number;
  height: number;
  files: { width: number; body: Buffer }[];
};

const decodeOptions = { limitInputPixels: MAX_UPLOAD_PIXELS, failOn: "error" as const, sequentialRead: true };

/** Resizes the picture to each stored width as WebP, rotated upright, with no metadata. */
export async function processPicture(bytes: Uint8Array, format: SourceFormat): Promise<ProcessedPicture> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new UploadError("unreadable");
  }
  if (meta.format !== format) throw new UploadError("not_image");
  if (!meta.width || !meta.height) throw new UploadError("unreadable");
  if (meta.width * meta.height > MAX_UPLOAD_PIXELS) throw new UploadError("too_many_pixels");
  // Orientations 5–8 turn the picture a quarter: its upright width is the stored height.
  const turned = (meta.orientation ?? 1) >= 5;
  const width = turned ? meta.height : meta.width;
  const height = turned ? meta.width : meta.height;
  try {
    const widths = storedWidths(width);
    // Decoded once, upright, at the widest stored width (as pixels, in sRGB, with no metadata);
    // each width is made from that, not from the original again.
    const upright = await sharp(bytes, decodeOptions)
      .rotate()
      .resize({ width: widths[widths.length - 1], withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raw = { raw: { width: upright.info.width, height: upright.info.height, channels: upright.info.channels } };
    const files = [];
    for (const target of widths) {
      // No .withMetadata()/.keepMetadata(): sharp writes none (EXIF, GPS, XMP).
      const body = await sharp(upright.data, raw).resize({ width: target, withoutEnlargement: true }).webp({ quality: 80 }).toBuffer();
      files.push({ width: target, body });
    }
    return { format, width, height, files };
  } catch {
    throw new UploadError("unreadable");
  }
}

export type UploadInput = { file: UploadedFile; alt: string; uploadedBy: string };

/**
 * Checks, processes and stores an upload, then records its `media` row and the audit entry in one
 * transaction (files of a failed transaction are deleted). Throws UploadError for a refused file.
 */
export async function uploadPicture(db: Database, storage: MediaStorage, input: UploadInput): Promise<Media> {
  const format = await checkUpload(input.file);
  const bytes = new Uint8Array(await input.file.arrayBuffer());
  // The declared size is what the client said: the bytes read are what counts.
  if (bytes.byteLength > MAX_UPLOAD_BYTES) throw new UploadError("too_large");
  const picture = await processPicture(bytes, format);
  const storageKey = randomUUID();
  const keys = picture.files.map((f) => `${storageKey}/${f.width}.webp`);
  try {
    await Promise.all(picture.files.map((f, i) => storage.put(keys[i], f.body, "image/webp")));
    return await db.transaction(async (tx) => {
      const row = await insertMedia(tx, {
        storageKey,
        width: picture.width,
        height: picture.height,
        widths: picture.files.map((f) => f.width),
        sourceFormat: format,
        sourceBytes: bytes.byteLength,
        alt: input.alt.trim(),
        fileName: cleanFileName(input.file.name),
        uploadedBy: input.uploadedBy,
      });
      await recordStaffAction(tx, { staffId: input.uploadedBy, action: "media.upload", data: { mediaId: row.id, fileName: row.fileName, width: row.width, height: row.height } });
      return row;
    });
  } catch (error) {
    await Promise.all(keys.map((key) => storage.delete(key).catch(() => undefined)));
    throw error;
  }
}

/** The file's name as shown in lists: its last path part, printable, at most 120 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? "").split(/[\\/]/).pop() ?? "";
  const printable = base.replace(/[\u0000-\u001f\u007f]/g, "").trim();
  return (printable || "picture").slice(0, 120);
}
