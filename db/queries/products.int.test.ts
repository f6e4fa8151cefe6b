// Listings and search against the seeded catalog on a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { DEFAULT_PARAMS, type ListingParams } from "@/lib/catalog/listing-params";
import { findInTree, getCategoryTree } from "./categories";
import { getProductDetail, listProducts } from "./products";
import { getStoreBySlug } from "./stores";

let db: Database;
let close: () => Promise<void>;
let lyon: number;
let paris: number;

const params = (p: Partial<ListingParams>): ListingParams => ({ ...DEFAULT_PARAMS, ...p });

beforeAll(async () => {
  const connection = createDatabase(process.env.DATABASE_URL!, 4);
  db = connection.db;
  close = () => connection.sql.end();
  lyon = (await getStoreBySlug(db, "lyon-part-dieu"))!.id;
  paris = (await getStoreBySlug(db, "paris-bastille"))!.id;
});

afterAll(() => close());

describe("search", () => {
  it("ranks the product named by the query first", async () => {
    const result = await listProducts(db, { storeId: lyon, params: params({ q: "bananas" }) });
    expect(result.items[0].name).toBe("Bananas");
    expect(result.items.map((p) => p.name)).toContain("Organic Bananas");
  });

  it.each([
    ["bananna", /banana/i],
    ["yoghourt", /yoghurt/i],
    ["tomatoe", /tomato/i],
    ["chedar", /cheddar/i],
  ])("forgives the typo %s", async (q, expected) => {
    const result = await listProducts(db, { storeId: lyon, params: params({ q }) });
    expect(result.total).toBeGreaterThan(0);
    expect(result.items[0].name).toMatch(expected);
    expect(result.corrections.length).toBeGreaterThan(0);
  });

  it("finds a word without its accents", async () => {
    const result = await listProducts(db, { storeId: lyon, params: params({ q: "creme fraiche" }) });
    expect(result.items[0].name).toMatch(/crème fraîche/i);
  });

  it("requires every word, and falls back to any word when that finds nothing", async () => {
    const both = await listProducts(db, { storeId: lyon, params: params({ q: "organic bananas" }) });
    expect(both.items[0].name).toBe("Organic Bananas");
    expect(both.items.every((p) => /banana/i.test(p.name))).toBe(true);
    const any = await listProducts(db, { storeId: lyon, params: params({ q: "bananas zzqxv" }) });
    expect(any.items[0].name).toMatch(/banana/i);
  });

  it("treats SQL and markup as plain words", async () => {
    for (const q of ["'; drop table products; --", "<script>alert(1)</script>", "%_\\", "))) (((:*"]) {
      const result = await listProducts(db, { storeId: lyon, params: params({ q }) });
      expect(result.total).toBeGreaterThanOrEqual(0);
    }
    const still = await listProducts(db, { storeId: lyon, params: params({ q: "bananas" }) });
    expect(still.total).toBeGreaterThan(0);
  });

  it("returns nothing, not everything, for a query of only symbols", async () => {
    const result = await listProducts(db, { storeId: lyon, params: params({ q: "!!!" }) });
    expect(result.total).toBe(0);
  });
});

describe("category listings", () => {
  it("includes the products of subcategories and pages through them", async () => {
    const tree = await getCategoryTree(db);
    const pantry = findInTree(tree, "pantry")!;
    const first = await listProducts(db, { storeId: lyon, categoryIds: pantry.ids, params: params({ sort: "name-asc" }), pageSize: 10 });
    expect(first.total).toBeGreaterThan(20);
    expect(first.pageCount).toBe(Math.ceil(first.total / 10));
    const second = await listProducts(db, { storeId: lyon, categoryIds: pantry.ids, params: params({ sort: "name-asc", page: 2 }), pageSize: 10 });
    expect(second.items).toHaveLength(10);
    const names = [...first.items, ...second.items].map((p) => p.name);
    expect(new Set(names).size).toBe(20);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" })));
    const beyond = await listProducts(db, { storeId: lyon, categoryIds: pantry.ids, params: params({ page: 400 }) });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(first.total);
  });

  it("filters by dietary tag, brand and price, and sorts by price", async () => {
    const tree = await getCategoryTree(db);
    const pantry = findInTree(tree, "pantry")!;
    const organic = await listProducts(db, { storeId: lyon, categoryIds: pantry.ids, params: params({ diets: ["organic"], sort: "price-asc" }), pageSize: 100 });
    expect(organic.total).toBeGreaterThan(0);
    expect(organic.items.every((p) => p.dietaryTags.includes("organic"))).toBe(true);
    const prices = organic.items.map((p) => p.priceCents);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(organic.facets.diets.find((d) => d.tag === "organic")?.count).toBeGreaterThanOrEqual(organic.total);

    const brand = organic.facets.brands[0];
    const byBrand = await listProducts(db, { storeId: lyon, categoryIds: pantry.ids, params: params({ brands: [brand.slug] }), pageSize: 100 });
    expect(byBrand.total).toBe(brand.count);
    expect(byBrand.items.every((p) => p.brand === brand.name)).toBe(true);

    const cheap = await listProducts(db, { storeId: lyon, categoryIds: pantry.ids, params: params({ minCents: 100, maxCents: 200 }), pageSize: 100 });
    expect(cheap.items.every((p) => p.priceCents >= 100 && p.priceCents <= 200)).toBe(true);
  });
});

describe("availability per store", () => {
  it("shows what is out of stock at the chosen store and filters it out on request", async () => {
    const all = { params: params({ sort: "name-asc" }), pageSize: 100 } as const;
    const atLyon = await listProducts(db, { storeId: lyon, ...all });
    const atParis = await listProducts(db, { storeId: paris, ...all });
    expect(atLyon.total).toBe(atParis.total);
    const differs = atLyon.items.filter((p, i) => p.inStock !== atParis.items[i].inStock);
    expect(differs.length).toBeGreaterThan(0);

    const inStock = await listProducts(db, { storeId: paris, params: params({ inStock: true }), pageSize: 24 });
    const outOfStock = (await listProducts(db, { storeId: paris, params: params({}), pageSize: 10_000 })).items.filter((p) => !p.inStock);
    expect(outOfStock.length).toBeGreaterThan(0);
    expect(inStock.total).toBe(atParis.total - outOfStock.length);
    expect(inStock.items.every((p) => p.inStock)).toBe(true);
  });

  it("gives a product's stock at the store", async () => {
    const bananas = await getProductDetail(db, "bananas", lyon);
    expect(bananas?.variants[0]).toMatchObject({ sellingMode: "weight", inStock: true });
    expect(await getProductDetail(db, "no-such-product", lyon)).toBeNull();
  });
});

describe("brand facets", () => {
  it("always offer the chosen brands, even beyond the most common ones", async () => {
    const everything = await listProducts(db, { storeId: lyon, params: params({}), pageSize: 1 });
    const rare = everything.facets.brands.at(-1)!;
    const all = await listProducts(db, { storeId: lyon, params: params({ q: "" }), pageSize: 10_000 });
    const brands = new Set(all.items.map((p) => p.brand));
    expect(brands.size).toBeGreaterThan(everything.facets.brands.length);
    const unlisted = all.items.find((p) => p.brand && !everything.facets.brands.some((b) => b.name === p.brand))!;
    const slug = unlisted.brand!.toLowerCase().normalize("NFD").replace(/\p{Diacritic}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
    const chosen = await listProducts(db, { storeId: lyon, params: params({ brands: [slug] }), pageSize: 1 });
    expect(chosen.facets.brands.map((b) => b.slug)).toContain(slug);
    expect(rare.count).toBeLessThanOrEqual(everything.facets.brands[0].count);
  });
});
