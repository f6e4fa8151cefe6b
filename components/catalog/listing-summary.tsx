import type { Listing } from "@/db/queries/products";

export function ListingSummary({ listing, storeName }: { listing: Listing; storeName: string }) {
  const first = (listing.page - 1) * listing.pageSize + 1;
  const last = Math.min(listing.total, listing.page * listing.pageSize);
  return (
    <p className="text-sm text-stone-600" role="status">
      {listing.total === 0
        ? "No products found"
        : `${first}–${last} of ${listing.total} product${listing.total === 1 ? "" : "s"}`}{" "}
      · prices at {storeName}
    </p>
  );
}
