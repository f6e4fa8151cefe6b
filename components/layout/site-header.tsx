import { Link } from "@/components/layout/shop-link";
import type { CategoryNode } from "@/db/queries/categories";
import type { Store } from "@/db/schema";
import { BasketButton } from "@/components/basket/basket-button";
import { CarrotIcon, MapPinIcon, UserRoundIcon } from "@/components/layout/icons";
import { SearchForm } from "@/components/catalog/search-form";

export function SiteHeader({ store, categories }: { store: Store; categories: CategoryNode[] }) {
  return (
    <header className="sticky top-0 z-20 border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-1.5 text-2xl font-extrabold tracking-tight text-brand-700">
          <CarrotIcon className="size-7" strokeWidth={2.25} /> Halles
        </Link>
        <SearchForm id="site-search" placeholder="Search fruit, cheese, pasta…" className="order-3 w-full sm:order-none sm:w-auto sm:flex-1" />
        <Link
          href="/stores"
          className="ml-auto flex items-center gap-2 rounded-full border border-stone-200 px-3 py-1.5 text-sm hover:border-brand-600 sm:ml-0"
        >
          <MapPinIcon className="size-4 text-brand-700" />
          <span className="sr-only">Your store:</span>
          <span className="font-medium">{store.name.replace(/^Halles /, "")}</span>
          <span className="text-brand-700 underline">Change</span>
        </Link>
        {/* The same link for everyone, so that the header stays cacheable; /account sends visitors to sign in. */}
        <Link href="/account" className="flex items-center gap-1.5 rounded-full border border-stone-200 px-3 py-1.5 text-sm font-medium hover:border-brand-600">
          <UserRoundIcon className="size-4" /> Account
        </Link>
        <BasketButton />
      </div>
      <nav aria-label="Categories" className="border-t border-stone-100">
        <ul className="mx-auto flex max-w-7xl gap-1 overflow-x-auto px-2 py-1.5 text-sm whitespace-nowrap">
          {categories.map((c) => (
            <li key={c.id}>
              <Link href={`/c/${c.slug}`} className="block rounded-full px-3 py-1.5 hover:bg-brand-50 hover:text-brand-800">
                {c.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
