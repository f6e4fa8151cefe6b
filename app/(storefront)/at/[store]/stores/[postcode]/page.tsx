import type { Metadata } from "next";
import { OpeningHoursList } from "@/components/catalog/opening-hours";
import { getStores, getStoresDeliveringTo, requireStore } from "@/lib/catalog/data";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { ChooseStoreButton } from "./choose-store-button";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT, postcode: "-" }];
}

export const metadata: Metadata = { title: "Choose your store", alternates: { canonical: "/stores" } };

export default async function StoresPage({ params }: PageProps<"/at/[store]/stores/[postcode]">) {
  const { store: segment, postcode: raw } = await params;
  const postcode = raw === "-" ? "" : raw;
  const current = await requireStore(segment);
  const [stores, delivering] = await Promise.all([
    getStores(),
    postcode ? getStoresDeliveringTo(postcode) : Promise.resolve(null),
  ]);
  const shown = delivering ?? stores;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <h1 className="text-3xl font-extrabold">Choose your store</h1>
        <p className="mt-1 text-stone-600">Prices and availability follow the store you choose. You are shopping at {current.name}.</p>
      </header>
      <form action="/stores" method="get" className="flex max-w-md items-end gap-2">
        <div className="flex-1">
          <label htmlFor="postcode" className="block text-sm font-medium">
            Find the store that delivers to your postcode
          </label>
          <input id="postcode" name="postcode" defaultValue={postcode} inputMode="numeric" autoComplete="postal-code" maxLength={10} placeholder="e.g. 69003" className="mt-1 w-full rounded-lg border border-stone-300 px-3 py-2" />
        </div>
        <button type="submit" className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Find
        </button>
      </form>
      {delivering && (
        <p role="status" className="text-stone-700">
          {delivering.length === 0
            ? `No store delivers to ${postcode} yet. You can still choose a store for click & collect.`
            : `${delivering.length} store${delivering.length === 1 ? " delivers" : "s deliver"} to ${postcode}.`}
        </p>
      )}
      <ul className="space-y-4" aria-label="Stores">
        {(shown.length > 0 ? shown : stores).map((s) => (
          <li key={s.id} className="rounded-2xl border border-stone-200 bg-white p-5">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h2 className="text-lg font-bold">{s.name}</h2>
                <address className="text-stone-600 not-italic">
                  {s.street}, {s.postcode} {s.city}
                </address>
                <p className="mt-1 text-sm text-stone-600">
                  {[s.offersDelivery && "Home delivery", s.offersCollection && "Click & collect"].filter(Boolean).join(" · ")}
                </p>
              </div>
              {s.id === current.id ? (
                <span className="rounded-full bg-brand-50 px-3 py-1.5 text-sm font-semibold text-brand-800">Your store</span>
              ) : (
                <ChooseStoreButton slug={s.slug} name={s.name} />
              )}
            </div>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer text-brand-700">Opening hours</summary>
              <OpeningHoursList hours={s.openingHours} />
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}
