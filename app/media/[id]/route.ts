// An uploaded picture without a width ("/media/<id>", what product queries return as its URL, used
// in Open Graph tags and structured data): its 1280-pixel file, or its widest when narrower.
import { getDb } from "@/db/client";
import { getMediaFiles } from "@/db/queries/media";
import { mediaFileUrl, servedWidth } from "@/lib/media/sizes";
import { UUID_PATTERN } from "@/lib/ids";

export async function GET(request: Request, { params }: RouteContext<"/media/[id]">) {
  const { id } = await params;
  const found = UUID_PATTERN.test(id) ? await getMediaFiles(getDb(), id.toLowerCase()) : null;
  if (!found) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain", "cache-control": "no-store" } });
  const target = new URL(mediaFileUrl(id.toLowerCase(), servedWidth(found.widths, 1280)), request.url);
  return new Response(null, { status: 308, headers: { location: target.pathname, "cache-control": "public, max-age=31536000, immutable" } });
}
