// Catalog CSV on a real PostgreSQL: a 1,000-row file with 5 bad rows reports exactly those (line,
// column, why) and writes nothing; a good file applies in one go and round-trips with the export.
import { like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { categories, products, stores } from "@/db/schema";
import { ean13CheckDigit } from "@/db/seed/codes";
import type { SessionUser } from "@/lib/auth/access";
import { parseCsv, toCsv } from "@/lib/catalog/csv";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect } from "@/tests/checkout-fixtures";
import { CATALOG_COLUMNS, checkCatalogCsv, exportCatalogCsv, importCatalogCsv, STORE_PRICE_PREFIX } from "./catalog-csv";
import { getProductDetail } from "./products";

let db: Database;
let close: () => Promise<void>;
let marketer: SessionUser;
let header: string[];
let categorySlug: string;
let storeSlugs: string[];
let parisId: number;
const run = Math.random().toString(36).slice(2, 8);

beforeAll(async () => {
  ({ db, close } = connect(4));
  marketer = await createStaff(db, "marketing");
  categorySlug = `it-csv-${run}`;
  await db.insert(categories).values({ slug: categorySlug, name: "CSV shelf" });
  const storeRows = await db.select({ id: stores.id, slug: stores.slug }).from(stores).orderBy(stores.slug);
  storeSlugs = storeRows.map((s) => s.slug);
  parisId = storeRows.find((s) => s.slug === "paris-bastille")!.id;
  header = [...CATALOG_COLUMNS, ...storeSlugs.map((s) => `${STORE_PRICE_PREFIX}${s}`)];
});

afterAll(() => close());

const ean = (n: number) => {
  const body = `29${run.replace(/[^0-9]/g, "").padEnd(4, "7").slice(0, 4)}${String(n).padStart(6, "0")}`;
  return body + ean13CheckDigit(body);
};

/** Row `n` of a file of products of this run, two variants per product; field values by column. */
function row(n: number, tag: string): Record<string, string> {
  const product = Math.floor(n / 2);
  const weighed = n % 10 === 9;
  return {
    sku: `CSV-${tag}-${n}`,
    product_slug: `it-csv-${tag}-${product}`,
    name: `Jam ${tag} ${product}`,
    description: product % 7 === 0 ? `Strawberry, "extra" fruit\nsecond line ${product}` : `Jam number ${product}`,
    brand: product % 3 === 0 ? `Maison ${tag}` : "",
    category_slug: categorySlug,
    vat_rate: "5.5",
    selling_mode: weighed ? "weight" : "unit",
    weight_step_g: weighed ? "250" : "",
    size_label: weighed ? "per kg" : `${n} g`,
    net_quantity: weighed ? "" : String(100 + n),
    unit_price_basis: "kg",
    ean: tag === "good" ? ean(n) : "",
    dietary_tags: product % 4 === 0 ? "organic vegan" : "",
    national_price: `${1 + (n % 50)}.${String(n % 100).padStart(2, "0")}`,
    ...Object.fromEntries(storeSlugs.map((s) => [`${STORE_PRICE_PREFIX}${s}`, s === "paris-bastille" && n % 5 === 0 ? "0.99" : ""])),
  };
}

/** The line each data row (0-based) starts on. */
const lines = (text: string) => {
  const records = parseCsv(text);
  return (n: number) => records[n + 1].line;
};

const file = (rows: Record<string, string>[]) => toCsv([header, ...rows.map((r) => header.map((h) => r[h]))]);

describe("catalog CSV import", () => {
  it("reports exactly the 5 bad rows of 1,000 (line, column, why) and writes nothing", async () => {
    const rows = Array.from({ length: 1000 }, (_, n) => row(n, "bad"));
    rows[9] = { ...rows[9], ean: "3760000000010" };
    rows[99] = { ...rows[99], national_price: "abc" };
    rows[299] = { ...rows[299], category_slug: "no-such-shelf" };
    rows[500] = { ...rows[500], selling_mode: "weight", weight_step_g: "" };
    rows[899] = { ...rows[899], "price@paris-bastille": "x" };
    const text = file(rows);
    // Some descriptions span two lines: a row's line is the one it starts on, as an editor shows it.
    const lineOf = lines(text);
    expect(lineOf(9)).toBeGreaterThan(11);
    const expected = [
      { line: lineOf(9), column: "ean", message: "This EAN's check digit is wrong: check the number." },
      { line: lineOf(99), column: "national_price", message: "Enter a price in euros, like 2.49." },
      { line: lineOf(299), column: "category_slug", message: "No category has this slug." },
      { line: lineOf(500), column: "weight_step_g", message: "A weighed product needs its step in grams, like 250." },
      { line: lineOf(899), column: "price@paris-bastille", message: "Enter a price in euros, like 2.49, or leave it empty for the national price." },
    ];
    const check = await checkCatalogCsv(db, text);
    expect(check).toEqual({ ok: false, rows: 1000, errors: expected });
    const applied = await importCatalogCsv(db, marketer.id, text);
    expect(applied).toEqual({ ok: false, rows: 1000, errors: expected });
    expect(await db.select({ id: products.id }).from(products).where(like(products.slug, "it-csv-bad-%"))).toEqual([]);
  });

  it("reports header problems, short rows, repeated SKUs and products whose rows disagree", async () => {
    const bad = toCsv([["sku", "name", "colour"], ["A", "B", "C"]]);
    const check = await checkCatalogCsv(db, bad);
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors).toContainEqual({ line: 1, column: "colour", message: "Unknown column." });
    expect(check.errors).toContainEqual({ line: 1, column: "product_slug", message: "This column is missing from the header." });

    const a = row(0, "dup");
    const rows = [a, { ...row(1, "dup"), sku: a.sku, name: "Another name" }];
    const text = file(rows) + "only,three,fields\r\n";
    const second = await checkCatalogCsv(db, text);
    expect(second).toEqual({
      ok: false,
      rows: 3,
      errors: [
        { line: 4, column: "sku", message: "This SKU is already on line 2." },
        { line: 6, column: "", message: `This row has 3 fields; the header has ${header.length}.` },
      ],
    });
    const third = await checkCatalogCsv(db, file([a, { ...row(1, "dup"), name: "Another name" }]));
    expect(third.ok ? [] : third.errors).toEqual([{ line: 4, column: "name", message: "Differs from line 2 for the same product: a product's fields must match on each of its variants." }]);
    expect(await checkCatalogCsv(db, 'sku\n"open')).toMatchObject({ ok: false, errors: [{ line: 2, column: "" }] });
  });

  it("applies a good file in one transaction and round-trips with the export", async () => {
    const rows = Array.from({ length: 1000 }, (_, n) => row(n, "good"));
    const text = file(rows);
    const applied = await importCatalogCsv(db, marketer.id, text);
    expect(applied).toEqual({ ok: true, result: { products: 500, createdProducts: 500, variants: 1000, createdVariants: 1000, storePrices: 200 } });

    const detail = await getProductDetail(db, "it-csv-good-0", parisId);
    expect(detail!.variants.map((v) => [v.sku, v.priceCents, v.isDefault])).toEqual([
      ["CSV-good-0", 99, true],
      ["CSV-good-1", 201, false],
    ]);
    expect(detail!.product.description).toBe('Strawberry, "extra" fruit\nsecond line 0');
    expect(detail!.brand?.name).toBe("Maison good");

    // The export holds the same rows, field for field.
    const exported = parseCsv(await exportCatalogCsv(db));
    expect(exported[0].fields).toEqual(header);
    const mine = exported.filter((r) => r.fields[1].startsWith("it-csv-good-")).map((r) => Object.fromEntries(header.map((h, i) => [h, r.fields[i]])));
    const byKey = (a: Record<string, string>, b: Record<string, string>) => a.sku.localeCompare(b.sku);
    expect(mine.sort(byKey)).toEqual([...rows].sort(byKey));

    // Imported again with changes: updates in place, clears a store price.
    const changed = rows.slice(0, 2).map((r) => ({ ...r, national_price: "9.99", "price@paris-bastille": "" }));
    expect(await importCatalogCsv(db, marketer.id, file(changed))).toMatchObject({ ok: true, result: { createdProducts: 0, createdVariants: 0 } });
    const after = await getProductDetail(db, "it-csv-good-0", parisId);
    expect(after!.variants.map((v) => v.priceCents)).toEqual([999, 999]);
  });

  it("reads the whole exported catalog back without an error", async () => {
    const check = await checkCatalogCsv(db, await exportCatalogCsv(db));
    expect(check.ok ? [] : check.errors.slice(0, 5)).toEqual([]);
    const [{ count }] = await db.execute<{ count: number }>(sql`select count(*)::int as count from product_variants`);
    expect(check.rows).toBe(count);
  });
});
