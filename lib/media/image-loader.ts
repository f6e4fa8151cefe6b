// next/image's loader (next.config.ts `images.loaderFile`): an uploaded picture ("/media/<id>") is
// served from its stored file of that width, which the upload produced in advance; any other
// source (seeded or generated images) is used as it is.
import { mediaFileUrl, mediaIdOf } from "./sizes";

export default function mediaLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  const id = mediaIdOf(src);
  return id ? mediaFileUrl(id, width) : src;
}
