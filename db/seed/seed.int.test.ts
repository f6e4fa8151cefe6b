// Seeding twice leaves the same rows, and the demo scenarios other tests rely on hold.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@/db/client";
import { runMigrations } from "@/db/migrate";
import { createTemporaryDatabase } from "@/scripts/lib/postgres";
import { HANDWRITTEN_PRODUCT_COUNT, seedDatabase, type SeedSummary } from "./index";

const PRODUCTS = HANDWRITTEN_PRODUCT_COUNT + 1600;

let db: Database;
let close: () => Promise<void>;
let first: SeedSummary;

/** A digest of every seeded table, timestamps aside. */
async function fingerprint(): Promise<Record<string, string>> {
  const rows = await db.execute<{ name: string; digest: string }>(sql`
    select 'stores' as name, count(*) || ':' || md5(string_agg(row(id, slug, name, street, postcode, city, opening_hours::text, position)::text, '|' order by id)) as digest from stores
    union all select 'postcodes', count(*) || ':' || md5(string_agg(row(store_id, postcode)::text, '|' order by store_id, postcode)) from store_delivery_postcodes
    union all select 'categories', count(*) || ':' || md5(string_agg(row(id, parent_id, slug, name, icon, color, position)::text, '|' order by id)) from categories
    union all select 'brands', count(*) || ':' || md5(string_agg(row(id, slug, name)::text, '|' order by id)) from brands
    union all select 'products', count(*) || ':' || md5(string_agg(row(id, slug, name, description, category_id, brand_id, vat_rate_bp, dietary_tags, search_keywords, featured)::text, '|' order by id)) from products
    union all select 'variants', count(*) || ':' || md5(string_agg(row(id, product_id, sku, ean, size_label, selling_mode, price_cents, net_quantity, unit_price_basis, weight_step_grams, is_default, position)::text, '|' order by id)) from product_variants
    union all select 'images', count(*) || ':' || md5(string_agg(row(product_id, url, alt, position)::text, '|' order by product_id, position)) from product_images
    union all select 'stock', count(*) || ':' || md5(string_agg(row(store_id, variant_id, quantity, reserved)::text, '|' order by store_id, variant_id)) from stock_levels
    union all select 'search_terms', count(*) || ':' || md5(string_agg(word, '|' order by word)) from search_terms`);
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

async function stockOf(slug: string): Promise<Record<string, number>> {
  const rows = await db.execute<{ store: string; quantity: number }>(sql`
    select s.slug as store, sl.quantity from stock_levels sl
    join stores s on s.id = sl.store_id
    join product_variants v on v.id = sl.variant_id and v.is_default
    join products p on p.id = v.product_id
    where p.slug = ${slug}`);
  return Object.fromEntries(rows.map((r) => [r.store, r.quantity]));
}

let drop: () => Promise<void>;

beforeAll(async () => {
  const database = await createTemporaryDatabase(process.env.DATABASE_URL!, "seedtest");
  drop = database.drop;
  await runMigrations(database.url);
  const connection = createDatabase(database.url, 2);
  db = connection.db;
  close = () => connection.sql.end();
  first = await seedDatabase(db, { products: PRODUCTS });
});

afterAll(async () => {
  await close?.();
  await drop?.();
});

describe("seedDatabase", () => {
  it("reports what it wrote", async () => {
    expect(first).toMatchObject({ stores: 3, products: PRODUCTS });
    const [counts] = await db.execute<{ products: number; variants: number; images: number; stock: number }>(sql`
      select (select count(*)::int from products) as products, (select count(*)::int from product_variants) as variants,
             (select count(*)::int from product_images) as images, (select count(*)::int from stock_levels) as stock`);
    expect(counts).toEqual({ products: PRODUCTS, variants: first.variants, images: PRODUCTS, stock: first.variants * 3 });
  });

  it("leaves the same data when run again", async () => {
    const before = await fingerprint();
    const again = await seedDatabase(db, { products: PRODUCTS });
    expect(again).toEqual(first);
    expect(await fingerprint()).toEqual(before);
  });

  it("production safety (issue 6 item 2): never seeds a real deployment with the published password", async () => {
    const accounts = async () =>
      (await db.execute<{ n: number }>(sql`select count(*)::int as n from users where email like '%@halles.test'`))[0].n;
    expect(first.demoAccounts).toBe(4);
    await db.execute(sql`delete from users where email like '%@halles.test'`);
    for (const mode of ["production", "staging"] as const) {
      expect(await seedDatabase(db, { products: PRODUCTS, mode })).toMatchObject({ demoAccounts: 0, products: PRODUCTS });
      expect(await accounts(), mode).toBe(0);
    }
    expect(await seedDatabase(db, { products: PRODUCTS, mode: "demo" })).toMatchObject({ demoAccounts: 4 });
    expect(await accounts()).toBe(4);
  });

  it("builds the typo lexicon", async () => {
    const nearest = await db.execute<{ word: string }>(sql`select word from search_terms order by word <-> 'bananna' limit 2`);
    expect(nearest.map((r) => r.word)).toContain("banana");
  });

  it("keeps bananas in every store and a featured product out of stock in Paris only", async () => {
    const bananas = Object.values(await stockOf("bananas"));
    expect(bananas).toHaveLength(3);
    expect(bananas.every((q) => q > 0)).toBe(true);
    const strawberries = await stockOf("gariguette-strawberries");
    expect(strawberries["paris-bastille"]).toBe(0);
    expect(strawberries["lyon-part-dieu"]).toBeGreaterThan(0);
  });
});
