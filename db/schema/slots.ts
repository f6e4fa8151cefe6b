// Delivery and collection slots per store, with a capacity the database itself enforces.
import { sql } from "drizzle-orm";
import { check, index, integer, pgEnum, pgTable, timestamp, unique } from "drizzle-orm/pg-core";
import { stores } from "./stores";

export const slotKind = pgEnum("slot_kind", ["delivery", "collection"]);

export const slots = pgTable(
  "slots",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "cascade" }),
    kind: slotKind("kind").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    capacity: integer("capacity").notNull(),
    /** Places held by unpaid orders and booked by confirmed ones. */
    booked: integer("booked").notNull().default(0),
  },
  (t) => [
    unique("slots_store_id_kind_starts_at_unique").on(t.storeId, t.kind, t.startsAt),
    index("slots_store_id_starts_at_idx").on(t.storeId, t.startsAt),
    check("slots_booked_check", sql`${t.booked} >= 0 and ${t.booked} <= ${t.capacity}`),
    check("slots_time_check", sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export type Slot = typeof slots.$inferSelect;
export type SlotKind = (typeof slotKind.enumValues)[number];
