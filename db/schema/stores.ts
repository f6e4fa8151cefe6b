// Stores, the postcodes each one delivers to, and their opening hours.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/** Opening hours per ISO weekday (1 = Monday … 7 = Sunday); an empty list means closed. */
export type OpeningHours = Record<"1" | "2" | "3" | "4" | "5" | "6" | "7", { opens: string; closes: string }[]>;

export const stores = pgTable("stores", {
  id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  street: text("street").notNull(),
  postcode: text("postcode").notNull(),
  city: text("city").notNull(),
  countryCode: text("country_code").notNull().default("FR"),
  phone: text("phone"),
  timezone: text("timezone").notNull().default("Europe/Paris"),
  openingHours: jsonb("opening_hours").$type<OpeningHours>().notNull(),
  offersDelivery: boolean("offers_delivery").notNull().default(true),
  offersCollection: boolean("offers_collection").notNull().default(true),
  /** Display order; the first store is the default for visitors who have not chosen one. */
  position: integer("position").notNull().default(0),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
});

/** Postcodes a store delivers to. */
export const storeDeliveryPostcodes = pgTable(
  "store_delivery_postcodes",
  {
    storeId: integer("store_id").notNull().references(() => stores.id, { onDelete: "cascade" }),
    postcode: text("postcode").notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.postcode] }), index("store_delivery_postcodes_postcode_idx").on(t.postcode)],
);

export type Store = typeof stores.$inferSelect;
export type NewStore = typeof stores.$inferInsert;
