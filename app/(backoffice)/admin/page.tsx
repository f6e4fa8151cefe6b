import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Back office", robots: { index: false, follow: false } };

/** Placeholder until staff accounts arrive: the back office needs sign-in and roles first. */
export default function AdminHome() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-16">
      <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Halles back office</p>
      <h1 className="mt-2 text-3xl font-extrabold">Coming soon</h1>
      <p className="mt-3 text-stone-600">
        Order queues, picking lists, stock corrections and the catalog editor will live here once staff sign-in is in place.
      </p>
      <Link href="/" className="mt-6 inline-block text-brand-700 underline">
        Go to the storefront
      </Link>
    </main>
  );
}
