// Writes one batch of products with their variants, image and stock in every store, as upserts
// keyed by slug, SKU and (store, variant), so that a second run rewrites the same rows.
import { inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { productImages, products, productVariants, stockLevels } from "../schema";
import type { CategoryRef } from "./categories";
import type { ProductSeed } from "./catalog-dsl";
import { searchKeywords } from "@/lib/catalog/keywords";
import { eanFor, skuFor } from "./codes";
import { stockForVariant } from "./stock";
import type { StoreRef } from "./stores";

export interface CatalogRefs {
  stores: StoreRef[];
  categories: Map<string, CategoryRef>;
  brandIds: Map<string, number>;
}

/** A product and its number in the catalog, which its SKUs and EANs derive from. */
export interface NumberedProduct {
  number: number;
  product: ProductSeed;
}

/**
 * Brand and category names, the product's own keywords and its dietary words, each once. The
 * department's name is left out: "Wine, Beer & Spirits" would make every wine match "beer".
 */
export function searchKeywordsFor(product: ProductSeed, category: CategoryRef): string {
  return searchKeywords({ brand: product.brand, categoryName: category.name, keywords: product.keywords, tags: product.tags });
}

export function imageAltFor(product: ProductSeed): string {
  const by = product.brand ? ` by ${product.brand}` : "";
  return `${product.name}${by}, ${product.variants[0].sizeLabel}`;
}

const STOCK_CHUNK = 4000;

export async function writeProductBatch(db: Executor, refs: CatalogRefs, batch: NumberedProduct[]): Promise<{ products: number; variants: number }> {
  const productRows = batch.map(({ product }) => {
    const category = refs.categories.get(product.category);
    if (!category) throw new Error(`Unknown category ${product.category} for ${product.slug}`);
    return {
      slug: product.slug,
      name: product.name,
      description: product.description,
      categoryId: category.id,
      brandId: product.brand ? refs.brandIds.get(product.brand) ?? null : null,
      vatRateBp: product.vatRateBp,
      dietaryTags: product.tags,
      searchKeywords: searchKeywordsFor(product, category),
      featured: product.featured,
      active: true,
    };
  });
  const saved = await db
    .insert(products)
    .values(productRows)
    .onConflictDoUpdate({
      target: products.slug,
      set: {
        name: sql`excluded.name`,
        description: sql`excluded.description`,
        categoryId: sql`excluded.category_id`,
        brandId: sql`excluded.brand_id`,
        vatRateBp: sql`excluded.vat_rate_bp`,
        dietaryTags: sql`excluded.dietary_tags`,
        searchKeywords: sql`excluded.search_keywords`,
        featured: sql`excluded.featured`,
        active: sql`excluded.active`,
        updatedAt: sql`now()`,
      },
    })
    .returning({ id: products.id, slug: products.slug });
  const productIds = new Map(saved.map((p) => [p.slug, p.id]));

  const variantRows = batch.flatMap(({ number, product }) =>
    product.variants.map((variant, position) => ({
      productId: productIds.get(product.slug)!,
      sku: skuFor(number, position),
      ean: eanFor(number, position, variant.sellingMode),
      sizeLabel: variant.sizeLabel,
      sellingMode: variant.sellingMode,
      priceCents: Math.round(variant.priceCents),
      netQuantity: variant.netQuantity,
      unitPriceBasis: variant.unitPriceBasis,
      weightStepGrams: variant.weightStepGrams,
      isDefault: position === 0,
      position,
    })),
  );
  const savedVariants = await db
    .insert(productVariants)
    .values(variantRows)
    .onConflictDoUpdate({
      target: productVariants.sku,
      set: {
        productId: sql`excluded.product_id`,
        ean: sql`excluded.ean`,
        sizeLabel: sql`excluded.size_label`,
        sellingMode: sql`excluded.selling_mode`,
        priceCents: sql`excluded.price_cents`,
        netQuantity: sql`excluded.net_quantity`,
        unitPriceBasis: sql`excluded.unit_price_basis`,
        weightStepGrams: sql`excluded.weight_step_grams`,
        isDefault: sql`excluded.is_default`,
        position: sql`excluded.position`,
      },
    })
    .returning({ id: productVariants.id, sku: productVariants.sku });
  const variantIds = new Map(savedVariants.map((v) => [v.sku, v.id]));

  // One image per product: replace rather than upsert, since images have no natural key.
  await db.delete(productImages).where(inArray(productImages.productId, [...productIds.values()]));
  await db.insert(productImages).values(
    batch.map(({ product }) => ({
      productId: productIds.get(product.slug)!,
      url: `/images/products/${product.slug}.svg`,
      alt: imageAltFor(product),
      position: 0,
    })),
  );

  const storeSlugs = refs.stores.map((s) => s.slug);
  const stockRows = batch.flatMap(({ number, product }) =>
    product.variants.flatMap((variant, position) => {
      const sku = skuFor(number, position);
      const quantities = stockForVariant({ sku, ...variant }, storeSlugs, product.stockOverrides);
      return refs.stores.map((store, i) => ({ storeId: store.id, variantId: variantIds.get(sku)!, quantity: quantities[i], reserved: 0 }));
    }),
  );
  for (let start = 0; start < stockRows.length; start += STOCK_CHUNK) {
    await db
      .insert(stockLevels)
      .values(stockRows.slice(start, start + STOCK_CHUNK))
      .onConflictDoUpdate({
        target: [stockLevels.storeId, stockLevels.variantId],
        set: { quantity: sql`excluded.quantity`, reserved: sql`excluded.reserved`, updatedAt: sql`now()` },
      });
  }
  return { products: saved.length, variants: savedVariants.length };
}
