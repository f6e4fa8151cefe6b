// Baskets, for guests (found by the id in an httpOnly cookie) and signed-in shoppers (one each).
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { productVariants } from "./catalog";
import { stores } from "./stores";
import { users } from "./users";

/** What the picker may do when a line is out of stock. */
export const substitutionPreference = pgEnum("substitution_preference", ["allow", "refuse"]);

export const baskets = pgTable(
  "baskets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for a guest basket; a shopper has at most one basket. */
    userId: uuid("user_id")
      .unique()
      .references(() => users.id, { onDelete: "cascade" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    /** A promotion code the shopper entered; checked again whenever the basket is priced. */
    promotionCode: text("promotion_code"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [index("baskets_store_id_idx").on(t.storeId)],
);

/** Quantity in the variant's selling unit: items, or grams for weighed items. */
export const basketLines = pgTable(
  "basket_lines",
  {
    basketId: uuid("basket_id")
      .notNull()
      .references(() => baskets.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    quantity: integer("quantity").notNull(),
    substitution: substitutionPreference("substitution").notNull().default("allow"),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.basketId, t.variantId] }),
    index("basket_lines_variant_id_idx").on(t.variantId),
    check("basket_lines_quantity_check", sql`${t.quantity} > 0`),
  ],
);

export type Basket = typeof baskets.$inferSelect;
export type BasketLine = typeof basketLines.$inferSelect;
export type SubstitutionPreference = (typeof substitutionPreference.enumValues)[number];
