// The scheduler's timed work: expire unpaid orders (each cancellation enqueues its e-mail and the
// close-stripe-payment job that expires its Checkout Session, in its own transaction) and keep
// the slot calendar seven days ahead.
import { expireUnpaidOrders } from "@/db/queries/order-lifecycle";
import { ensureSlotCalendar } from "@/db/queries/slots";
import { enqueueCloseStripePayment, enqueueOrderEmail } from "@/lib/jobs/queue";
import type { TaskHandler } from "../runtime";

export const SLOT_CALENDAR_DAYS = 7;

export const expireUnpaidOrdersTask: TaskHandler<"expire-unpaid-orders"> = async (_payload, ctx) => {
  const cancelled = await expireUnpaidOrders(ctx.db, {
    afterCancel: async (tx, order) => {
      await enqueueOrderEmail(tx, order.id, "cancelled");
      await enqueueCloseStripePayment(tx, order.id);
    },
  });
  return { expired: cancelled.length };
};

export const rollSlotCalendarTask: TaskHandler<"roll-slot-calendar"> = async (_payload, ctx) => ({
  created: await ensureSlotCalendar(ctx.db, { days: SLOT_CALENDAR_DAYS }),
});
