// The back office's own records: which stores an agent works in, the audit log of every staff
// action, and the stock corrections agents make.
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { productVariants } from "./catalog";
import { orders } from "./orders";
import { stores } from "./stores";
import { users } from "./users";

/** An agent's stores: they see and act on these stores' orders and stock only. */
export const staffStores = pgTable(
  "staff_stores",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.userId, t.storeId] }), index("staff_stores_store_id_idx").on(t.storeId)],
);

/** Every staff action: who did what, when, to which order or store. Written in the action's transaction. */
export const staffActions = pgTable(
  "staff_actions",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    /** "order.claim", "order.cancel", "stock.correct", "staff.create", … */
    action: text("action").notNull(),
    orderId: uuid("order_id").references(() => orders.id, { onDelete: "set null" }),
    storeId: integer("store_id").references(() => stores.id, { onDelete: "set null" }),
    /** The account an admin acted on (staff management). */
    subjectUserId: uuid("subject_user_id").references(() => users.id, { onDelete: "set null" }),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("staff_actions_created_at_idx").on(t.createdAt),
    index("staff_actions_staff_id_created_at_idx").on(t.staffId, t.createdAt),
    index("staff_actions_order_id_idx").on(t.orderId),
  ],
);

/** A change of a store's stock by hand (a count, breakage, a delivery), with its reason. */
export const stockCorrections = pgTable(
  "stock_corrections",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    variantId: integer("variant_id")
      .notNull()
      .references(() => productVariants.id, { onDelete: "cascade" }),
    /** In the variant's selling unit: items, or grams. */
    quantityBefore: integer("quantity_before").notNull(),
    quantityAfter: integer("quantity_after").notNull(),
    reason: text("reason").notNull(),
    staffId: uuid("staff_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("stock_corrections_store_id_variant_id_idx").on(t.storeId, t.variantId, t.createdAt)],
);

export type StaffAction = typeof staffActions.$inferSelect;
export type StockCorrection = typeof stockCorrections.$inferSelect;
