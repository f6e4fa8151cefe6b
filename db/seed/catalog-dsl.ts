// Compact helpers for writing the hand-made catalog: size labels are parsed into net quantity
// and unit-price basis, and tags implied by brand or name are added, so each product is one row.
import type { DietaryTag, SellingMode, UnitPriceBasis } from "../schema";

export interface VariantSeed {
  sizeLabel: string;
  sellingMode: SellingMode;
  /** Unit items: price of one item; weighed items: price per kg. Cents, VAT included. */
  priceCents: number;
  /** g or ml for packaged goods, the number of pieces for 'piece', null for weighed items. */
  netQuantity: number | null;
  unitPriceBasis: UnitPriceBasis;
  weightStepGrams: number | null;
}

export interface ProductSeed {
  slug: string;
  name: string;
  brand: string | null;
  /** Slug of the leaf category the product belongs to. */
  category: string;
  description: string;
  /** Extra search words; brand and category names are added when the product is written. */
  keywords: string;
  tags: DietaryTag[];
  vatRateBp: number;
  featured: boolean;
  /** The first variant is the default one. */
  variants: VariantSeed[];
  /** Quantity forced per store slug, for demo scenarios (a featured product out of stock at one store). */
  stockOverrides?: Record<string, number>;
}

export interface ProductOptions {
  tags?: DietaryTag[];
  keywords?: string;
  featured?: boolean;
  vat?: number;
  slug?: string;
  stock?: Record<string, number>;
}

export type Row = [name: string, brand: string | null, variants: VariantSeed | VariantSeed[], description: string, options?: ProductOptions];

export interface ShelfDefaults {
  tags?: DietaryTag[];
  keywords?: string;
  /** VAT in basis points; 550 (reduced rate for food) when omitted. */
  vat?: number;
}

/** VAT rates in France, in basis points. */
export const VAT = { food: 550, prepared: 1000, standard: 2000 } as const;

/** A weighed item: price per kg, ordered in steps of `weightStepGrams`. */
export function kg(priceCents: number, weightStepGrams = 250): VariantSeed {
  return { sizeLabel: "per kg", sellingMode: "weight", priceCents, netQuantity: null, unitPriceBasis: "kg", weightStepGrams };
}

const METRIC: Record<string, { factor: number; basis: UnitPriceBasis }> = {
  g: { factor: 1, basis: "kg" },
  kg: { factor: 1000, basis: "kg" },
  ml: { factor: 1, basis: "l" },
  cl: { factor: 10, basis: "l" },
  l: { factor: 1000, basis: "l" },
};

/** Net quantity and unit-price basis of a size label: "500 g", "6 x 1 l", "75 cl", "12 eggs", "each". */
export function parseSizeLabel(sizeLabel: string): { netQuantity: number; unitPriceBasis: UnitPriceBasis } {
  const multi = /^(\d+) x (\d+(?:\.\d+)?) (g|kg|ml|cl|l)$/.exec(sizeLabel);
  if (multi) {
    const unit = METRIC[multi[3]];
    return { netQuantity: Math.round(Number(multi[1]) * Number(multi[2]) * unit.factor), unitPriceBasis: unit.basis };
  }
  const single = /^(\d+(?:\.\d+)?) (g|kg|ml|cl|l)$/.exec(sizeLabel);
  if (single) {
    const unit = METRIC[single[2]];
    return { netQuantity: Math.round(Number(single[1]) * unit.factor), unitPriceBasis: unit.basis };
  }
  if (sizeLabel === "each") return { netQuantity: 1, unitPriceBasis: "piece" };
  const pieces = /^(\d+) [a-z][a-z -]*$/.exec(sizeLabel);
  if (pieces) return { netQuantity: Number(pieces[1]), unitPriceBasis: "piece" };
  throw new Error(`Cannot read the size label "${sizeLabel}"`);
}

/** A unit item: price per item, with the net content read from its size label. */
export function u(sizeLabel: string, priceCents: number): VariantSeed {
  return { sizeLabel, sellingMode: "unit", priceCents, weightStepGrams: null, ...parseSizeLabel(sizeLabel) };
}

export function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]s\b/g, "s")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Tags implied by the brand or the name, so that rows only list what is not obvious. */
function impliedTags(name: string, brand: string | null, tags: DietaryTag[]): DietaryTag[] {
  const all = new Set(tags);
  if (brand === "Halles Bio" || /^organic\b/i.test(name)) all.add("organic");
  if (/gluten-free/i.test(name)) all.add("gluten_free");
  if (/lactose-free/i.test(name)) all.add("lactose_free");
  // A vegetarian filter must find vegan products too.
  if (all.has("vegan")) all.add("vegetarian");
  const order: DietaryTag[] = ["organic", "vegan", "vegetarian", "gluten_free", "lactose_free"];
  return order.filter((tag) => all.has(tag));
}

/** The products of one leaf category, sharing default tags, keywords and VAT rate. */
export function shelf(category: string, defaults: ShelfDefaults, rows: Row[]): ProductSeed[] {
  return rows.map(([name, brand, variants, description, options = {}]) => ({
    slug: options.slug ?? slugify(name),
    name,
    brand,
    category,
    description,
    keywords: [defaults.keywords, options.keywords].filter(Boolean).join(" "),
    tags: impliedTags(name, brand, [...(defaults.tags ?? []), ...(options.tags ?? [])]),
    vatRateBp: options.vat ?? defaults.vat ?? VAT.food,
    featured: options.featured ?? false,
    variants: Array.isArray(variants) ? variants : [variants],
    ...(options.stock ? { stockOverrides: options.stock } : {}),
  }));
}
