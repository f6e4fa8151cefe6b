import Link from "next/link";
import type { ProductCard as Card } from "@/db/queries/products";
import { DietaryBadges } from "./dietary-badges";
import { PriceTag } from "./price-tag";

/** Styled by the .card rules in app/globals.css: this markup repeats 24 times per listing. */
export function ProductCard({ product }: { product: Card }) {
  return (
    <article className="card" data-testid="product-card">
      <div className="card-media">
        {/* A plain img: generated SVGs need no optimisation, and it keeps the card a server component. */}
        {/* eslint-disable-next-line @next/next/no-img-element */}
        {product.imageUrl && <img src={product.imageUrl} alt={product.imageAlt ?? ""} width={400} height={400} loading="lazy" decoding="async" />}
        {!product.inStock && <span className="card-flag">Out of stock</span>}
      </div>
      {product.brand && <p className="card-brand">{product.brand}</p>}
      <h3>
        <Link href={`/p/${product.slug}`}>{product.name}</Link>
      </h3>
      <p className="card-size">{product.sellingMode === "weight" ? `Sold by weight, in ${product.weightStepGrams} g steps` : product.sizeLabel}</p>
      <PriceTag variant={product} />
      <DietaryBadges tags={product.dietaryTags} />
    </article>
  );
}

export function ProductGrid({ products, label }: { products: Card[]; label: string }) {
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={label}>
      {products.map((p) => (
        <li key={p.id}>
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  );
}
