import Image from "next/image";
import Link from "next/link";
import type { ProductCard as Card } from "@/db/queries/products";
import { DietaryBadges } from "./dietary-badges";
import { PriceTag } from "./price-tag";

export function ProductCard({ product }: { product: Card }) {
  return (
    <article className="group relative flex flex-col rounded-2xl border border-stone-200 bg-white p-3 shadow-sm transition hover:shadow-md" data-testid="product-card">
      <div className="relative aspect-square overflow-hidden rounded-xl bg-stone-100">
        {product.imageUrl && (
          <Image src={product.imageUrl} alt={product.imageAlt ?? ""} width={400} height={400} unoptimized className="h-full w-full object-cover" />
        )}
        {!product.inStock && (
          <span className="absolute top-2 left-2 rounded-full bg-stone-900/85 px-2 py-0.5 text-xs font-semibold text-white">Out of stock</span>
        )}
      </div>
      <div className="mt-3 flex flex-1 flex-col gap-1">
        {product.brand && <p className="text-xs font-medium tracking-wide text-stone-500 uppercase">{product.brand}</p>}
        <h3 className="leading-snug font-semibold">
          <Link href={`/p/${product.slug}`} className="after:absolute after:inset-0 hover:text-brand-700">
            {product.name}
          </Link>
        </h3>
        <p className="text-sm text-stone-600">{product.sellingMode === "weight" ? `Sold by weight, in ${product.weightStepGrams} g steps` : product.sizeLabel}</p>
        <div className="mt-auto pt-2">
          <PriceTag variant={product} />
        </div>
        <DietaryBadges tags={product.dietaryTags} />
      </div>
    </article>
  );
}

export function ProductGrid({ products, label }: { products: Card[]; label: string }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-4" aria-label={label}>
      {products.map((p) => (
        <li key={p.id} className="flex">
          <div className="w-full">
            <ProductCard product={p} />
          </div>
        </li>
      ))}
    </ul>
  );
}
