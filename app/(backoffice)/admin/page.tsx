import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listStores } from "@/db/queries/stores";
import { worksAtStore, type SessionUser } from "@/lib/auth/access";
import { ROLE_NAMES, StaffGate } from "./staff-gate";

export const metadata: Metadata = { title: "Back office" };

/** The back office's home: the stores an agent works in (admins: all), each with its orders and stock. Checks access itself. */
export default function AdminHome() {
  return (
    <Suspense fallback={null}>
      <StaffGate returnTo="/admin">
        {(user) => (
          <div className="mx-auto max-w-4xl px-4 py-8">
            <h1 className="text-3xl font-extrabold">Welcome, {user.name}</h1>
            <p className="mt-1 text-stone-700">
              You are signed in as <strong>{ROLE_NAMES[user.role]}</strong>.
            </p>
            {user.role === "marketing" ? <MarketingHome /> : <YourStores user={user} />}
            {user.role === "admin" && <MarketingHome />}
          </div>
        )}
      </StaffGate>
    </Suspense>
  );
}

/** Marketing's sections (admins see them too). */
const MARKETING_TOOLS = [
  { href: "/admin/catalog", title: "Catalog and prices", text: "Products, variants, store prices, scheduled price changes, categories.", open: "Open the catalog" },
  { href: "/admin/content", title: "Content pages", text: "The home page and landing pages: blocks, preview, publishing and history.", open: "Edit pages" },
  { href: "/admin/promotions", title: "Promotions", text: "Codes, multi-buys and category discounts.", open: "Open promotions" },
];

function MarketingHome() {
  return (
    <section aria-labelledby="marketing-heading" className="mt-6" data-testid="marketing-home">
      <h2 id="marketing-heading" className="text-xl font-bold">
        Marketing
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2">
        {MARKETING_TOOLS.map((tool) => (
          <li key={tool.href} className="rounded-xl border border-stone-200 bg-white p-4">
            <h3 className="text-lg font-bold">{tool.title}</h3>
            <p className="text-sm text-stone-600">{tool.text}</p>
            <Link href={tool.href} className="mt-3 inline-block rounded-full bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {tool.open}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

async function YourStores({ user }: { user: SessionUser }) {
  const stores = (await listStores(getDb())).filter((store) => worksAtStore(user, store.id));
  if (stores.length === 0) return <p className="mt-4 text-stone-700">You are not assigned to a store yet. Ask an administrator to add you to yours.</p>;
  return (
    <section aria-labelledby="stores-heading" className="mt-6">
      <h2 id="stores-heading" className="text-xl font-bold">
        {user.role === "admin" ? "All stores" : "Your stores"}
      </h2>
      <ul className="mt-3 grid gap-3 sm:grid-cols-2" data-testid="your-stores">
        {stores.map((store) => (
          <li key={store.id} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="store-card">
            <h3 className="text-lg font-bold">{store.name}</h3>
            <p className="text-sm text-stone-600">
              {store.street}, {store.postcode} {store.city}
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <Link href={`/admin/stores/${store.slug}/orders`} className="rounded-full bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                Orders<span className="sr-only"> at {store.name}</span>
              </Link>
              <Link href={`/admin/stores/${store.slug}/stock`} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
                Stock<span className="sr-only"> at {store.name}</span>
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
