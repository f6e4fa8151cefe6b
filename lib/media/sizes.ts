// The widths an uploaded picture is stored at, and the only widths next/image asks for (next.config.ts
// `images.deviceSizes` + `images.imageSizes`). Imported by next.config.ts, so it imports nothing.

/** Small widths: thumbnails (basket lines, the back office's lists) and product cards. */
export const IMAGE_SIZES = [128, 256, 384] as const;
/** Large widths: the product page and full-width content blocks. */
export const DEVICE_SIZES = [640, 960, 1280, 1920] as const;
/** Every stored width, ascending. */
export const MEDIA_WIDTHS: readonly number[] = [...IMAGE_SIZES, ...DEVICE_SIZES];

/** The path of an uploaded picture, without a width: what queries return as an image URL. */
export const MEDIA_PATH_PREFIX = "/media/";

/** The media id in "/media/<uuid>", or null for any other source (seeded or generated images). */
export function mediaIdOf(src: string): string | null {
  return /^\/media\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(src)?.[1] ?? null;
}

/** Whether an image address is an uploaded picture's (served at its stored widths through the loader). */
export function isMediaSrc(src: string): boolean {
  return mediaIdOf(src) !== null;
}

/** The file of one width: "/media/<id>/<width>.webp". */
export function mediaFileUrl(id: string, width: number): string {
  return `${MEDIA_PATH_PREFIX}${id}/${width}.webp`;
}

/** The widths stored for a picture `original` pixels wide: every configured width up to it, and at least the smallest. */
export function storedWidths(original: number): number[] {
  const fitting = MEDIA_WIDTHS.filter((w) => w <= original);
  return fitting.length > 0 ? fitting : [MEDIA_WIDTHS[0]];
}

/** The stored width that serves a request for `wanted`: the smallest at least as wide, else the widest. */
export function servedWidth(stored: readonly number[], wanted: number): number {
  return stored.find((w) => w >= wanted) ?? stored[stored.length - 1];
}
