// An uploaded picture's file at one width: /media/<id>/<width>.webp, as next/image's loader
// (lib/media/image-loader.ts) asks for it. The files never change (a new upload is a new id), so
// they are cached for a year; an unknown id or width is a 404.
import { getDb } from "@/db/client";
import { getMediaFiles } from "@/db/queries/media";
import { MEDIA_WIDTHS, servedWidth } from "@/lib/media/sizes";
import { mediaStorage } from "@/lib/media/storage";
import { UUID_PATTERN } from "@/lib/ids";

const notFound = () => new Response("Not found", { status: 404, headers: { "content-type": "text/plain", "cache-control": "no-store" } });

export async function GET(_request: Request, { params }: RouteContext<"/media/[id]/[file]">) {
  const { id, file } = await params;
  const wanted = Number(/^([1-9][0-9]{1,4})\.webp$/.exec(file)?.[1]);
  if (!UUID_PATTERN.test(id) || !MEDIA_WIDTHS.includes(wanted)) return notFound();
  const found = await getMediaFiles(getDb(), id.toLowerCase());
  if (!found) return notFound();
  const width = servedWidth(found.widths, wanted);
  const body = await mediaStorage().get(`${found.storageKey}/${width}.webp`);
  if (!body) return notFound();
  return new Response(body as Uint8Array<ArrayBuffer>, {
    headers: {
      "content-type": "image/webp",
      "content-length": String(body.byteLength),
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      // The stored file's width: the requested one, or the original's when it is narrower.
      "x-image-width": String(width),
    },
  });
}
