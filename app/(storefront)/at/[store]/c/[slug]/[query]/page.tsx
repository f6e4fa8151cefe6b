import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { notFound } from "next/navigation";
import { CategoryIcon } from "@/components/catalog/category-icon";
import { Breadcrumbs } from "@/components/catalog/breadcrumbs";
import { ListingFilters, SortSelect } from "@/components/catalog/listing-filters";
import { ListingSummary } from "@/components/catalog/listing-summary";
import { Pagination } from "@/components/catalog/pagination";
import { ProductGrid } from "@/components/product/product-card";
import { getCategory, getCategoryListing, requireStore } from "@/lib/catalog/data";
import { decodeListingSegment, serializeListingParams, type Sort } from "@/lib/catalog/listing-params";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

const SORTS: Sort[] = ["featured", "price-asc", "price-desc", "unit-price-asc", "name-asc"];

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT, slug: "fruit", query: "-" }];
}

export async function generateMetadata({ params }: PageProps<"/at/[store]/c/[slug]/[query]">): Promise<Metadata> {
  const { store, slug, query } = await params;
  await requireStore(store);
  const found = await getCategory(slug);
  if (!found) notFound();
  const { page } = decodeListingSegment(query);
  return {
    title: found.category.name,
    description: found.category.description || `Shop ${found.category.name} at Halles.`,
    alternates: { canonical: `/c/${slug}${page > 1 ? `?page=${page}` : ""}` },
  };
}

export default async function CategoryPage({ params }: PageProps<"/at/[store]/c/[slug]/[query]">) {
  const { store: segment, slug, query } = await params;
  const store = await requireStore(segment);
  const listingParams = decodeListingSegment(query);
  const result = await getCategoryListing(store.id, slug, listingParams);
  if (!result) notFound();
  const { category, trail, listing } = result;
  const path = `/c/${slug}`;
  const href = (qs: string) => (qs ? `${path}?${qs}` : path);

  return (
    <div className="space-y-5">
      <Breadcrumbs items={[{ name: "Home", href: "/" }, ...trail.map((c) => ({ name: c.name, href: `/c/${c.slug}` }))]} />
      <header>
        <h1 className="text-3xl font-extrabold">{category.name}</h1>
        {category.description && <p className="mt-1 text-stone-600">{category.description}</p>}
      </header>
      {category.children.length > 0 && (
        <nav aria-label={`Inside ${category.name}`}>
          <ul className="flex flex-wrap gap-2">
            {category.children.map((c) => (
              <li key={c.id}>
                <Link href={`/c/${c.slug}`} className="flex items-center gap-1.5 rounded-full border border-stone-200 bg-white px-3 py-1.5 text-sm font-medium hover:border-brand-600">
                  <CategoryIcon emoji={c.icon} className="size-5" /> {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <aside aria-label="Filters">
          <ListingFilters action={path} params={listingParams} facets={listing.facets} />
        </aside>
        <section aria-label="Products" className="min-w-0">
          <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
            <ListingSummary listing={listing} storeName={store.name} />
            <SortSelect action={path} params={listingParams} sorts={SORTS} />
          </div>
          {listing.items.length > 0 ? (
            <ProductGrid products={listing.items} label={`${category.name} products`} />
          ) : (
            <p className="rounded-2xl bg-white p-8 text-center text-stone-600">
              No products match these filters. <Link href={path} className="text-brand-700 underline">Clear all filters</Link>
            </p>
          )}
          <Pagination page={listing.page} pageCount={listing.pageCount} hrefFor={(n) => href(serializeListingParams(listingParams, { page: n }))} />
        </section>
      </div>
    </div>
  );
}
