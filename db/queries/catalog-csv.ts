// The catalog and its prices as CSV (docs/marketing.md, "CSV"): one row per variant, product
// fields repeated on each of its variants, one `price@<store-slug>` column per store (empty: the
// store charges the national price). Import checks every row first (line, column, why) and
// writes nothing unless all are good; then applies everything in one transaction.
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Executor } from "../client";
import { categories, productVariants, products, storePrices, stores, type DietaryTag } from "../schema";
import { searchKeywords } from "@/lib/catalog/keywords";
import { csvText, parseCsv, toCsv, CsvSyntaxError } from "@/lib/catalog/csv";
import { checkSellingMode, DIETARY_TAGS, parseEuros, productFields, VAT_RATES_BP, variantFields } from "@/lib/backoffice/catalog-forms";
import { resolveBrand } from "./catalog-admin";
import { recordStaffAction } from "./staff-actions";

export const CATALOG_COLUMNS = [
  "sku",
  "product_slug",
  "name",
  "description",
  "brand",
  "category_slug",
  "vat_rate",
  "selling_mode",
  "weight_step_g",
  "size_label",
  "net_quantity",
  "unit_price_basis",
  "ean",
  "dietary_tags",
  "national_price",
] as const;
type Column = (typeof CATALOG_COLUMNS)[number];
export const STORE_PRICE_PREFIX = "price@";
/** The most rows one import takes. */
export const MAX_IMPORT_ROWS = 20_000;

/** A SQL array of one parameter per element (drizzle spreads a JS array into a list). */
const sqlArray = (values: (string | number)[], type: "text" | "int") => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::${sql.raw(type)}[]`;

const euros = (cents: number | null) => (cents === null ? "" : (cents / 100).toFixed(2));
/** 550 → "5.5", 2000 → "20". */
const percent = (bp: number) => String(bp / 100);

type ExportRow = {
  sku: string;
  slug: string;
  name: string;
  description: string;
  brand: string | null;
  category: string;
  vatRateBp: number;
  sellingMode: string;
  weightStepGrams: number | null;
  sizeLabel: string;
  netQuantity: number | null;
  unitPriceBasis: string;
  ean: string | null;
  dietaryTags: DietaryTag[];
  priceCents: number;
  prices: Record<string, number> | null;
};

/** The whole catalog (archived products too) as CSV text, ordered by product then variant. */
export async function exportCatalogCsv(db: Executor): Promise<string> {
  const [storeRows, rows] = await Promise.all([
    db.select({ id: stores.id, slug: stores.slug }).from(stores).orderBy(stores.slug),
    db.execute<ExportRow>(sql`
      select v.sku, p.slug, p.name, p.description, b.name as brand, c.slug as category, p.vat_rate_bp as "vatRateBp",
        v.selling_mode as "sellingMode", v.weight_step_grams as "weightStepGrams", v.size_label as "sizeLabel",
        v.net_quantity as "netQuantity", v.unit_price_basis as "unitPriceBasis", v.ean, p.dietary_tags as "dietaryTags",
        v.price_cents as "priceCents",
        (select json_object_agg(sp.store_id, sp.price_cents) from store_prices sp where sp.variant_id = v.id) as prices
      from product_variants v
      join products p on p.id = v.product_id
      join categories c on c.id = p.category_id
      left join brands b on b.id = p.brand_id
      order by p.slug, v.position, v.id`),
  ]);
  const header = [...CATALOG_COLUMNS, ...storeRows.map((s) => `${STORE_PRICE_PREFIX}${s.slug}`)];
  const body = rows.map((r) => [
    r.sku,
    r.slug,
    r.name,
    r.description,
    r.brand ?? "",
    r.category,
    percent(r.vatRateBp),
    r.sellingMode,
    r.weightStepGrams ?? "",
    r.sizeLabel,
    r.netQuantity ?? "",
    r.unitPriceBasis,
    r.ean ?? "",
    (Array.isArray(r.dietaryTags) ? r.dietaryTags : parsePgArray(r.dietaryTags)).join(" "),
    euros(r.priceCents),
    ...storeRows.map((s) => euros(r.prices?.[String(s.id)] ?? null)),
  ]);
  return toCsv([header, ...body]);
}

/** "{organic,vegan}" → ["organic", "vegan"] (raw SQL returns enum arrays as text). */
function parsePgArray(value: unknown): string[] {
  if (typeof value !== "string") return [];
  const inner = value.replace(/^\{|\}$/g, "");
  return inner ? inner.split(",") : [];
}

export type ImportError = { line: number; column: string; message: string };

type ProductRow = { slug: string; name: string; description: string; brand: string; categoryId: number; categoryName: string; vatRateBp: number; dietaryTags: DietaryTag[] };
type VariantRow = {
  line: number;
  sku: string;
  productSlug: string;
  ean: string | null;
  sizeLabel: string;
  sellingMode: "unit" | "weight";
  weightStepGrams: number | null;
  netQuantity: number | null;
  unitPriceBasis: "kg" | "l" | "piece";
  priceCents: number;
  /** Store id → price, or null to clear. */
  storePrices: Map<number, number | null>;
};

export type ImportPlan = { products: Map<string, ProductRow>; variants: VariantRow[] };
export type ImportCheck = { ok: true; plan: ImportPlan; rows: number } | { ok: false; errors: ImportError[]; rows: number };

/** The fields a row's cells are checked as: the back office's own form rules. */
const rowSchema = z
  .object({
    sku: variantFields.sku,
    name: productFields.name,
    description: productFields.description,
    ean: variantFields.ean,
    sizeLabel: variantFields.sizeLabel,
    sellingMode: variantFields.sellingMode,
    weightStepGrams: variantFields.weightStepGrams,
    netQuantity: variantFields.netQuantity,
    unitPriceBasis: variantFields.unitPriceBasis,
    price: variantFields.price,
  })
  .superRefine(checkSellingMode);

const FIELD_COLUMN: Record<string, Column> = {
  sku: "sku",
  name: "name",
  description: "description",
  ean: "ean",
  sizeLabel: "size_label",
  sellingMode: "selling_mode",
  weightStepGrams: "weight_step_g",
  netQuantity: "net_quantity",
  unitPriceBasis: "unit_price_basis",
  price: "national_price",
};

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Reads and checks a catalog CSV against the database without writing: every error of every
 * row, by line and column. At most `MAX_IMPORT_ROWS` rows.
 */
export async function checkCatalogCsv(db: Executor, text: string): Promise<ImportCheck> {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { ok: false, rows: 0, errors: [{ line: error.line, column: "", message: error.message.replace(/^Line \d+: /, "") }] };
    throw error;
  }
  const errors: ImportError[] = [];
  const fail = (line: number, column: string, message: string) => errors.push({ line, column, message });
  const [head, ...rows] = records;
  if (!head) return { ok: false, rows: 0, errors: [{ line: 1, column: "", message: "The file is empty: it needs the header line and at least one row." }] };
  if (rows.length > MAX_IMPORT_ROWS) return { ok: false, rows: rows.length, errors: [{ line: 1, column: "", message: `At most ${MAX_IMPORT_ROWS} rows per file.` }] };

  const [storeRows, categoryRows] = await Promise.all([
    db.select({ id: stores.id, slug: stores.slug }).from(stores),
    db.select({ id: categories.id, slug: categories.slug, name: categories.name }).from(categories),
  ]);
  const storeBySlug = new Map(storeRows.map((s) => [s.slug, s.id]));
  const categoryBySlug = new Map(categoryRows.map((c) => [c.slug, c]));

  // The header: every catalog column once, store columns of known stores, nothing else.
  const header = head.fields.map((f) => f.trim());
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) fail(head.line, name, "This column appears twice.");
    index.set(name, i);
    const isStore = name.startsWith(STORE_PRICE_PREFIX);
    if (isStore && !storeBySlug.has(name.slice(STORE_PRICE_PREFIX.length))) fail(head.line, name, "No store has this slug.");
    if (!isStore && !(CATALOG_COLUMNS as readonly string[]).includes(name)) fail(head.line, name, "Unknown column.");
  });
  for (const column of CATALOG_COLUMNS) if (!index.has(column)) fail(head.line, column, "This column is missing from the header.");
  if (errors.length) return { ok: false, rows: rows.length, errors };
  const storeColumns = header.filter((h) => h.startsWith(STORE_PRICE_PREFIX)).map((h) => ({ column: h, storeId: storeBySlug.get(h.slice(STORE_PRICE_PREFIX.length))!, at: index.get(h)! }));

  // What the database has for the file's SKUs and EANs.
  const skus = rows.map((r) => csvText(r.fields[index.get("sku")!] ?? "").trim()).filter(Boolean);
  const eans = rows.map((r) => csvText(r.fields[index.get("ean")!] ?? "").trim()).filter(Boolean);
  const [known, eanOwners] = await Promise.all([
    skus.length
      ? db.execute<{ sku: string; slug: string }>(sql`select v.sku, p.slug from product_variants v join products p on p.id = v.product_id where v.sku = any(${sqlArray(skus, "text")})`)
      : Promise.resolve([]),
    eans.length ? db.execute<{ sku: string; ean: string }>(sql`select sku, ean from product_variants where ean = any(${sqlArray(eans, "text")})`) : Promise.resolve([]),
  ]);
  const productOfSku = new Map(known.map((k) => [k.sku, k.slug]));
  const skuOfEan = new Map(eanOwners.map((e) => [e.ean, e.sku]));

  const productsBySlug = new Map<string, ProductRow & { line: number }>();
  const variants: VariantRow[] = [];
  const seenSku = new Map<string, number>();
  const seenEan = new Map<string, number>();

  for (const row of rows) {
    const before = errors.length;
    if (row.fields.length !== header.length) {
      fail(row.line, "", `This row has ${row.fields.length} fields; the header has ${header.length}.`);
      continue;
    }
    const cell = (column: string) => csvText(row.fields[index.get(column)!]).trim();
    const parsed = rowSchema.safeParse({
      sku: cell("sku"),
      name: cell("name"),
      description: csvText(row.fields[index.get("description")!]),
      ean: cell("ean"),
      sizeLabel: cell("size_label"),
      sellingMode: cell("selling_mode"),
      weightStepGrams: cell("weight_step_g"),
      netQuantity: cell("net_quantity"),
      unitPriceBasis: cell("unit_price_basis"),
      price: cell("national_price"),
    });
    if (!parsed.success) {
      const reported = new Set<string>();
      for (const issue of parsed.error.issues) {
        const column = FIELD_COLUMN[String(issue.path[0])] ?? String(issue.path[0]);
        if (!reported.has(column)) fail(row.line, column, issue.message);
        reported.add(column);
      }
    }
    const slug = cell("product_slug");
    if (!SLUG.test(slug) || slug.length > 80) fail(row.line, "product_slug", "Use lower-case letters, digits and dashes, like strawberry-jam.");
    const brand = cell("brand");
    if (brand.length > 80) fail(row.line, "brand", "Use at most 80 characters.");
    if (/[\u0000-\u001f\u007f]/.test(brand)) fail(row.line, "brand", "Use one line of plain text.");
    const category = categoryBySlug.get(cell("category_slug"));
    if (!category) fail(row.line, "category_slug", "No category has this slug.");
    const vat = Math.round(Number(cell("vat_rate").replace(",", ".")) * 100);
    const vatOk = cell("vat_rate") !== "" && (VAT_RATES_BP as readonly number[]).includes(vat);
    if (!vatOk) fail(row.line, "vat_rate", `Use one of ${VAT_RATES_BP.map(percent).join(", ")} (percent).`);
    const tags = cell("dietary_tags").split(/[\s;|]+/).filter(Boolean);
    const unknownTag = tags.find((t) => !(DIETARY_TAGS as readonly string[]).includes(t));
    if (unknownTag) fail(row.line, "dietary_tags", `Unknown tag "${unknownTag.slice(0, 30)}": use ${DIETARY_TAGS.join(", ")}, separated by spaces.`);
    const prices = new Map<number, number | null>();
    for (const s of storeColumns) {
      const text = csvText(row.fields[s.at]).trim();
      const cents = text === "" ? null : parseEuros(text);
      if (text !== "" && cents === null) fail(row.line, s.column, "Enter a price in euros, like 2.49, or leave it empty for the national price.");
      prices.set(s.storeId, cents);
    }
    if (parsed.success) {
      const { sku, ean } = parsed.data;
      if (seenSku.has(sku)) fail(row.line, "sku", `This SKU is already on line ${seenSku.get(sku)}.`);
      else seenSku.set(sku, row.line);
      const owner = productOfSku.get(sku);
      if (owner !== undefined && owner !== slug && SLUG.test(slug)) fail(row.line, "product_slug", `This SKU belongs to product ${owner}.`);
      if (ean) {
        if (seenEan.has(ean)) fail(row.line, "ean", `This EAN is already on line ${seenEan.get(ean)}.`);
        else seenEan.set(ean, row.line);
        const other = skuOfEan.get(ean);
        if (other !== undefined && other !== sku) fail(row.line, "ean", `Variant ${other} already uses this EAN.`);
      }
    }
    if (errors.length > before || !parsed.success || !category) continue;

    const product: ProductRow = { slug, name: parsed.data.name, description: parsed.data.description, brand, categoryId: category.id, categoryName: category.name, vatRateBp: vat, dietaryTags: DIETARY_TAGS.filter((t) => tags.includes(t)) };
    const first = productsBySlug.get(slug);
    if (first) {
      // A product's own fields, repeated on each of its variants, must agree.
      const differs: [Column, boolean][] = [
        ["name", first.name !== product.name],
        ["description", first.description !== product.description],
        ["brand", first.brand !== product.brand],
        ["category_slug", first.categoryId !== product.categoryId],
        ["vat_rate", first.vatRateBp !== product.vatRateBp],
        ["dietary_tags", first.dietaryTags.join() !== product.dietaryTags.join()],
      ];
      for (const [column, different] of differs) if (different) fail(row.line, column, `Differs from line ${first.line} for the same product: a product's fields must match on each of its variants.`);
    } else {
      productsBySlug.set(slug, { ...product, line: row.line });
    }
    const d = parsed.data;
    variants.push({
      line: row.line,
      sku: d.sku,
      productSlug: slug,
      ean: d.ean || null,
      sizeLabel: d.sizeLabel,
      sellingMode: d.sellingMode,
      weightStepGrams: d.sellingMode === "weight" ? d.weightStepGrams : null,
      netQuantity: d.sellingMode === "weight" ? null : d.netQuantity,
      unitPriceBasis: d.sellingMode === "weight" ? "kg" : d.unitPriceBasis,
      priceCents: d.price,
      storePrices: prices,
    });
  }
  if (rows.length === 0) fail(head.line, "", "The file has no rows under its header.");
  if (errors.length) return { ok: false, rows: rows.length, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows: rows.length, plan: { products: productsBySlug, variants } };
}

export type ImportResult = { products: number; createdProducts: number; variants: number; createdVariants: number; storePrices: number };

const chunks = <T>(items: T[], size: number) => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Checks the file, then writes all of it in one transaction, or nothing: products (by slug),
 * variants (by SKU), brands (by name, created when new) and store prices. Product archive state,
 * images and keywords typed in the back office are kept.
 */
export async function importCatalogCsv(db: Database, staffId: string, text: string): Promise<{ ok: true; result: ImportResult } | { ok: false; errors: ImportError[]; rows: number }> {
  return db.transaction(async (tx) => {
    // Checked again inside the transaction, with the catalog locked against other imports.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('catalog-import'))`);
    const check = await checkCatalogCsv(tx, text);
    if (!check.ok) return check;
    const { products: planned, variants } = check.plan;

    const brandIds = new Map<string, number | null>([["", null]]);
    for (const name of new Set([...planned.values()].map((p) => p.brand))) {
      if (brandIds.has(name)) continue;
      const brand = await resolveBrand(tx, { brandId: null, newBrand: name });
      brandIds.set(name, brand && !("ok" in brand) ? brand.id : null);
    }

    const slugs = [...planned.keys()];
    const existing = await tx.execute<{ id: number; slug: string; keywords: string; variants: number }>(sql`
      select p.id, p.slug, p.search_keywords as keywords, (select count(*)::int from product_variants v where v.product_id = p.id) as variants
      from products p where p.slug = any(${sqlArray(slugs, "text")})`);
    const existingBySlug = new Map(existing.map((e) => [e.slug, e]));
    const productIds = new Map<string, number>();
    for (const batch of chunks([...planned.values()], 500)) {
      const rows = await tx
        .insert(products)
        .values(
          batch.map((p) => ({
            slug: p.slug,
            name: p.name,
            description: p.description,
            brandId: brandIds.get(p.brand) ?? null,
            categoryId: p.categoryId,
            vatRateBp: p.vatRateBp,
            dietaryTags: p.dietaryTags,
            searchKeywords: searchKeywords({ brand: p.brand, categoryName: p.categoryName, keywords: existingBySlug.get(p.slug)?.keywords, tags: p.dietaryTags }),
          })),
        )
        .onConflictDoUpdate({
          target: products.slug,
          set: {
            name: sql`excluded.name`,
            description: sql`excluded.description`,
            brandId: sql`excluded.brand_id`,
            categoryId: sql`excluded.category_id`,
            vatRateBp: sql`excluded.vat_rate_bp`,
            dietaryTags: sql`excluded.dietary_tags`,
            searchKeywords: sql`excluded.search_keywords`,
            updatedAt: sql`now()`,
          },
        })
        .returning({ id: products.id, slug: products.slug });
      for (const r of rows) productIds.set(r.slug, r.id);
    }

    const knownSkus = new Set(
      (await tx.execute<{ sku: string }>(sql`select sku from product_variants where sku = any(${sqlArray(variants.map((v) => v.sku), "text")})`)).map((r) => r.sku),
    );
    const nextPosition = new Map(existing.map((e) => [e.slug, e.variants]));
    const variantIds = new Map<string, number>();
    for (const batch of chunks(variants, 500)) {
      const rows = await tx
        .insert(productVariants)
        .values(
          batch.map((v) => {
            const isNew = !knownSkus.has(v.sku);
            const position = nextPosition.get(v.productSlug) ?? 0;
            if (isNew) nextPosition.set(v.productSlug, position + 1);
            return {
              productId: productIds.get(v.productSlug)!,
              sku: v.sku,
              ean: v.ean,
              sizeLabel: v.sizeLabel,
              sellingMode: v.sellingMode,
              weightStepGrams: v.weightStepGrams,
              netQuantity: v.netQuantity,
              unitPriceBasis: v.unitPriceBasis,
              priceCents: v.priceCents,
              isDefault: isNew && position === 0,
              position,
            };
          }),
        )
        .onConflictDoUpdate({
          target: productVariants.sku,
          set: {
            ean: sql`excluded.ean`,
            sizeLabel: sql`excluded.size_label`,
            sellingMode: sql`excluded.selling_mode`,
            weightStepGrams: sql`excluded.weight_step_grams`,
            netQuantity: sql`excluded.net_quantity`,
            unitPriceBasis: sql`excluded.unit_price_basis`,
            priceCents: sql`excluded.price_cents`,
          },
        })
        .returning({ id: productVariants.id, sku: productVariants.sku });
      for (const r of rows) variantIds.set(r.sku, r.id);
    }

    const setPrices: { storeId: number; variantId: number; priceCents: number }[] = [];
    const cleared: { storeId: number; variantId: number }[] = [];
    for (const v of variants) {
      for (const [storeId, cents] of v.storePrices) {
        if (cents === null) cleared.push({ storeId, variantId: variantIds.get(v.sku)! });
        else setPrices.push({ storeId, variantId: variantIds.get(v.sku)!, priceCents: cents });
      }
    }
    for (const batch of chunks(cleared, 2000)) {
      await tx.execute(sql`
        delete from store_prices sp using unnest(${sqlArray(batch.map((c) => c.storeId), "int")}, ${sqlArray(batch.map((c) => c.variantId), "int")}) as c(store_id, variant_id)
        where sp.store_id = c.store_id and sp.variant_id = c.variant_id`);
    }
    for (const batch of chunks(setPrices, 2000)) {
      await tx
        .insert(storePrices)
        .values(batch)
        .onConflictDoUpdate({ target: [storePrices.storeId, storePrices.variantId], set: { priceCents: sql`excluded.price_cents`, updatedAt: sql`now()` }, setWhere: sql`${storePrices.priceCents} <> excluded.price_cents` });
    }

    const result: ImportResult = {
      products: planned.size,
      createdProducts: planned.size - existing.length,
      variants: variants.length,
      createdVariants: variants.length - knownSkus.size,
      storePrices: setPrices.length,
    };
    await recordStaffAction(tx, { staffId, action: "catalog.import", data: result });
    return { ok: true as const, result };
  });
}
