import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { primaryButton } from "@/components/account/form-field";
import { getDb } from "@/db/client";
import { flattenTree, listAdminProducts, listCategoryRows, listPendingPriceChanges } from "@/db/queries/catalog-admin";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { formatCents, formatPrice } from "@/lib/catalog/pricing";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffGate } from "../staff-gate";

export const metadata: Metadata = { title: "Catalog" };

type Props = PageProps<"/admin/catalog">;

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() ?? "";

/** The catalog for marketing and admins: products by name, SKU or EAN, category, active or archived; paged. */
export default function CatalogPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading the catalog…</p>}>
        <StaffGate returnTo="/admin/catalog" roles={MARKETING_ROLES}>
          {() => <ProductList searchParams={searchParams} />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function ProductList({ searchParams }: { searchParams: Props["searchParams"] }) {
  const query = await searchParams;
  const q = one(query.q).slice(0, 100);
  const category = /^\d{1,9}$/.test(one(query.category)) ? Number(one(query.category)) : undefined;
  const archived = one(query.archived) === "1";
  const page = /^\d{1,6}$/.test(one(query.page)) ? Math.max(1, Number(one(query.page))) : 1;
  const db = getDb();
  const [list, rows, pending] = await Promise.all([listAdminProducts(db, { q, categoryId: category, archived, page }), listCategoryRows(db), listPendingPriceChanges(db)]);
  const tree = flattenTree(rows);
  const pageHref = (n: number) => `/admin/catalog?${new URLSearchParams({ ...(q ? { q } : {}), ...(category ? { category: String(category) } : {}), ...(archived ? { archived: "1" } : {}), page: String(n) })}`;
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-extrabold">Catalog</h1>
        <div className="flex flex-wrap gap-2">
          <Link href="/admin/catalog/categories" className="rounded-full border border-stone-300 bg-white px-5 py-2.5 font-semibold hover:bg-stone-100">
            Categories
          </Link>
          <Link href="/admin/catalog/import" className="rounded-full border border-stone-300 bg-white px-5 py-2.5 font-semibold hover:bg-stone-100">
            CSV export and import
          </Link>
          <Link href="/admin/catalog/products/new" className={primaryButton}>
            New product
          </Link>
        </div>
      </div>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" role="search" aria-label="Find products">
        <div>
          <label htmlFor="catalog-q" className="block text-sm font-medium text-stone-800">
            Name, SKU or EAN
          </label>
          <input id="catalog-q" name="q" type="search" defaultValue={q} maxLength={100} className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2" />
        </div>
        <div>
          <label htmlFor="catalog-category" className="block text-sm font-medium text-stone-800">
            Category
          </label>
          <select id="catalog-category" name="category" defaultValue={category ? String(category) : ""} className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2">
            <option value="">All categories</option>
            {tree.map((c) => (
              <option key={c.id} value={c.id}>
                {"\u00a0\u00a0".repeat(c.depth)}
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <label className="flex items-center gap-2 pb-2">
          <input type="checkbox" name="archived" value="1" defaultChecked={archived} className="size-5" />
          Archived products
        </label>
        <button type="submit" className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
          Search
        </button>
      </form>
      <p className="mt-3 text-sm text-stone-700" data-testid="catalog-count">
        {list.total} {archived ? "archived " : ""}product{list.total === 1 ? "" : "s"}
      </p>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Products table">
        <table className="w-full border-collapse bg-white text-left" data-testid="catalog-table">
          <caption className="sr-only">Products</caption>
          <thead>
            <tr className="border-b border-stone-300 text-sm text-stone-700">
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">Brand</th>
              <th scope="col" className="p-2">Category</th>
              <th scope="col" className="p-2">Variants</th>
              <th scope="col" className="p-2">National price</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((p) => (
              <tr key={p.id} className="border-b border-stone-200" data-testid="catalog-row">
                <td className="p-2">
                  <Link href={`/admin/catalog/products/${p.id}`} className="font-semibold text-brand-700 underline">
                    {p.name}
                  </Link>
                </td>
                <td className="p-2">{p.brand ?? "—"}</td>
                <td className="p-2">{p.category}</td>
                <td className="p-2">{p.variants}</td>
                <td className="p-2">
                  {p.priceCents !== null && p.sellingMode ? formatPrice({ priceCents: p.priceCents, sellingMode: p.sellingMode, netQuantity: null, unitPriceBasis: "kg" }) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.pageCount > 1 && (
        <nav aria-label="Pages" className="mt-4 flex items-center gap-3">
          {list.page > 1 && (
            <Link href={pageHref(list.page - 1)} className="text-brand-700 underline">
              Previous
            </Link>
          )}
          <span>
            Page {list.page} of {list.pageCount}
          </span>
          {list.page < list.pageCount && (
            <Link href={pageHref(list.page + 1)} className="text-brand-700 underline">
              Next
            </Link>
          )}
        </nav>
      )}
      <section aria-labelledby="pending-heading" className="mt-8 border-t border-stone-200 pt-6">
        <h2 id="pending-heading" className="text-xl font-bold">
          Scheduled price changes
        </h2>
        {pending.length === 0 ? (
          <p className="mt-1 text-stone-700">None pending. Schedule one from a product&rsquo;s page.</p>
        ) : (
          <ul className="mt-3 space-y-1" data-testid="all-pending-changes">
            {pending.map((c) => (
              <li key={c.id}>
                {formatDateTime(c.effectiveAt)}:{" "}
                <Link href={`/admin/catalog/products/${c.productId}`} className="font-semibold text-brand-700 underline">
                  {c.productName}
                </Link>{" "}
                ({c.sku}) to {formatCents(c.priceCents)}, {c.storeName ?? "national price"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
