import { Link } from "@/components/layout/shop-link";
import type { Store } from "@/db/schema";
import { OpeningHoursList } from "@/components/catalog/opening-hours";

export function SiteFooter({ store }: { store: Store }) {
  return (
    <footer className="mt-16 border-t border-stone-200 bg-white [contain-intrinsic-size:auto_560px] [content-visibility:auto]">
      <div className="mx-auto grid max-w-7xl gap-8 px-4 py-10 text-sm text-stone-600 sm:grid-cols-3">
        <div>
          <p className="text-lg font-bold text-brand-700">Halles</p>
          <p className="mt-2">Fresh groceries from your local store, delivered to your door or ready to collect.</p>
        </div>
        <div>
          <p className="font-semibold text-stone-900">{store.name}</p>
          <address className="mt-2 not-italic">
            {store.street}
            <br />
            {store.postcode} {store.city}
          </address>
          <Link href="/stores" className="mt-2 inline-block text-brand-700 underline">
            All stores
          </Link>
        </div>
        <div>
          <p className="font-semibold text-stone-900">Opening hours</p>
          <OpeningHoursList hours={store.openingHours} />
        </div>
      </div>
      <p className="border-t border-stone-100 py-4 text-center text-xs text-stone-500">
        Prices include VAT. Halles is open-source software.
      </p>
    </footer>
  );
}
