import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { FormMessage } from "@/components/account/form-field";
import { getDb } from "@/db/client";
import { getAdminProduct } from "@/db/queries/catalog-admin";
import { listStores } from "@/db/queries/stores";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { pageAccess } from "@/lib/backoffice/pages";
import { formatPrice } from "@/lib/catalog/pricing";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffOnly } from "../../../staff-gate";
import {
  ArchiveForm,
  CancelScheduleForm,
  ClearStorePriceForm,
  EditProductForm,
  ScheduleForm,
  StorePriceForm,
  VariantForm,
} from "../../catalog-forms-client";
import { catalogChoices } from "../../choices";

type Props = PageProps<"/admin/catalog/products/[id]">;

/** Marketing and admins; an unknown id is a 404. Called first by generateMetadata. */
const loadProduct = cache((id: string) =>
  pageAccess(MARKETING_ROLES, `/admin/catalog/products/${id}`, async () => {
    const found = /^\d{1,9}$/.test(id) ? await getAdminProduct(getDb(), Number(id)) : null;
    return found ? { found } : null;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await loadProduct((await params).id);
  return { title: access.allowed ? access.found.product.name : "Staff only" };
}

/** One product: its fields, variants, store prices, scheduled price changes, archive. */
export default function ProductPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-4xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/catalog" className="text-brand-700 underline">
          Catalog
        </Link>
      </nav>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <ProductEditor params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

const sectionClass = "mt-8 border-t border-stone-200 pt-6";

async function ProductEditor({ params, searchParams }: Props) {
  const access = await loadProduct((await params).id);
  if (!access.allowed) return <StaffOnly />;
  const { product, brand, variants, storePrices, pendingChanges } = access.found;
  const [choices, stores, { created }] = await Promise.all([catalogChoices(getDb()), listStores(getDb()), searchParams]);
  const variantOptions = variants.map((v) => ({ value: String(v.id), label: `${v.sku} · ${v.sizeLabel}` }));
  const storeOptions = stores.map((s) => ({ value: String(s.id), label: s.name }));
  const skuOf = new Map(variants.map((v) => [v.id, v]));
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="mt-2 text-3xl font-extrabold" data-testid="product-title">
          {product.name}
        </h1>
        <div className="flex flex-wrap gap-3">
          <Link href={`/admin/catalog/products/${product.id}/photos`} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
            Photos
          </Link>
          {product.active && (
            <Link href={`/p/${product.slug}`} className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
              View in the shop
            </Link>
          )}
        </div>
      </div>
      <p className="mt-1 text-stone-700" data-testid="product-status">
        {product.active ? "In the shop." : "Archived: not in the shop."} Address: /p/{product.slug}
        {brand ? ` · ${brand.name}` : ""}
      </p>
      {created === "1" && (
        <div className="mt-4">
          <FormMessage ok message="Product created." />
        </div>
      )}
      <div className="mt-6">
        <EditProductForm
          choices={choices}
          product={{
            id: product.id,
            name: product.name,
            description: product.description,
            brandId: product.brandId,
            categoryId: product.categoryId,
            vatRateBp: product.vatRateBp,
            dietaryTags: product.dietaryTags,
            keywords: product.searchKeywords,
          }}
        />
      </div>

      <section aria-labelledby="variants-heading" className={sectionClass}>
        <h2 id="variants-heading" className="text-xl font-bold">
          Variants
        </h2>
        <ul className="mt-3 space-y-6">
          {variants.map((v) => (
            <li key={v.id} className="rounded-xl border border-stone-200 bg-white p-4" data-testid="variant">
              <h3 className="mb-3 font-semibold">
                {v.sku} · {v.sizeLabel} · {formatPrice(v)}
                {v.isDefault ? " (shown in listings)" : ""}
              </h3>
              <VariantForm productId={product.id} variant={v} />
            </li>
          ))}
        </ul>
        <details className="mt-4 rounded-xl border border-stone-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">Add a variant</summary>
          <div className="mt-3">
            <VariantForm productId={product.id} />
          </div>
        </details>
      </section>

      <section aria-labelledby="store-prices-heading" className={sectionClass}>
        <h2 id="store-prices-heading" className="text-xl font-bold">
          Store prices
        </h2>
        <p className="mt-1 text-stone-700">A store without its own price charges the national price.</p>
        <div className="mt-3 overflow-x-auto" tabIndex={0} role="region" aria-label="Store prices table">
          <table className="w-full border-collapse bg-white text-left" data-testid="store-prices">
            <caption className="sr-only">Store prices</caption>
            <thead>
              <tr className="border-b border-stone-300 text-sm text-stone-700">
                <th scope="col" className="p-2">Store</th>
                <th scope="col" className="p-2">Variant</th>
                <th scope="col" className="p-2">Store price</th>
                <th scope="col" className="p-2">National price</th>
                <th scope="col" className="p-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {storePrices.length === 0 && (
                <tr>
                  <td colSpan={5} className="p-2 text-stone-600">
                    Every store charges the national price.
                  </td>
                </tr>
              )}
              {storePrices.map((sp) => {
                const variant = skuOf.get(sp.variantId)!;
                return (
                  <tr key={`${sp.storeId}-${sp.variantId}`} className="border-b border-stone-200" data-testid="store-price-row">
                    <td className="p-2">{sp.storeName}</td>
                    <td className="p-2">{variant.sku}</td>
                    <td className="p-2">{formatPrice({ ...variant, priceCents: sp.priceCents })}</td>
                    <td className="p-2">{formatPrice(variant)}</td>
                    <td className="p-2">
                      <ClearStorePriceForm productId={product.id} variantId={sp.variantId} storeId={sp.storeId} label={`${sp.storeName}'s price of ${variant.sku}`} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <div className="mt-4">
          <StorePriceForm productId={product.id} variants={variantOptions} stores={storeOptions} label="Set a store price" />
        </div>
      </section>

      <section aria-labelledby="schedule-heading" className={sectionClass}>
        <h2 id="schedule-heading" className="text-xl font-bold">
          Scheduled price changes
        </h2>
        {pendingChanges.length === 0 ? (
          <p className="mt-1 text-stone-700">None pending.</p>
        ) : (
          <ul className="mt-3 space-y-2" data-testid="pending-changes">
            {pendingChanges.map((c) => {
              const variant = skuOf.get(c.variantId);
              return (
                <li key={c.id} className="flex flex-wrap items-center gap-3 rounded-lg border border-stone-200 bg-white p-3">
                  <span>
                    {c.sku}: {variant ? formatPrice({ ...variant, priceCents: c.priceCents }) : c.priceCents} from {formatDateTime(c.effectiveAt)} · {c.storeName ?? "national"}
                  </span>
                  <CancelScheduleForm productId={product.id} changeId={c.id} />
                </li>
              );
            })}
          </ul>
        )}
        <div className="mt-4">
          <ScheduleForm productId={product.id} variants={variantOptions} stores={storeOptions} />
        </div>
      </section>

      <section aria-labelledby="archive-heading" className={sectionClass}>
        <h2 id="archive-heading" className="text-xl font-bold">
          {product.active ? "Archive" : "Archived"}
        </h2>
        <p className="mt-1 mb-3 text-stone-700">
          {product.active ? "Archiving takes the product out of the shop; baskets that hold it are told it is no longer available." : "Putting it back shows it in the shop again."}
        </p>
        <ArchiveForm productId={product.id} active={product.active} />
      </section>
    </>
  );
}
