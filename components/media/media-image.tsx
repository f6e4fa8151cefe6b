// An uploaded picture, through next/image: the loader (lib/media/image-loader.ts) points each srcset
// entry at the file stored for that width, so the browser picks from files made at upload.
import Image from "next/image";
import { isMediaSrc, MEDIA_PATH_PREFIX } from "@/lib/media/sizes";

export type MediaImageProps = {
  media: { id: string; width: number; height: number; alt: string };
  /** How wide the picture is shown, as the `sizes` attribute says it ("(min-width: 768px) 50vw, 100vw"). */
  sizes: string;
  /** For the picture at the top of a page (the largest contentful paint): preloaded, not lazy. */
  priority?: boolean;
  className?: string;
};

export function MediaImage({ media, sizes, priority = false, className }: MediaImageProps) {
  return (
    <Image
      src={`${MEDIA_PATH_PREFIX}${media.id}`}
      alt={media.alt}
      width={media.width}
      height={media.height}
      sizes={sizes}
      preload={priority}
      loading={priority ? "eager" : "lazy"}
      className={className}
    />
  );
}

/**
 * A picture given by its address, as product queries return it: an uploaded one ("/media/<id>")
 * through the loader with `sizes`, any other (seeded or generated SVG) as it is.
 */
export function PictureByUrl({
  src,
  alt,
  width,
  height,
  sizes,
  priority = false,
  className,
}: { src: string; alt: string; width: number; height: number; sizes: string; priority?: boolean; className?: string }) {
  const uploaded = isMediaSrc(src);
  return (
    <Image
      src={src}
      alt={alt}
      width={width}
      height={height}
      sizes={uploaded ? sizes : undefined}
      unoptimized={!uploaded}
      preload={priority}
      loading={priority ? "eager" : "lazy"}
      className={className}
    />
  );
}
