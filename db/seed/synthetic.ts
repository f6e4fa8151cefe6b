// Synthetic catalog for load tests: variations of the hand-written products (another brand, a
// range name, another pack size), enumerated so that names rarely repeat, and fully deterministic.
import type { DietaryTag, UnitPriceBasis } from "../schema";
import { brandsForDepartment, OWN_LABEL, OWN_ORGANIC_LABEL } from "./brands";
import { DEPARTMENT_OF, type ProductSeed, type VariantSeed } from "./catalog-data";
import { slugify, VAT } from "./catalog-dsl";
import { hashString, randomFor } from "./random";

type Modifier = [name: string, priceFactor: number];

const FOOD_RANGES: Modifier[] = [
  ["Classic", 1], ["Traditional", 1.05], ["Farmhouse", 1.12], ["Artisan", 1.2], ["Premium", 1.3], ["Selected", 1.08],
  ["Heritage", 1.18], ["Gourmet", 1.25], ["Family", 0.92], ["Everyday", 0.85], ["Provençal", 1.1], ["Breton", 1.1],
  ["Alpine", 1.15], ["Organic", 1.3], ["Light", 1], ["Local", 1.08],
];
const ALCOHOL_RANGES: Modifier[] = [
  ["Classic", 1], ["Reserve", 1.35], ["Prestige", 1.5], ["Tradition", 1.05], ["Signature", 1.25], ["Selected", 1.1],
  ["Heritage", 1.2], ["Organic", 1.25], ["Estate", 1.3], ["Limited Edition", 1.6], ["Grande Réserve", 1.7],
  ["Special Edition", 1.4], ["Everyday", 0.85], ["Vintage", 1.45], ["Barrel-Aged", 1.5], ["Cellar Selection", 1.2],
];
const NON_FOOD_RANGES: Modifier[] = [
  ["Fresh Scent", 1], ["Sensitive", 1.1], ["Eco", 1.15], ["Lavender", 1.05], ["Citrus", 1], ["Ultra", 1.2],
  ["Original", 1], ["Aloe Vera", 1.08], ["Unscented", 1.05], ["Mint", 1], ["Concentrated", 1.15], ["Gentle", 1.05],
  ["Family", 0.9], ["Everyday", 0.85], ["Premium", 1.3], ["Cotton Flower", 1],
];
/** Pack sizes relative to the template's default variant. */
const SCALES = [1, 0.5, 2, 1.5, 3];
/** A prime coprime with every ranges × sizes × brands product, to spread combinations. */
const STRIDE = 7919;

function rangesFor(product: ProductSeed, department: string): Modifier[] {
  if (department === "wine-beer-spirits") return ALCOHOL_RANGES;
  return product.vatRateBp === VAT.standard ? NON_FOOD_RANGES : FOOD_RANGES;
}

function niceRound(quantity: number): number {
  const step = quantity < 100 ? 5 : quantity < 1000 ? 10 : 50;
  return Math.max(step, Math.round(quantity / step) * step);
}

function metricLabel(quantity: number, basis: UnitPriceBasis, useCl: boolean): string {
  const trim = (n: number) => String(Number(n.toFixed(2)));
  if (basis === "kg") return quantity < 1000 ? `${quantity} g` : `${trim(quantity / 1000)} kg`;
  if (quantity >= 1000) return `${trim(quantity / 1000)} l`;
  return useCl && quantity % 10 === 0 ? `${quantity / 10} cl` : `${quantity} ml`;
}

/** "1 bunch", "3 bunches", "1 piece": a count with its noun in the right number. */
function countLabel(count: number, noun: string): string {
  const singular = noun.replace(/(ch|sh|x)es$/, "$1").replace(/([^s])s$/, "$1");
  if (count === 1) return `1 ${singular}`;
  return `${count} ${/(ch|sh|x|s)$/.test(singular) ? `${singular}es` : `${singular}s`}`;
}

/** Five distinct pack sizes derived from the template's default variant. */
function packSizes(variant: VariantSeed): { label: string; net: number; basis: UnitPriceBasis }[] {
  const sizes = new Map<string, { label: string; net: number; basis: UnitPriceBasis }>();
  const add = (label: string, net: number, basis: UnitPriceBasis) => sizes.set(label, { label, net, basis });
  const multi = /^(\d+) x (.+)$/.exec(variant.sizeLabel);
  const pieces = variant.unitPriceBasis === "piece" ? /^(\d+) (.+)$/.exec(variant.sizeLabel) : null;
  for (let i = 0; sizes.size < SCALES.length; i++) {
    const scale = i < SCALES.length ? SCALES[i] : i;
    if (variant.sellingMode === "weight") {
      if (i === 0) add("per kg", 1000, "kg");
      else add(metricLabel(niceRound(250 * scale), "kg", false), niceRound(250 * scale), "kg");
    } else if (multi || variant.unitPriceBasis === "piece") {
      const count = Number((multi ?? pieces)?.[1] ?? 1);
      const scaled = Math.max(1, Math.round(count * scale));
      const perItem = (variant.netQuantity ?? count) / count;
      const label = multi ? `${scaled} x ${multi[2]}` : countLabel(scaled, pieces?.[2] ?? "piece");
      add(label, Math.round(perItem * scaled), variant.unitPriceBasis);
    } else {
      const net = niceRound((variant.netQuantity ?? 1) * scale);
      add(metricLabel(net, variant.unitPriceBasis, variant.sizeLabel.endsWith(" cl")), net, variant.unitPriceBasis);
    }
  }
  return [...sizes.values()].slice(0, SCALES.length);
}

function brandFactor(brand: string): number {
  if (brand === OWN_LABEL) return 0.92;
  if (brand === OWN_ORGANIC_LABEL) return 1.3;
  return 1.05 + (hashString(brand) % 30) / 100;
}

/** Shop-style prices ending in 9 cents. */
function shelfPrice(cents: number): number {
  return Math.max(29, Math.round(cents / 10) * 10 - 1);
}

function syntheticProduct(template: ProductSeed, k: number, q: number): ProductSeed {
  const department = DEPARTMENT_OF.get(template.category)!;
  const brands = brandsForDepartment(department);
  const ranges = rangesFor(template, department);
  const sizes = packSizes(template.variants[0]);
  const combinations = ranges.length * sizes.length * brands.length;
  const index = (((q % combinations) * STRIDE) % combinations + hashString(template.slug)) % combinations;
  const [range, rangeFactor] = ranges[index % ranges.length];
  const size = sizes[Math.floor(index / ranges.length) % sizes.length];
  const brand = brands[Math.floor(index / (ranges.length * sizes.length)) % brands.length];

  const base = template.variants[0];
  const random = randomFor(`synthetic:${k}`);
  const jitter = 0.95 + random() * 0.1;
  const factor = brandFactor(brand) * rangeFactor * jitter;
  let variant: VariantSeed;
  if (size.label === "per kg") {
    variant = { ...base, priceCents: shelfPrice(base.priceCents * factor) };
  } else {
    const perUnit = base.sellingMode === "weight" ? base.priceCents / 1000 : base.priceCents / (base.netQuantity ?? 1);
    // Bigger packs are a little cheaper per kg; pre-packing loose goods costs a little more.
    const packFactor = Math.pow(size.net / (base.netQuantity ?? 1000), -0.08) * (base.sellingMode === "weight" ? 1.05 : 1);
    variant = {
      sizeLabel: size.label, sellingMode: "unit", netQuantity: size.net, unitPriceBasis: size.basis, weightStepGrams: null,
      priceCents: shelfPrice(perUnit * size.net * packFactor * factor),
    };
  }

  const rangeInName = template.name.toLowerCase().includes(range.toLowerCase()) ? "" : ` ${range}`;
  const name = `${brand}${rangeInName} ${template.name}${variant.sellingMode === "unit" ? ` ${size.label}` : ""}`;
  const tags = new Set<DietaryTag>(template.tags);
  if (brand === OWN_ORGANIC_LABEL || range === "Organic") tags.add("organic");
  return {
    slug: slugify(name),
    name,
    brand,
    category: template.category,
    description: `${template.description} Part of the ${brand} ${range.toLowerCase()} range.`,
    keywords: `${template.keywords} ${range.toLowerCase()}`,
    tags: (["organic", "vegan", "vegetarian", "gluten_free", "lactose_free"] as const).filter((t) => tags.has(t)),
    vatRateBp: template.vatRateBp,
    featured: false,
    variants: [variant],
  };
}

/** `count` synthetic products built from `templates`; slugs are unique among themselves and the templates. */
export function* syntheticProducts(templates: readonly ProductSeed[], count: number): Generator<ProductSeed> {
  const taken = new Set(templates.map((t) => t.slug));
  for (let k = 0; k < count; k++) {
    const product = syntheticProduct(templates[k % templates.length], k, Math.floor(k / templates.length));
    // Past the enumerated combinations a name can repeat; the product number keeps the slug unique.
    if (taken.has(product.slug)) product.slug = `${product.slug}-${k + 1}`;
    taken.add(product.slug);
    yield product;
  }
}
