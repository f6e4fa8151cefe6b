import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listRecentCorrections, listStoreStock, LOW_STOCK_GRAMS, LOW_STOCK_ITEMS, STOCK_PAGE_SIZE, type StockCorrectionEntry, type StoreStockRow } from "@/db/queries/stock-corrections";
import { formatGrams, formatQuantity } from "@/lib/basket/pricing";
import { storePageAccess } from "@/lib/backoffice/pages";
import { describeReason } from "@/lib/backoffice/stock-reasons";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffOnly } from "../../../staff-gate";
import { StockCorrectionForm } from "./stock-client";

type Props = PageProps<"/admin/stores/[store]/stock">;

const access = (slug: string) => storePageAccess(slug, `/admin/stores/${slug}/stock`);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await access((await params).store);
  return { title: found.allowed ? `Stock · ${found.store.name}` : "Staff only" };
}

/** A store's stock for its agents and admins: search, low stock, corrections with a reason. */
export default function StockPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading stock…</p>}>
        <Stock params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

async function Stock({ params, searchParams }: Props) {
  const found = await access((await params).store);
  if (!found.allowed) return <StaffOnly />;
  const { store } = found;
  const query = await searchParams;
  const search = one(query.q).trim().slice(0, 100);
  const lowStock = one(query.low) === "1";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(one(query.page), 10) || 1));
  const { rows, total } = await listStoreStock(getDb(), store.id, { search, lowStock, page });
  const corrections = await listRecentCorrections(getDb(), store.id, rows.map((r) => r.variantId));
  const pages = Math.max(1, Math.ceil(total / STOCK_PAGE_SIZE));
  const pageHref = (n: number) => `/admin/stores/${store.slug}/stock?${new URLSearchParams({ ...(search ? { q: search } : {}), ...(lowStock ? { low: "1" } : {}), page: String(n) })}`;
  return (
    <>
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin" className="text-brand-700 underline">
          Stores
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-extrabold">Stock at {store.name}</h1>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Search the stock">
        <div>
          <label htmlFor="stock-q" className="block text-sm font-medium text-stone-800">
            Product, SKU or EAN
          </label>
          <input id="stock-q" name="q" type="search" defaultValue={search} maxLength={100} className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2" />
        </div>
        <label className="flex items-center gap-2 py-2">
          <input type="checkbox" name="low" value="1" defaultChecked={lowStock} className="size-5" />
          Low stock only (under {LOW_STOCK_ITEMS} items or {formatGrams(LOW_STOCK_GRAMS)} available)
        </label>
        <button type="submit" className="rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
          Search
        </button>
      </form>
      <p className="mt-3 text-sm text-stone-600" data-testid="stock-count">
        {total} {total === 1 ? "variant" : "variants"}
        {pages > 1 ? ` · page ${page} of ${pages}` : ""}. Available = quantity − reserved by unpaid orders.
      </p>
      <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Stock table">
        <table className="w-full border-collapse bg-white text-left text-sm" data-testid="stock-table">
          <caption className="sr-only">Stock at {store.name}</caption>
          <thead>
            <tr className="border-b border-stone-300 text-stone-700">
              <th scope="col" className="p-2">Product</th>
              <th scope="col" className="p-2">Size</th>
              <th scope="col" className="p-2">SKU</th>
              <th scope="col" className="p-2">EAN</th>
              <th scope="col" className="p-2 text-right">Quantity</th>
              <th scope="col" className="p-2 text-right">Reserved</th>
              <th scope="col" className="p-2 text-right">Available</th>
            </tr>
          </thead>
          {rows.map((row) => (
            <StockRow key={row.variantId} row={row} storeSlug={store.slug} corrections={corrections.filter((c) => c.variantId === row.variantId)} />
          ))}
        </table>
        {rows.length === 0 && <p className="mt-3 text-stone-600">No variants match this search.</p>}
      </div>
      {pages > 1 && (
        <nav aria-label="Pages" className="mt-4 flex gap-3">
          {page > 1 && (
            <Link href={pageHref(page - 1)} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
              Previous page
            </Link>
          )}
          {page < pages && (
            <Link href={pageHref(page + 1)} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
              Next page
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

/** A variant's figures, then its correction form and recent corrections (one tbody per variant). */
function StockRow({ row, storeSlug, corrections }: { row: StoreStockRow; storeSlug: string; corrections: StockCorrectionEntry[] }) {
  const amount = (n: number) => formatQuantity(row, n);
  return (
    <tbody className="border-b border-stone-200" data-testid="stock-row" data-sku={row.sku}>
      <tr>
        <th scope="row" className="p-2 font-semibold">
          {row.productName}
        </th>
        <td className="p-2">{row.sizeLabel}</td>
        <td className="p-2 font-mono">{row.sku}</td>
        <td className="p-2 font-mono">{row.ean ?? "—"}</td>
        <td className="p-2 text-right" data-testid="stock-quantity">{amount(row.quantity)}</td>
        <td className="p-2 text-right">{amount(row.reserved)}</td>
        <td className="p-2 text-right font-semibold" data-testid="stock-available">{amount(row.available)}</td>
      </tr>
      <tr>
        <td colSpan={7} className="px-2 pb-2">
          <details>
            <summary className="cursor-pointer py-1 font-semibold text-brand-700">
              Correct<span className="sr-only"> the stock of {row.productName}</span>
              {corrections.length > 0 && <span className="font-normal text-stone-600"> · {corrections.length} recent</span>}
            </summary>
            <div className="mt-2 space-y-3">
              <StockCorrectionForm store={storeSlug} variantId={row.variantId} weighed={row.sellingMode === "weight"} productName={row.productName} />
              {corrections.length > 0 && (
                <ul className="space-y-1 text-stone-700" aria-label={`Recent corrections of ${row.productName}`} data-testid="recent-corrections">
                  {corrections.map((c) => (
                    <li key={c.id}>
                      {formatDateTime(c.createdAt)} · {c.staffName}: {amount(c.quantityBefore)} → {amount(c.quantityAfter)} · {describeReason(c.reason)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </details>
        </td>
      </tr>
    </tbody>
  );
}
