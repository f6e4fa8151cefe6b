// Demo data for development, tests and load tests: stores, categories, brands, the hand-written
// catalog and optional synthetic products, written idempotently in one transaction.
import { sql } from "drizzle-orm";
import { deploymentMode, isRealDeployment, type DeploymentMode } from "@/lib/deployment";
import type { Database } from "../client";
import { seedBrands } from "./brands";
import { HANDWRITTEN_PRODUCTS, type ProductSeed } from "./catalog-data";
import { CATEGORY_TREE, seedCategories } from "./categories";
import { seedHomePage } from "./content";
import { seedStores } from "./stores";
import { seedUsers } from "./users";
import { syntheticProducts } from "./synthetic";
import { writeProductBatch, type NumberedProduct } from "./write-products";

export interface SeedSummary {
  stores: number;
  categories: number;
  brands: number;
  products: number;
  variants: number;
  /** Demo accounts with the published password: only in the demo and development. */
  demoAccounts: number;
}

export interface SeedOptions {
  /** Total number of products; above the hand-written catalog, synthetic products make up the rest. */
  products?: number;
  /** Called after each batch with the number of products written so far. */
  onProgress?: (written: number, total: number) => void;
  /** Real deployments (staging, production) get the catalog but never the demo accounts. */
  mode?: DeploymentMode;
}

export const SEED_BATCH_SIZE = 1000;

/** Number of hand-written products, the smallest catalog the seeder writes. */
export const HANDWRITTEN_PRODUCT_COUNT = HANDWRITTEN_PRODUCTS.length;

function* catalog(total: number): Generator<ProductSeed> {
  yield* HANDWRITTEN_PRODUCTS;
  yield* syntheticProducts(HANDWRITTEN_PRODUCTS, total - HANDWRITTEN_PRODUCTS.length);
}

export async function seedDatabase(db: Database, options: SeedOptions = {}): Promise<SeedSummary> {
  const requested = options.products ?? HANDWRITTEN_PRODUCT_COUNT;
  if (!Number.isSafeInteger(requested) || requested < 0) {
    throw new RangeError(`products must be a whole number, got ${requested}`);
  }
  const total = Math.max(requested, HANDWRITTEN_PRODUCT_COUNT);

  return db.transaction(async (tx) => {
    const stores = await seedStores(tx);
    const categories = await seedCategories(tx);
    const brandIds = await seedBrands(tx);
    const demoAccounts = isRealDeployment(options.mode ?? deploymentMode()) ? 0 : await seedUsers(tx, stores);
    const refs = { stores, categories, brandIds };

    const summary: SeedSummary = { stores: stores.length, categories: categories.size, brands: brandIds.size, products: 0, variants: 0, demoAccounts };
    let batch: NumberedProduct[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      const written = await writeProductBatch(tx, refs, batch);
      summary.products += written.products;
      summary.variants += written.variants;
      batch = [];
      options.onProgress?.(summary.products, total);
    };
    let number = 0;
    for (const product of catalog(total)) {
      batch.push({ number: ++number, product });
      if (batch.length === SEED_BATCH_SIZE) await flush();
    }
    await flush();

    await seedHomePage(tx, CATEGORY_TREE[0]?.slug);
    // The typo-correction lexicon is built from product names and keywords.
    await tx.execute(sql`refresh materialized view search_terms`);
    return summary;
  });
}
