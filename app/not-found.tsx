import { ShoppingBasketIcon } from "@/components/layout/icons";
import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto flex max-w-xl flex-col items-center px-4 py-24 text-center">
      <ShoppingBasketIcon className="size-16 text-brand-700" strokeWidth={1.5} />
      <h1 className="mt-6 text-3xl font-bold">We couldn’t find that page</h1>
      <p className="mt-3 text-stone-600">The product or aisle you are looking for may have moved or is no longer sold.</p>
      <div className="mt-8 flex gap-3">
        <Link href="/" className="rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
          Back to the shop
        </Link>
        <Link href="/search" className="rounded-full border border-stone-300 bg-white px-5 py-2.5 font-semibold hover:bg-stone-100">
          Search products
        </Link>
      </div>
    </main>
  );
}
