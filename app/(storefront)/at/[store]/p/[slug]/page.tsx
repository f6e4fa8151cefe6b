import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PictureByUrl } from "@/components/media/media-image";
import { AddToBasketForm } from "@/components/basket/add-to-basket-form";
import { Breadcrumbs } from "@/components/catalog/breadcrumbs";
import { DietaryBadges } from "@/components/product/dietary-badges";
import { PriceTag } from "@/components/product/price-tag";
import { ProductPromotions } from "@/components/product/promotion-badge";
import { ProductGrid } from "@/components/product/product-card";
import { ProductJsonLd } from "@/components/product/product-json-ld";
import { StockStatus } from "@/components/product/stock-status";
import { quantityOptions } from "@/lib/basket/pricing";
import { getProductPage, requireStore } from "@/lib/catalog/data";
import { formatVatRate } from "@/lib/catalog/pricing";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT, slug: "bananas" }];
}

export async function generateMetadata({ params }: PageProps<"/at/[store]/p/[slug]">): Promise<Metadata> {
  const { store: segment, slug } = await params;
  const store = await requireStore(segment);
  const page = await getProductPage(store.id, slug);
  if (!page) notFound();
  const { product, brand, images } = page;
  const title = brand ? `${product.name} — ${brand.name}` : product.name;
  return {
    title,
    description: product.description,
    alternates: { canonical: `/p/${product.slug}` },
    openGraph: { title, description: product.description, images: images.map((i) => i.url) },
  };
}

export default async function ProductPage({ params }: PageProps<"/at/[store]/p/[slug]">) {
  const { store: segment, slug } = await params;
  const store = await requireStore(segment);
  const page = await getProductPage(store.id, slug);
  if (!page) notFound();
  const { product, brand, variants, images, trail, related, promotions } = page;
  const main = variants.find((v) => v.isDefault) ?? variants[0];
  const image = images[0];

  return (
    <div className="space-y-10">
      <ProductJsonLd page={page} variant={main} />
      <Breadcrumbs
        items={[{ name: "Home", href: "/" }, ...trail.map((c) => ({ name: c.name, href: `/c/${c.slug}` })), { name: product.name, href: `/p/${product.slug}` }]}
      />
      <article className="grid gap-8 md:grid-cols-2">
        <div className="overflow-hidden rounded-3xl bg-white">
          {image && (
            <PictureByUrl
              src={image.url}
              alt={image.alt}
              width={800}
              height={800}
              sizes="(min-width: 1280px) 600px, (min-width: 768px) 50vw, 100vw"
              priority
              className="aspect-square h-auto w-full object-contain"
            />
          )}
        </div>
        <div className="space-y-5">
          <div>
            {brand && <p className="text-sm font-semibold tracking-wide text-stone-500 uppercase">{brand.name}</p>}
            <h1 className="text-3xl font-extrabold">{product.name}</h1>
            <p className="mt-1 text-stone-600">{main.sellingMode === "weight" ? `Sold by weight, in steps of ${main.weightStepGrams} g` : main.sizeLabel}</p>
          </div>
          <div className="rounded-2xl border border-stone-200 bg-white p-5">
            <PriceTag variant={main} size="lg" />
            <p className="mt-1 text-sm text-stone-600">VAT included ({formatVatRate(product.vatRateBp)})</p>
            {main.sellingMode === "weight" && (
              <p className="mt-2 text-sm text-stone-600">The price is per kg; the final price is set by the weight picked for you.</p>
            )}
            <div className="mt-4">
              <StockStatus inStock={main.inStock} storeName={store.name} />
            </div>
            {variants.length === 1 && <AddToBasketForm variant={main} options={quantityOptions(main)} productName={product.name} inStock={main.inStock} />}
          </div>
          <ProductPromotions promotions={promotions} />
          {variants.length > 1 && (
            <section aria-labelledby="sizes">
              <h2 id="sizes" className="mb-2 font-semibold">Sizes</h2>
              <ul className="divide-y divide-stone-200 rounded-2xl border border-stone-200 bg-white">
                {variants.map((v) => (
                  <li key={v.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
                    <span className="font-medium">{v.sizeLabel}</span>
                    <PriceTag variant={v} />
                    <StockStatus inStock={v.inStock} storeName={store.name} compact />
                    <AddToBasketForm variant={v} options={quantityOptions(v)} productName={product.name} inStock={v.inStock} compact />
                  </li>
                ))}
              </ul>
            </section>
          )}
          <DietaryBadges tags={product.dietaryTags} />
          <p className="leading-relaxed text-stone-700">{product.description}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
            <dt className="text-stone-500">Size</dt>
            <dd>{main.sizeLabel}</dd>
            <dt className="text-stone-500">SKU</dt>
            <dd>{main.sku}</dd>
            {main.ean && (
              <>
                <dt className="text-stone-500">EAN</dt>
                <dd>{main.ean}</dd>
              </>
            )}
            <dt className="text-stone-500">VAT rate</dt>
            <dd>{formatVatRate(product.vatRateBp)}</dd>
          </dl>
        </div>
      </article>
      {related.length > 0 && (
        <section aria-labelledby="related">
          <h2 id="related" className="mb-4 text-2xl font-bold">You may also like</h2>
          <ProductGrid products={related} label="Related products" />
        </section>
      )}
    </div>
  );
}
