// The search page's body, for the cached route (popular queries, app/(storefront)/at/[store]/search)
// and the uncached one (rare queries, …/search-fresh): proxy.ts decides which serves a query.
import { Link } from "@/components/layout/shop-link";
import { ListingFilters, SortSelect } from "@/components/catalog/listing-filters";
import { ListingSummary } from "@/components/catalog/listing-summary";
import { SearchForm } from "@/components/catalog/search-form";
import { Pagination } from "@/components/catalog/pagination";
import { ProductGrid } from "@/components/product/product-card";
import type { Listing } from "@/db/queries/products";
import type { Store } from "@/db/schema";
import { serializeListingParams, type ListingParams, type Sort } from "@/lib/catalog/listing-params";

const SORTS: Sort[] = ["relevance", "price-asc", "price-desc", "unit-price-asc", "name-asc"];

export function SearchResultsPage({ store, listingParams, listing }: { store: Store; listingParams: ListingParams; listing: Listing | null }) {
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-extrabold">{listingParams.q ? <>Results for “{listingParams.q}”</> : "Search"}</h1>
      <SearchForm id="search-page-q" defaultValue={listingParams.q} placeholder="Try “bananas” or “greek yoghurt”" large className="max-w-xl" />
      {listing && listing.corrections.length > 0 && listing.total > 0 && (
        <p className="text-stone-700" data-testid="search-corrections">
          Including results for{" "}
          {listing.corrections.map((c, i) => (
            <span key={c.from}>
              {i > 0 && ", "}
              <strong>{c.to}</strong>
            </span>
          ))}
          .
        </p>
      )}
      {listing && (
        <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
          <aside aria-label="Filters">
            <ListingFilters action="/search" params={listingParams} facets={listing.facets} />
          </aside>
          <section aria-label="Search results" className="min-w-0">
            <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
              <ListingSummary listing={listing} storeName={store.name} />
              <SortSelect action="/search" params={listingParams} sorts={SORTS} />
            </div>
            {listing.items.length > 0 ? (
              <ProductGrid products={listing.items} label="Search results" />
            ) : (
              <div className="rounded-2xl bg-white p-8 text-center text-stone-600">
                <p>Nothing matches “{listingParams.q}”. Check the spelling or try a more general word.</p>
                <Link href="/" className="mt-3 inline-block text-brand-700 underline">
                  Browse the aisles
                </Link>
              </div>
            )}
            <Pagination page={listing.page} pageCount={listing.pageCount} hrefFor={(n) => `/search?${serializeListingParams(listingParams, { page: n })}`} />
          </section>
        </div>
      )}
    </div>
  );
}
