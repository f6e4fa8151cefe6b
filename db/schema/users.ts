// People who sign in: shoppers and staff, their roles, saved addresses, sign-in attempts, and the
// one-time tokens e-mailed to confirm an address or reset a password.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const userRole = pgEnum("user_role", ["customer", "agent", "marketing", "admin"]);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Stored lower-cased; unique. */
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    /** scrypt hash in PHC-like form (see lib/auth/password.ts); never a plain or fast hash. */
    passwordHash: text("password_hash").notNull(),
    role: userRole("role").notNull().default("customer"),
    /** Set when the owner opened the link e-mailed at sign-up; until then the account cannot sign in. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /**
     * Carried by every session; raising it (sign-out, password reset, deactivation) ends all of
     * the user's sessions at their next request.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /** A deactivated account is refused at its next request. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow().$onUpdate(() => sql`now()`),
  },
  (t) => [index("users_role_idx").on(t.role).where(sql`${t.role} <> 'customer'`)],
);

export const addresses = pgTable(
  "addresses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    label: text("label").notNull().default("Home"),
    recipient: text("recipient").notNull(),
    street: text("street").notNull(),
    postcode: text("postcode").notNull(),
    city: text("city").notNull(),
    phone: text("phone"),
    isDefault: boolean("is_default").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("addresses_user_id_idx").on(t.userId)],
);

/**
 * Every sign-in attempt that tested a password, for throttling failures per e-mail address and
 * per client address. Recorded as failed before the password is checked, then marked succeeded.
 */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    email: text("email").notNull(),
    /** The client's address (IPv6: its /64), as lib/http/client-address.ts reads it; null if unknown. */
    clientAddress: text("client_address"),
    succeeded: boolean("succeeded").notNull(),
    attemptedAt: timestamp("attempted_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("sign_in_attempts_email_attempted_at_idx").on(t.email, t.attemptedAt), index("sign_in_attempts_attempted_at_idx").on(t.attemptedAt)],
);

export const emailTokenPurpose = pgEnum("email_token_purpose", ["verify_email", "reset_password"]);

/** One-time links e-mailed to a user; only a SHA-256 of the token is stored. */
export const emailTokens = pgTable(
  "email_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: emailTokenPurpose("purpose").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_tokens_user_id_idx").on(t.userId), index("email_tokens_expires_at_idx").on(t.expiresAt)],
);

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type UserRole = (typeof userRole.enumValues)[number];
export type Address = typeof addresses.$inferSelect;
export type EmailToken = typeof emailTokens.$inferSelect;
export type EmailTokenPurpose = (typeof emailTokenPurpose.enumValues)[number];
