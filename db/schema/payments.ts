// Stripe webhook events, stored once each (the event id is the key) before they are processed.
import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

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

export type StripeEvent = typeof stripeEvents.$inferSelect;
