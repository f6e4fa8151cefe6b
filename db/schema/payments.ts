// Stripe webhook events, stored once each (the event id is the key) before they are processed.
import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { orders } from "./orders";

export const stripeEvents = pgTable(
  "stripe_events",
  {
    id: text("id").primaryKey(),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (t) => [index("stripe_events_type_idx").on(t.type)],
);

export const refundStatus = pgEnum("refund_status", ["requested", "succeeded", "failed"]);

/** A line's share of a refund: its id and the cents given back for it. */
export type RefundLine = { orderLineId: string; amountCents: number };

/**
 * Money given back after capture: one row per request, made by the order worker through Stripe
 * with the row's id as the idempotency key, so a request runs once however often its job does.
 */
export const refunds = pgTable(
  "refunds",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orderId: uuid("order_id")
      .notNull()
      .references(() => orders.id, { onDelete: "cascade" }),
    amountCents: integer("amount_cents").notNull(),
    reason: text("reason").notNull(),
    /** Empty for an amount or the whole order. */
    lines: jsonb("lines").$type<RefundLine[]>().notNull().default([]),
    status: refundStatus("status").notNull().default("requested"),
    stripeRefundId: text("stripe_refund_id").unique(),
    failureReason: text("failure_reason"),
    /** "agent:<uuid>", "system" (an agent's cancellation after capture). */
    requestedBy: text("requested_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("refunds_order_id_idx").on(t.orderId), check("refunds_amount_check", sql`${t.amountCents} > 0`)],
);

export type StripeEvent = typeof stripeEvents.$inferSelect;
export type Refund = typeof refunds.$inferSelect;
export type RefundStatus = (typeof refundStatus.enumValues)[number];
