// What a variant costs at a store: the store's own price (`store_prices`) when it has one, else
// the variant's national price. Every price read (listings, product page, basket, checkout,
// picking, the API) goes through `effectivePriceSql`, a primary-key lookup per row (no N+1).
import { sql, type SQLWrapper } from "drizzle-orm";
import { productVariants } from "../schema";

type Operand = SQLWrapper | number;

/**
 * The price in cents of a variant at a store. The variant defaults to the `product_variants`
 * table of a Drizzle query builder; raw SQL with an alias passes `variantAlias("v")`.
 */
export function effectivePriceSql(storeId: Operand, variant: { id: SQLWrapper; priceCents: SQLWrapper } = productVariants) {
  return sql<number>`coalesce((select sp.price_cents from store_prices sp where sp.store_id = ${storeId} and sp.variant_id = ${variant.id}), ${variant.priceCents})`;
}

/** The columns of an aliased `product_variants` row in raw SQL (`v.id`, `v.price_cents`). */
export function variantAlias(alias: string): { id: SQLWrapper; priceCents: SQLWrapper } {
  if (!/^[a-z_]+$/.test(alias)) throw new Error(`Bad alias: ${alias}`);
  return { id: sql.raw(`${alias}.id`), priceCents: sql.raw(`${alias}.price_cents`) };
}
