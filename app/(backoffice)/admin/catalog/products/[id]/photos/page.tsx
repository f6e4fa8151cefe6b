import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { MediaImage } from "@/components/media/media-image";
import { getDb } from "@/db/client";
import { findProductForPhotos, listMedia, listProductPhotos } from "@/db/queries/media";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { pageAccess } from "@/lib/backoffice/pages";
import { isIntId } from "@/lib/ids";
import { TOO_LARGE_PARAM } from "@/lib/media/limits";
import { StaffOnly } from "../../../../staff-gate";
import { LibraryPhotoForm, PhotoActions, UploadPhotoForm } from "./photos-client";

type Props = PageProps<"/admin/catalog/products/[id]/photos">;

/** Marketing and admins; an unknown product is a 404. Called first by generateMetadata. */
const loadProduct = cache((id: string) =>
  pageAccess(MARKETING_ROLES, `/admin/catalog/products/${id}/photos`, async () => {
    const product = /^\d{1,10}$/.test(id) && isIntId(Number(id)) ? await findProductForPhotos(getDb(), Number(id)) : null;
    return product ? { product } : null;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await loadProduct((await params).id);
  return { title: access.allowed ? `Photos · ${access.product.name}` : "Staff only" };
}

/** A product's photos: upload one (with its description), add one from the library, reorder, remove. */
export default function ProductPhotosPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <ProductPhotos params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function ProductPhotos({ params, searchParams }: Props) {
  const access = await loadProduct((await params).id);
  if (!access.allowed) return <StaffOnly />;
  const { product } = access;
  const [photos, library, query] = await Promise.all([listProductPhotos(getDb(), product.id), listMedia(getDb(), { limit: 18 }), searchParams]);
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/admin/catalog/products/${product.id}`} className="text-brand-700 underline">
          {product.name}
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-extrabold">Photos</h1>
      <p className="mt-1 text-stone-700">
        The first photo is the one shop listings show.{" "}
        {product.active && (
          <Link href={`/p/${product.slug}`} className="text-brand-700 underline">
            See the product in the shop
          </Link>
        )}
      </p>

      <section aria-labelledby="current-heading" className="mt-6">
        <h2 id="current-heading" className="text-xl font-bold">
          {photos.length === 0 ? "No photo yet" : `${photos.length} ${photos.length === 1 ? "photo" : "photos"}`}
        </h2>
        {photos.length === 0 ? (
          <p className="mt-2 text-stone-700">Until it has one, the shop shows an illustration of its aisle.</p>
        ) : (
          <ol className="mt-3 divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white" data-testid="product-photos">
            {photos.map((photo, index) => (
              <li key={photo.id} className="flex flex-wrap items-center gap-4 p-3">
                <div className="size-24 shrink-0 overflow-hidden rounded-xl bg-stone-100">
                  {photo.media ? (
                    <MediaImage media={photo.media} sizes="96px" className="size-full object-cover" />
                  ) : (
                    // eslint-disable-next-line @next/next/no-img-element
                    <img src={photo.url ?? ""} alt={photo.alt} width={96} height={96} className="size-full object-cover" />
                  )}
                </div>
                <div className="min-w-0 flex-1">
                  <p className="font-medium">
                    {index + 1}. {photo.alt}
                  </p>
                  <p className="text-sm text-stone-600">{photo.media ? `${photo.media.width} × ${photo.media.height} pixels` : "Demo picture"}</p>
                </div>
                <PhotoActions productId={product.id} imageId={photo.id} alt={photo.alt} first={index === 0} last={index === photos.length - 1} />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="upload-heading" className="mt-8">
        <h2 id="upload-heading" className="text-xl font-bold">
          Upload a photo
        </h2>
        <UploadPhotoForm productId={product.id} tooLarge={query[TOO_LARGE_PARAM] === "too-large"} />
      </section>

      {library.length > 0 && (
        <section aria-labelledby="library-heading" className="mt-8">
          <h2 id="library-heading" className="text-xl font-bold">
            Or use a picture already uploaded
          </h2>
          <LibraryPhotoForm productId={product.id} library={library.map(({ id, width, height, alt, fileName }) => ({ id, width, height, alt, fileName }))} />
        </section>
      )}
    </>
  );
}
