// The scheduler's timed work: expire unpaid orders (each cancellation enqueues its e-mail in
// its own transaction; the open Checkout Session is then expired at Stripe) and keep the slot
// calendar seven days ahead.
import type Stripe from "stripe";
import { expireUnpaidOrders } from "@/db/queries/order-lifecycle";
import { ensureSlotCalendar } from "@/db/queries/slots";
import { enqueueOrderEmail } from "@/lib/jobs/queue";
import type { TaskHandler } from "../runtime";
import { closeAtStripe } from "./process-stripe-event";

export const SLOT_CALENDAR_DAYS = 7;

export function expireUnpaidOrdersTask(stripe: Stripe): TaskHandler<"expire-unpaid-orders"> {
  return async (_payload, ctx) => {
    const cancelled = await expireUnpaidOrders(ctx.db, { afterCancel: (tx, order) => enqueueOrderEmail(tx, order.id, "cancelled").then(() => {}) });
    for (const order of cancelled) {
      if (order.checkoutSessionId) await closeAtStripe(stripe, { expireSession: order.checkoutSessionId });
    }
    return { expired: cancelled.length };
  };
}

export const rollSlotCalendarTask: TaskHandler<"roll-slot-calendar"> = async (_payload, ctx) => ({
  created: await ensureSlotCalendar(ctx.db, { days: SLOT_CALENDAR_DAYS }),
});
