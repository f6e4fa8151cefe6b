import type { ProductDetail } from "@/db/queries/products";
import { publicUrl } from "@/lib/env";

/** schema.org Product data for search engines; `<` is escaped so content cannot close the script. */
export function ProductJsonLd({ page, variant }: { page: ProductDetail; variant: ProductDetail["variants"][number] }) {
  const base = publicUrl();
  const data = {
    "@context": "https://schema.org",
    "@type": "Product",
    name: page.product.name,
    description: page.product.description,
    sku: variant.sku,
    ...(variant.ean ? { gtin13: variant.ean } : {}),
    ...(page.brand ? { brand: { "@type": "Brand", name: page.brand.name } } : {}),
    image: page.images.map((i) => new URL(i.url, base).toString()),
    offers: {
      "@type": "Offer",
      url: new URL(`/p/${page.product.slug}`, base).toString(),
      priceCurrency: "EUR",
      price: (variant.priceCents / 100).toFixed(2),
      availability: variant.inStock ? "https://schema.org/InStock" : "https://schema.org/OutOfStock",
      ...(variant.sellingMode === "weight"
        ? { priceSpecification: { "@type": "UnitPriceSpecification", price: (variant.priceCents / 100).toFixed(2), priceCurrency: "EUR", unitCode: "KGM" } }
        : {}),
    },
  };
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: JSON.stringify(data).replace(/</g, "\\u003c") }} />;
}
