import { Link } from "@/components/layout/shop-link";
import { PictureByUrl } from "@/components/media/media-image";
import type { ProductCard as Card } from "@/db/queries/products";
import { DietaryBadges } from "./dietary-badges";
import { PriceTag } from "./price-tag";
import { PromotionBadge } from "./promotion-badge";

/** Styled by the .card rules in app/globals.css: this markup repeats 24 times per listing. */
export function ProductCard({ product }: { product: Card }) {
  return (
    <article className="card" data-testid="product-card">
      <div className="card-media">
        {product.imageUrl && <PictureByUrl src={product.imageUrl} alt={product.imageAlt ?? ""} width={400} height={400} sizes={CARD_SIZES} />}
        {!product.inStock && <span className="card-flag">Out of stock</span>}
        {product.promotion && <PromotionBadge promotion={product.promotion} />}
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

/** The grid's column width: 2 columns on phones, 3 from 640 px, 4 from 1024 px, in a 1280 px page. */
const CARD_SIZES = "(min-width: 1280px) 300px, (min-width: 1024px) 25vw, (min-width: 640px) 33vw, 50vw";

export function ProductGrid({ products, label }: { products: Card[]; label: string }) {
  return (
    <ul className="card-grid grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label={label}>
      {products.map((p) => (
        <li key={p.id}>
          <ProductCard product={p} />
        </li>
      ))}
    </ul>
  );
}
