// The hand-written demo catalog, assembled and checked once at import: a mistake in the data
// (unknown category or brand, duplicate slug, bad size) fails loudly instead of seeding nonsense.
import { ALL_BRANDS } from "./brands";
import { CATEGORY_TREE } from "./categories";
import type { ProductSeed } from "./catalog-dsl";
import { DRINKS_HOUSEHOLD_PRODUCTS } from "./catalog-drinks-household";
import { FRESH_PRODUCTS } from "./catalog-fresh";
import { GROCERY_PRODUCTS } from "./catalog-grocery";
import { STORE_SEEDS } from "./stores";

export type { ProductSeed, VariantSeed } from "./catalog-dsl";

/** Leaf category slug → department (top-level category) slug. */
export const DEPARTMENT_OF: ReadonlyMap<string, string> = new Map(
  CATEGORY_TREE.flatMap((department) => (department.children ?? []).map((leaf) => [leaf.slug, department.slug] as const)),
);

function checkCatalog(products: ProductSeed[]): ProductSeed[] {
  const problems: string[] = [];
  const slugs = new Set<string>();
  const brands = new Set(ALL_BRANDS);
  const storeSlugs = new Set(STORE_SEEDS.map((s) => s.slug));
  for (const product of products) {
    const where = `product "${product.name}"`;
    if (slugs.has(product.slug)) problems.push(`${where}: duplicate slug ${product.slug}`);
    slugs.add(product.slug);
    if (!DEPARTMENT_OF.has(product.category)) problems.push(`${where}: unknown leaf category ${product.category}`);
    if (product.brand !== null && !brands.has(product.brand)) problems.push(`${where}: unknown brand ${product.brand}`);
    if (product.variants.length === 0 || product.variants.length > 3) problems.push(`${where}: needs 1 to 3 variants`);
    const sizes = new Set(product.variants.map((v) => v.sizeLabel));
    if (sizes.size !== product.variants.length) problems.push(`${where}: two variants share a size label`);
    for (const variant of product.variants) {
      if (!Number.isInteger(variant.priceCents) || variant.priceCents <= 0) problems.push(`${where}: bad price ${variant.priceCents}`);
    }
    for (const store of Object.keys(product.stockOverrides ?? {})) {
      if (!storeSlugs.has(store)) problems.push(`${where}: stock override for unknown store ${store}`);
    }
  }
  if (problems.length > 0) throw new Error(`The demo catalog is invalid:\n${problems.join("\n")}`);
  return products;
}

/** Every hand-written product, in a fixed order: a product's position gives its SKU and EAN. */
export const HANDWRITTEN_PRODUCTS: readonly ProductSeed[] = checkCatalog([
  ...FRESH_PRODUCTS,
  ...GROCERY_PRODUCTS,
  ...DRINKS_HOUSEHOLD_PRODUCTS,
]);
