// The catalog: category tree, brands, products, their variants and images, and per-store stock.
import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  check,
  customType,
  index,
  integer,
  pgEnum,
  pgMaterializedView,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { stores } from "./stores";
import { users } from "./users";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

export const sellingMode = pgEnum("selling_mode", ["unit", "weight"]);
/** What the EU unit price is expressed per: kilogram, litre, or piece (eggs, lettuce). */
export const unitPriceBasis = pgEnum("unit_price_basis", ["kg", "l", "piece"]);
export const dietaryTag = pgEnum("dietary_tag", ["organic", "vegan", "vegetarian", "gluten_free", "lactose_free"]);

export const categories = pgTable(
  "categories",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    parentId: integer("parent_id").references((): AnyPgColumn => categories.id, { onDelete: "restrict" }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** A single emoji used on category tiles and generated product images. */
    icon: text("icon").notNull().default("🛒"),
    /** Tile colour, a hex string such as #e8f5e9. */
    color: text("color").notNull().default("#f1f5f9"),
    position: integer("position").notNull().default(0),
  },
  (t) => [index("categories_parent_id_idx").on(t.parentId)],
);

export const brands = pgTable("brands", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
});

export const products = pgTable(
  "products",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    categoryId: integer("category_id")
      .notNull()
      .references(() => categories.id, { onDelete: "restrict" }),
    brandId: integer("brand_id").references(() => brands.id, { onDelete: "set null" }),
    /** VAT rate in basis points: 550 = 5.5 %, 2000 = 20 %. Prices include VAT. */
    vatRateBp: integer("vat_rate_bp").notNull(),
    dietaryTags: dietaryTag("dietary_tags").array().notNull().default(sql`'{}'`),
    /** Extra words for search: brand, category names, synonyms. Kept up to date by the catalog writers. */
    searchKeywords: text("search_keywords").notNull().default(""),
    searchVector: tsvector("search_vector").generatedAlwaysAs(
      (): SQL =>
        sql`setweight(to_tsvector('halles', ${products.name}), 'A') || setweight(to_tsvector('halles', ${products.searchKeywords}), 'B') || setweight(to_tsvector('halles', ${products.description}), 'C')`,
    ),
    featured: boolean("featured").notNull().default(false),
    active: boolean("active").notNull().default(true),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    index("products_category_id_idx").on(t.categoryId),
    index("products_brand_id_idx").on(t.brandId),
    index("products_search_vector_idx").using("gin", t.searchVector),
    index("products_dietary_tags_idx").using("gin", t.dietaryTags),
    check("products_vat_rate_bp_check", sql`${t.vatRateBp} between 0 and 10000`),
  ],
);

export const productVariants = pgTable(
  "product_variants",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    sku: text("sku").notNull().unique(),
    ean: text("ean").unique(),
    /** Shown to shoppers: "500 g", "6 x 1 l", "per kg". */
    sizeLabel: text("size_label").notNull(),
    sellingMode: sellingMode("selling_mode").notNull(),
    /**
     * unit: price of one item; weight: price per kg. Integer cents, VAT included.
     */
    priceCents: integer("price_cents").notNull(),
    /** Net content of one unit: g or ml (basis kg / l), or the number of pieces (basis piece); null when sold by weight. */
    netQuantity: integer("net_quantity"),
    unitPriceBasis: unitPriceBasis("unit_price_basis").notNull(),
    /** Weighed items: the ordering step in grams (e.g. 250) and the smallest order. */
    weightStepGrams: integer("weight_step_grams"),
    isDefault: boolean("is_default").notNull().default(false),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("product_variants_product_id_idx").on(t.productId),
    uniqueIndex("product_variants_default_idx").on(t.productId).where(sql`${t.isDefault}`),
    index("product_variants_price_cents_idx").on(t.priceCents),
    check("product_variants_price_check", sql`${t.priceCents} > 0`),
    check(
      "product_variants_weight_step_check",
      sql`(${t.sellingMode} = 'weight') = (${t.weightStepGrams} is not null and ${t.weightStepGrams} > 0)`,
    ),
  ],
);

/**
 * An uploaded picture, stored once per width the storefront asks for (`widths`, WebP) by the
 * media storage (local folder or S3-compatible). Products and content blocks refer to it by id.
 */
export const media = pgTable("media", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Prefix of the stored files: `<key>/<width>.webp`. */
  storageKey: text("storage_key").notNull().unique(),
  /** The original's size in pixels (after EXIF rotation). */
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  /** The stored widths, ascending. */
  widths: integer("widths").array().notNull(),
  /** What was uploaded: jpeg, png or webp (checked from the bytes), and its size. */
  sourceFormat: text("source_format").notNull(),
  sourceBytes: integer("source_bytes").notNull(),
  alt: text("alt").notNull().default(""),
  fileName: text("file_name").notNull(),
  uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const productImages = pgTable(
  "product_images",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    productId: integer("product_id")
      .notNull()
      .references(() => products.id, { onDelete: "cascade" }),
    /** A fixed address (seed data), or null when the picture is an uploaded `media` row. */
    url: text("url"),
    mediaId: uuid("media_id").references(() => media.id, { onDelete: "cascade" }),
    alt: text("alt").notNull(),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("product_images_product_id_idx").on(t.productId),
    index("product_images_media_id_idx").on(t.mediaId),
    check("product_images_source_check", sql`(${t.url} is null) <> (${t.mediaId} is null)`),
  ],
);

/**
 * A store's own price for a variant; without a row the variant's `price_cents` (the national
 * price) applies. Read through `effectivePriceSql`.
 */
export const storePrices = pgTable(
  "store_prices",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    priceCents: integer("price_cents").notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.variantId] }),
    index("store_prices_variant_id_idx").on(t.variantId),
    check("store_prices_price_check", sql`${t.priceCents} > 0`),
  ],
);

/**
 * A price that takes effect at `effective_at`: the national price (`store_id` null) or one
 * store's. Applied once by the scheduler (`applied_at`); a change not yet applied can be cancelled.
 */
export const priceChanges = pgTable(
  "price_changes",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    storeId: integer("store_id").references(() => stores.id, { onDelete: "cascade" }),
    priceCents: integer("price_cents").notNull(),
    effectiveAt: timestamp("effective_at", { withTimezone: true }).notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("price_changes_due_idx").on(t.effectiveAt).where(sql`${t.appliedAt} is null and ${t.cancelledAt} is null`),
    index("price_changes_variant_id_idx").on(t.variantId, t.effectiveAt),
    check("price_changes_price_check", sql`${t.priceCents} > 0`),
  ],
);

/**
 * Stock of a variant at a store, in the variant's selling unit: items, or grams for weighed
 * items. `reserved` is held by unpaid orders; available = quantity - reserved.
 */
export const stockLevels = pgTable(
  "stock_levels",
  {
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull().default(0),
    reserved: integer("reserved").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.variantId] }),
    index("stock_levels_variant_id_idx").on(t.variantId),
    check("stock_levels_quantity_check", sql`${t.quantity} >= 0`),
    check("stock_levels_reserved_check", sql`${t.reserved} >= 0 and ${t.reserved} <= ${t.quantity}`),
  ],
);

/**
 * Every word of the active catalog, for correcting typos in searches: a query word that is not
 * in the catalog is replaced by its nearest words by trigram similarity. Refreshed by
 * `refreshSearchTerms` after catalog writes; its trigram index lives in a custom migration.
 * Names are schema-qualified: PostgreSQL 17+ refreshes views with a locked-down search_path.
 */
export const searchTerms = pgMaterializedView("search_terms", {
  word: text("word").notNull(),
  documents: integer("documents").notNull(),
}).as(
  sql`select word, ndoc as documents from ts_stat($$select to_tsvector('public.halles_words', name || ' ' || search_keywords) from public.products where active$$)`,
);

export type Category = typeof categories.$inferSelect;
export type Brand = typeof brands.$inferSelect;
export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;
export type ProductVariant = typeof productVariants.$inferSelect;
export type NewProductVariant = typeof productVariants.$inferInsert;
export type ProductImage = typeof productImages.$inferSelect;
export type Media = typeof media.$inferSelect;
export type StorePrice = typeof storePrices.$inferSelect;
export type PriceChange = typeof priceChanges.$inferSelect;
export type StockLevel = typeof stockLevels.$inferSelect;
export type DietaryTag = (typeof dietaryTag.enumValues)[number];
export type SellingMode = (typeof sellingMode.enumValues)[number];
export type UnitPriceBasis = (typeof unitPriceBasis.enumValues)[number];
