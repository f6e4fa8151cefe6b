// Deterministic demo stock: every variant in every store, with a few items out of stock in one
// or two stores (never all), so that store choice visibly changes what can be bought.
import type { SellingMode } from "../schema";
import { randomFor, randomInt } from "./random";

/** Share of variants that are out of stock in at least one store. */
export const OUT_OF_STOCK_SHARE = 0.06;

interface StockedVariant {
  sku: string;
  sellingMode: SellingMode;
  weightStepGrams: number | null;
}

/**
 * Quantity of a variant in each store, in the order of `storeSlugs`: items for unit variants
 * (0–120), grams for weighed ones (5–60 kg, a whole number of ordering steps).
 */
export function stockForVariant(
  variant: StockedVariant,
  storeSlugs: readonly string[],
  overrides: Record<string, number> = {},
): number[] {
  const random = randomFor(`stock:${variant.sku}`);
  const outOfStock = new Set<number>();
  const roll = random();
  if (roll < OUT_OF_STOCK_SHARE && storeSlugs.length > 1) {
    const first = Math.floor(random() * storeSlugs.length);
    outOfStock.add(first);
    // A quarter of those are missing from a second store too, but never from all of them.
    if (roll < OUT_OF_STOCK_SHARE / 4 && storeSlugs.length > 2) {
      outOfStock.add((first + 1 + Math.floor(random() * (storeSlugs.length - 1))) % storeSlugs.length);
    }
  }
  return storeSlugs.map((slug, index) => {
    const quantity = inStockQuantity(variant, random);
    if (slug in overrides) return overrides[slug];
    return outOfStock.has(index) ? 0 : quantity;
  });
}

function inStockQuantity(variant: StockedVariant, random: () => number): number {
  if (variant.sellingMode === "unit") return randomInt(random, 4, 120);
  const step = variant.weightStepGrams ?? 250;
  return randomInt(random, Math.ceil(5000 / step), Math.floor(60000 / step)) * step;
}
