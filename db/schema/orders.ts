// Orders with their line snapshots and the event log of every state change.
import { sql } from "drizzle-orm";
import { bigint, check, index, integer, jsonb, pgEnum, pgSequence, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { sellingMode, productVariants } from "./catalog";
import { substitutionPreference } from "./baskets";
import { slots } from "./slots";
import { stores } from "./stores";
import { users } from "./users";

/** The lifecycle of ../shared/PRODUCT.md; transitions are validated by lib/orders/state-machine.ts. */
export const orderStatus = pgEnum("order_status", [
  "pending_payment",
  "authorized",
  "confirmed",
  "picking",
  "picked",
  "ready_for_collection",
  "out_for_delivery",
  "completed",
  "cancelled",
]);
export const fulfilment = pgEnum("fulfilment", ["delivery", "collection"]);

/** Human-friendly order numbers (H-000123). */
export const orderNumberSeq = pgSequence("order_number_seq", { startWith: 1000 });

export type DeliveryAddress = { recipient: string; street: string; postcode: string; city: string; phone: string | null };

export const orders = pgTable(
  "orders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    number: text("number").notNull().unique(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    storeId: integer("store_id")
      .notNull()
      .references(() => stores.id, { onDelete: "restrict" }),
    slotId: integer("slot_id")
      .notNull()
      .references(() => slots.id, { onDelete: "restrict" }),
    fulfilment: fulfilment("fulfilment").notNull(),
    status: orderStatus("status").notNull().default("pending_payment"),
    deliveryAddress: jsonb("delivery_address").$type<DeliveryAddress>(),
    contactEmail: text("contact_email").notNull(),
    /** Estimated totals at checkout, VAT included, integer cents. */
    subtotalCents: integer("subtotal_cents").notNull(),
    deliveryFeeCents: integer("delivery_fee_cents").notNull(),
    totalCents: integer("total_cents").notNull(),
    /** What the card is authorised for: the total plus a buffer on weighed lines. */
    authorizedCents: integer("authorized_cents").notNull(),
    capturedCents: integer("captured_cents"),
    refundedCents: integer("refunded_cents").notNull().default(0),
    checkoutSessionId: text("checkout_session_id").unique(),
    paymentIntentId: text("payment_intent_id").unique(),
    /** Unpaid orders are cancelled after this moment. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    cancelReason: text("cancel_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    index("orders_user_id_created_at_idx").on(t.userId, t.createdAt),
    index("orders_store_id_status_idx").on(t.storeId, t.status),
    index("orders_slot_id_idx").on(t.slotId),
    index("orders_pending_expires_at_idx").on(t.expiresAt).where(sql`${t.status} = 'pending_payment'`),
    check("orders_amounts_check", sql`${t.totalCents} > 0 and ${t.authorizedCents} >= ${t.totalCents} and ${t.refundedCents} >= 0`),
    check("orders_capture_check", sql`${t.capturedCents} is null or ${t.capturedCents} <= ${t.authorizedCents}`),
  ],
);

/** What was ordered, as it was at checkout: later catalog edits do not change an order. */
export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    variantId: integer("variant_id").references(() => productVariants.id, { onDelete: "set null" }),
    productName: text("product_name").notNull(),
    sizeLabel: text("size_label").notNull(),
    sku: text("sku").notNull(),
    sellingMode: sellingMode("selling_mode").notNull(),
    /** Per item, or per kg for weighed lines. */
    unitPriceCents: integer("unit_price_cents").notNull(),
    /** Items, or grams for weighed lines. */
    quantity: integer("quantity").notNull(),
    vatRateBp: integer("vat_rate_bp").notNull(),
    lineTotalCents: integer("line_total_cents").notNull(),
    substitution: substitutionPreference("substitution").notNull(),
    /** Set when picked: the quantity (or grams) actually picked and its price. */
    pickedQuantity: integer("picked_quantity"),
    pickedTotalCents: integer("picked_total_cents"),
    position: integer("position").notNull(),
  },
  (t) => [
    index("order_lines_order_id_idx").on(t.orderId),
    index("order_lines_variant_id_idx").on(t.variantId),
    check("order_lines_quantity_check", sql`${t.quantity} > 0`),
  ],
);

/** Every state change of an order: who, when, from what to what. */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    fromStatus: orderStatus("from_status"),
    toStatus: orderStatus("to_status").notNull(),
    /** "system", "stripe", "customer:<uuid>", "agent:<uuid>". */
    actor: text("actor").notNull(),
    reason: text("reason"),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("order_events_order_id_idx").on(t.orderId, t.createdAt)],
);

export type Order = typeof orders.$inferSelect;
export type NewOrder = typeof orders.$inferInsert;
export type OrderLine = typeof orderLines.$inferSelect;
export type OrderEvent = typeof orderEvents.$inferSelect;
export type OrderStatus = (typeof orderStatus.enumValues)[number];
export type Fulfilment = (typeof fulfilment.enumValues)[number];
