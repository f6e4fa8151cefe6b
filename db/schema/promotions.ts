// Promotions: codes a shopper enters (percent or fixed amount off the basket) and automatic ones
// (multi-buy on a product, percent off a category), with their redemptions per order.
import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { categories, products } from "./catalog";
import { orders } from "./orders";
import { users } from "./users";

/** code: entered at the basket; multibuy: "3 for 2" on a product; category_percent: % off a category. */
export const promotionKind = pgEnum("promotion_kind", ["code", "multibuy", "category_percent"]);
export const discountType = pgEnum("discount_type", ["percent", "fixed"]);

export const promotions = pgTable(
  "promotions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    kind: promotionKind("kind").notNull(),
    /** Shown to shoppers next to the discount: "10% off with WELCOME10", "3 for 2". */
    name: text("name").notNull(),
    /** Codes only; stored upper-case, unique. */
    code: text("code"),
    /** Codes: percent (percent_bp) or a fixed amount (amount_cents). category_percent: percent. */
    discountType: discountType("discount_type"),
    /** Basis points: 1000 = 10 %. */
    percentBp: integer("percent_bp"),
    amountCents: integer("amount_cents"),
    /** Codes: the basket's subtotal (VAT included, before discounts) must reach this. */
    minBasketCents: integer("min_basket_cents").notNull().default(0),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /** Codes: how many orders may use it in all and per customer; null means no limit. */
    maxUses: integer("max_uses"),
    maxUsesPerCustomer: integer("max_uses_per_customer"),
    /** Orders holding a redemption that is not given back; raised and lowered with them. */
    usesCount: integer("uses_count").notNull().default(0),
    /** multibuy: buy `buy_quantity` of the product, pay for `pay_quantity`. */
    productId: integer("product_id").references(() => products.id, { onDelete: "cascade" }),
    buyQuantity: integer("buy_quantity"),
    payQuantity: integer("pay_quantity"),
    /** category_percent: the category (and its subcategories). */
    categoryId: integer("category_id").references(() => categories.id, { onDelete: "cascade" }),
    /** Archived promotions apply nowhere and are kept for the orders that used them. */
    active: boolean("active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [
    uniqueIndex("promotions_code_idx").on(t.code).where(sql`${t.code} is not null`),
    index("promotions_product_id_idx").on(t.productId).where(sql`${t.active}`),
    index("promotions_category_id_idx").on(t.categoryId).where(sql`${t.active}`),
    check("promotions_code_check", sql`(${t.kind} = 'code') = (${t.code} is not null)`),
    check("promotions_percent_check", sql`${t.percentBp} is null or ${t.percentBp} between 1 and 10000`),
    check("promotions_amount_check", sql`${t.amountCents} is null or ${t.amountCents} > 0`),
    check("promotions_uses_check", sql`${t.usesCount} >= 0 and (${t.maxUses} is null or ${t.usesCount} <= ${t.maxUses})`),
    check("promotions_multibuy_check", sql`${t.kind} <> 'multibuy' or (${t.productId} is not null and ${t.payQuantity} >= 1 and ${t.buyQuantity} > ${t.payQuantity})`),
    check("promotions_category_check", sql`${t.kind} <> 'category_percent' or (${t.categoryId} is not null and ${t.percentBp} is not null)`),
  ],
);

/** A promotion used by an order; given back (released_at) when the order is cancelled. */
export const promotionRedemptions = pgTable(
  "promotion_redemptions",
  {
    id: integer("id").primaryKey().generatedAlwaysAsIdentity(),
    promotionId: integer("promotion_id")
      .notNull()
      .references(() => promotions.id, { onDelete: "restrict" }),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    discountCents: integer("discount_cents").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    releasedAt: timestamp("released_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("promotion_redemptions_order_promotion_idx").on(t.orderId, t.promotionId),
    index("promotion_redemptions_customer_idx").on(t.promotionId, t.userId).where(sql`${t.releasedAt} is null`),
  ],
);

export type Promotion = typeof promotions.$inferSelect;
export type NewPromotion = typeof promotions.$inferInsert;
export type PromotionRedemption = typeof promotionRedemptions.$inferSelect;
export type PromotionKind = (typeof promotionKind.enumValues)[number];
