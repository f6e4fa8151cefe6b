import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { SearchResultsPage } from "@/components/catalog/search-results-page";
import { ShowStreamedContentWithoutJs } from "@/components/layout/show-streamed-content";
import { getDb } from "@/db/client";
import { listProducts } from "@/db/queries/products";
import { requireStore } from "@/lib/catalog/data";
import { parseListingParams } from "@/lib/catalog/listing-params";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

// Rare searches (proxy.ts): rendered for each request and never stored, so that a flood of
// one-off queries cannot fill the page cache or push popular pages out of it.
export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true }, alternates: { canonical: "/search" } };

export default function FreshSearchPage({ params, searchParams }: PageProps<"/at/[store]/search-fresh">) {
  return (
    <>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Searching…</p>}>
        <FreshResults params={params} searchParams={searchParams} />
      </Suspense>
      <ShowStreamedContentWithoutJs />
    </>
  );
}

async function FreshResults({ params, searchParams }: Pick<PageProps<"/at/[store]/search-fresh">, "params" | "searchParams">) {
  await connection();
  const store = await requireStore((await params).store);
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(await searchParams)) for (const v of [value ?? []].flat()) query.append(key, v);
  const listingParams = parseListingParams(query);
  const listing = listingParams.q ? await listProducts(getDb(), { storeId: store.id, params: listingParams }) : null;
  return <SearchResultsPage store={store} listingParams={listingParams} listing={listing} />;
}
