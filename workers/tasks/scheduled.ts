// The scheduler's timed work: expire unpaid orders (each cancelled through cancelOrder, with its
// e-mail and close-stripe-payment jobs, in its own transaction) and keep the slot calendar seven
// days ahead.
import { flagExpiringAuthorizations } from "@/db/queries/capture";
import { applyDuePriceChanges } from "@/db/queries/price-changes";
import { applyContentSchedules } from "@/db/queries/content";
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

/**
 * Flags orders whose uncaptured authorisation is older than 6 days (Stripe drops it at 7), once
 * each, with a warning line per order: the agents' queue shows the flag.
 */
export const flagExpiringAuthorizationsTask: TaskHandler<"flag-expiring-authorizations"> = async (_payload, ctx) => {
  const flagged = await flagExpiringAuthorizations(ctx.db);
  for (const order of flagged) {
    ctx.log.warn(
      { alert: "authorization_expiring", orderId: order.id, orderNumber: order.number, storeId: order.storeId, status: order.status, authorizedAt: order.authorizedAt },
      "card authorisation older than 6 days and not captured: Stripe drops it at 7 days",
    );
  }
  return { flagged: flagged.length };
};

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

/**
 * Applies the price changes that are due: from the minute cron, and from the job enqueued for
 * each change at its effective time. Idempotent (each change is applied once, see applyDuePriceChanges).
 */
export const applyPriceChangesTask: TaskHandler<"apply-price-changes"> = async (_payload, ctx) => {
  const applied = await applyDuePriceChanges(ctx.db);
  if (applied.length) ctx.log.info({ changes: applied.map((c) => c.id) }, "price changes applied");
  return { applied: applied.length };
};

/**
 * Content pages' scheduled publish and unpublish: one page at its time (a job enqueued with
 * run_at when it was scheduled), or every due page (the per-minute cron, a safety net). Idempotent;
 * the storefront's refresh is enqueued in the same transaction.
 */
export const applyContentScheduleTask: TaskHandler<"apply-content-schedule"> = async (payload, ctx) =>
  ctx.db.transaction((tx) => applyContentSchedules(tx, { pageId: payload.pageId }));
