import type { Metadata } from "next";
import { SearchResultsPage } from "@/components/catalog/search-results-page";
import { getSearchListing, requireStore } from "@/lib/catalog/data";
import { decodeListingSegment } from "@/lib/catalog/listing-params";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

// Popular searches only: proxy.ts sends a query here once it has been asked a few times, so the
// page cache holds what shoppers search for, not every string a crawler tries (…/search-fresh).
export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT, query: "-" }];
}

export async function generateMetadata({ params }: PageProps<"/at/[store]/search/[query]">): Promise<Metadata> {
  const { store, query } = await params;
  await requireStore(store);
  const { q } = decodeListingSegment(query);
  return { title: q ? `Search: ${q}` : "Search", robots: { index: false, follow: true }, alternates: { canonical: "/search" } };
}

export default async function SearchPage({ params }: PageProps<"/at/[store]/search/[query]">) {
  const { store: segment, query } = await params;
  const store = await requireStore(segment);
  const listingParams = decodeListingSegment(query);
  const listing = listingParams.q ? await getSearchListing(store.id, listingParams) : null;
  return <SearchResultsPage store={store} listingParams={listingParams} listing={listing} />;
}
