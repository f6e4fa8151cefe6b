import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ContentBlocks } from "@/components/content/content-blocks";
import { PreviewBanner } from "@/components/content/preview-banner";
import { HOME_SLUG } from "@/db/queries/content";
import { requireStore } from "@/lib/catalog/data";
import { getPublishedPage } from "@/lib/content/data";
import { previewPage } from "@/lib/content/preview";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT, slug: "sample" }];
}

type Props = PageProps<"/at/[store]/l/[slug]">;

/** The published page, or for staff in draft mode its draft; the home page lives at "/". */
async function loadPage({ params }: Props) {
  const { store: segment, slug } = await params;
  const store = await requireStore(segment);
  if (slug === HOME_SLUG) notFound();
  const preview = await previewPage(store.id, slug);
  const page = preview ?? (await getPublishedPage(store.id, slug));
  if (!page) notFound();
  return { page, preview: preview !== null };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { page, preview } = await loadPage(props);
  return {
    title: page.title,
    description: page.description || undefined,
    alternates: { canonical: `/l/${page.slug}` },
    robots: preview ? { index: false, follow: false } : undefined,
  };
}

export default async function LandingPage(props: Props) {
  const { page, preview } = await loadPage(props);
  return (
    <>
      {preview && <PreviewBanner path={`/l/${page.slug}`} editHref="/admin/content" />}
      <ContentBlocks title={page.title} blocks={page.blocks} showTitle />
    </>
  );
}
