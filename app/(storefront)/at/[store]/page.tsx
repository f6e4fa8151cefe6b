import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { CategoryTiles } from "@/components/catalog/category-tiles";
import { ContentBlocks } from "@/components/content/content-blocks";
import { PreviewBanner } from "@/components/content/preview-banner";
import { ProductGrid } from "@/components/product/product-card";
import { HOME_SLUG } from "@/db/queries/content";
import { getCategories, getFeaturedProducts, requireStore } from "@/lib/catalog/data";
import { getPublishedPage } from "@/lib/content/data";
import { previewPage } from "@/lib/content/preview";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { alternates: { canonical: "/" } };

/** The published home page's blocks (the draft for staff in preview), then the aisles; the built-in layout when there is none. */
export default async function HomePage({ params }: PageProps<"/at/[store]">) {
  const store = await requireStore((await params).store);
  const preview = await previewPage(store.id, HOME_SLUG);
  const [categories, content] = await Promise.all([getCategories(), preview ?? getPublishedPage(store.id, HOME_SLUG)]);
  if (!content) return <BuiltInHome storeName={store.name} storeId={store.id} categories={categories} />;
  return (
    <div className="space-y-10">
      {preview && <PreviewBanner path="/" editHref="/admin/content" />}
      <ContentBlocks title={content.title} blocks={content.blocks} kicker={store.name} />
      <Aisles categories={categories} />
    </div>
  );
}

type Categories = Awaited<ReturnType<typeof getCategories>>;

function Aisles({ categories }: { categories: Categories }) {
  return (
    <section aria-labelledby="aisles">
      <h2 id="aisles" className="mb-4 text-2xl font-bold">
        Shop by aisle
      </h2>
      <CategoryTiles categories={categories} label="Aisles" />
    </section>
  );
}

/** The home page before marketing has published one. */
async function BuiltInHome({ storeName, storeId, categories }: { storeName: string; storeId: number; categories: Categories }) {
  const featured = await getFeaturedProducts(storeId);
  return (
    <div className="space-y-10">
      <section className="overflow-hidden rounded-3xl bg-gradient-to-br from-brand-700 to-brand-800 px-6 py-10 text-white sm:px-10">
        <p className="text-sm font-semibold tracking-wide text-brand-100 uppercase">{storeName}</p>
        <h1 className="mt-2 max-w-2xl text-3xl font-extrabold sm:text-4xl">Fresh groceries, delivered to your door or ready to collect.</h1>
        <p className="mt-3 max-w-xl text-brand-50">
          Fruit and vegetables by weight, cheese and meat from the counter, and everything for the pantry — at your store’s prices.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href={`/c/${categories[0]?.slug ?? ""}`} className="rounded-full bg-white px-5 py-2.5 font-semibold text-brand-800 hover:bg-brand-50">
            Start shopping
          </Link>
          <Link href="/stores" className="rounded-full border border-white/60 px-5 py-2.5 font-semibold hover:bg-white/10">
            Change store
          </Link>
        </div>
      </section>
      <Aisles categories={categories} />
      <section aria-labelledby="featured">
        <h2 id="featured" className="mb-4 text-2xl font-bold">
          This week’s picks
        </h2>
        <ProductGrid products={featured} label="Featured products" />
      </section>
    </div>
  );
}
