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
/** How a picker settled an order line. */
export const linePickStatus = pgEnum("line_pick_status", ["picked", "missing", "substituted"]);

/** A substitute's snapshot; `quantity` in items, or grams when sold by weight. */
export type LineSubstitute = {
  variantId: number;
  productName: string;
  sizeLabel: string;
  sku: string;
  sellingMode: "unit" | "weight";
  unitPriceCents: number;
  vatRateBp: number;
  quantity: number;
};

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
    /** Promotions taken off the subtotal (lines' discounts plus a code's); the total is net of it. */
    discountCents: integer("discount_cents").notNull().default(0),
    /** The code the shopper entered, as it was at checkout. */
    promotionCode: text("promotion_code"),
    deliveryFeeCents: integer("delivery_fee_cents").notNull(),
    totalCents: integer("total_cents").notNull(),
    /** What the card is authorised for: the total plus a buffer on weighed lines. */
    authorizedCents: integer("authorized_cents").notNull(),
    capturedCents: integer("captured_cents"),
    refundedCents: integer("refunded_cents").notNull().default(0),
    /** What picking came to (VAT included, delivery fee too): the amount captured, up to the authorisation. */
    finalTotalCents: integer("final_total_cents"),
    checkoutSessionId: text("checkout_session_id").unique(),
    paymentIntentId: text("payment_intent_id").unique(),
    /** Unpaid orders are cancelled after this moment. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    cancelReason: text("cancel_reason"),
    /** The slot's start, copied from it (slots never move): the queue sorts and pages on it. */
    slotStartsAt: timestamp("slot_starts_at", { withTimezone: true }).notNull(),
    /** When the card was authorised; Stripe drops an uncaptured authorisation 7 days later. */
    authorizedAt: timestamp("authorized_at", { withTimezone: true }),
    /** Set by the scheduler once the authorisation is 6 days old and the order is still not captured. */
    authorizationFlaggedAt: timestamp("authorization_flagged_at", { withTimezone: true }),
    /** The agent picking the order (claimed); one at a time. */
    pickerId: uuid("picker_id").references(() => users.id, { onDelete: "set null" }),
    pickingStartedAt: timestamp("picking_started_at", { withTimezone: true }),
    pickedAt: timestamp("picked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    index("orders_user_id_created_at_idx").on(t.userId, t.createdAt),
    index("orders_store_id_status_idx").on(t.storeId, t.status),
    // The agents' queue: a store's orders by slot, optionally of one status, paged by (slot start, number).
    index("orders_queue_idx").on(t.storeId, t.slotStartsAt, t.number),
    index("orders_queue_status_idx").on(t.storeId, t.status, t.slotStartsAt, t.number),
    index("orders_store_id_contact_email_idx").on(t.storeId, t.contactEmail),
    index("orders_authorized_at_idx").on(t.authorizedAt).where(sql`${t.status} in ('confirmed', 'picking', 'picked') and ${t.capturedCents} is null`),
    index("orders_slot_id_idx").on(t.slotId),
    index("orders_pending_expires_at_idx").on(t.expiresAt).where(sql`${t.status} = 'pending_payment'`),
    check("orders_amounts_check", sql`${t.totalCents} > 0 and ${t.authorizedCents} >= ${t.totalCents} and ${t.refundedCents} >= 0`),
    check("orders_capture_check", sql`${t.capturedCents} is null or ${t.capturedCents} <= ${t.authorizedCents}`),
    check("orders_refund_check", sql`${t.refundedCents} <= coalesce(${t.capturedCents}, 0)`),
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
    /** Taken off this line by promotions (automatic ones and its share of a code), VAT included. */
    discountCents: integer("discount_cents").notNull().default(0),
    substitution: substitutionPreference("substitution").notNull(),
    /** Null until the picker settles the line. */
    pickStatus: linePickStatus("pick_status"),
    /** Picked (or substituted): the quantity, or grams, actually picked; missing in part: what was found. */
    pickedQuantity: integer("picked_quantity"),
    /** What the line costs after picking: its own price for what was found, a substitute's capped at the line's. */
    pickedTotalCents: integer("picked_total_cents"),
    /** The product given instead, as it was when picked. */
    substitute: jsonb("substitute").$type<LineSubstitute>(),
    pickedAt: timestamp("picked_at", { withTimezone: true }),
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
export type LinePickStatus = (typeof linePickStatus.enumValues)[number];
export type Fulfilment = (typeof fulfilment.enumValues)[number];
