// An uploaded picture: the loader (lib/media/image-loader.ts) points each srcset entry at the file
// stored for that width, so the browser picks from files made at upload. A server component: a
// plain img with next/image's attributes (getImageProps), so that no image component is shipped
// to the browser and hydrated; the top picture is preloaded with React's preload() instead.
import { getImageProps, type ImageProps } from "next/image";
import { preload } from "react-dom";
import { isMediaSrc, MEDIA_PATH_PREFIX } from "@/lib/media/sizes";

export type MediaImageProps = {
  media: { id: string; width: number; height: number; alt: string };
  /** How wide the picture is shown, as the `sizes` attribute says it ("(min-width: 768px) 50vw, 100vw"). */
  sizes: string;
  /** For the picture at the top of a page (the largest contentful paint): preloaded, fetched first, not lazy. */
  priority?: boolean;
  className?: string;
};

export function MediaImage({ media, sizes, priority = false, className }: MediaImageProps) {
  return <Img src={`${MEDIA_PATH_PREFIX}${media.id}`} alt={media.alt} width={media.width} height={media.height} sizes={sizes} priority={priority} className={className} />;
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
  return <Img src={src} alt={alt} width={width} height={height} sizes={uploaded ? sizes : undefined} unoptimized={!uploaded} priority={priority} className={className} />;
}

function Img({ priority, ...image }: Omit<ImageProps, "loading" | "preload" | "fetchPriority"> & { src: string; alt: string; priority: boolean }) {
  const { props } = getImageProps({ ...image, loading: priority ? "eager" : "lazy", fetchPriority: priority ? "high" : undefined });
  if (priority) preload(props.src, { as: "image", imageSrcSet: props.srcSet, imageSizes: props.sizes, fetchPriority: "high" });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text
  return <img {...props} />;
}
