// The scheduler's timed work: expire unpaid orders (each cancelled through cancelOrder, with its
// e-mail and close-stripe-payment jobs, in its own transaction) and keep the slot calendar seven
// days ahead.
import { expireUnpaidOrders } from "@/db/queries/order-lifecycle";
import { pruneEmailTokens } from "@/db/queries/email-tokens";
import { pruneRateLimits } from "@/db/queries/rate-limits";
import { ensureSlotCalendar } from "@/db/queries/slots";
import { pruneSignInAttempts } from "@/db/queries/users";
import { KNOWN_ADDRESS_MS } from "@/lib/limits/policies";
import type { TaskHandler } from "../runtime";

export const SLOT_CALENDAR_DAYS = 7;

export const expireUnpaidOrdersTask: TaskHandler<"expire-unpaid-orders"> = async (_payload, ctx) => ({
  expired: (await expireUnpaidOrders(ctx.db)).length,
});

export const rollSlotCalendarTask: TaskHandler<"roll-slot-calendar"> = async (_payload, ctx) => ({
  created: await ensureSlotCalendar(ctx.db, { days: SLOT_CALENDAR_DAYS }),
});

/** Keeps the abuse counters small: old rate-limit windows, sign-in attempts and expired links. */
export const pruneSecurityRecordsTask: TaskHandler<"prune-security-records"> = async (_payload, ctx) => {
  const now = Date.now();
  return {
    rateLimitWindows: await pruneRateLimits(ctx.db, new Date(now - 24 * 60 * 60_000)),
    signInAttempts: await pruneSignInAttempts(ctx.db, new Date(now - KNOWN_ADDRESS_MS)),
    emailTokens: await pruneEmailTokens(ctx.db, new Date(now)),
  };
};
