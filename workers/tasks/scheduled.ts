// The scheduler's timed work: expire unpaid orders (each cancelled through cancelOrder, with its
// e-mail and close-stripe-payment jobs, in its own transaction) and keep the slot calendar seven
// days ahead.
import { expireUnpaidOrders } from "@/db/queries/order-lifecycle";
import { ensureSlotCalendar } from "@/db/queries/slots";
import type { TaskHandler } from "../runtime";

export const SLOT_CALENDAR_DAYS = 7;

export const expireUnpaidOrdersTask: TaskHandler<"expire-unpaid-orders"> = async (_payload, ctx) => ({
  expired: (await expireUnpaidOrders(ctx.db)).length,
});

export const rollSlotCalendarTask: TaskHandler<"roll-slot-calendar"> = async (_payload, ctx) => ({
  created: await ensureSlotCalendar(ctx.db, { days: SLOT_CALENDAR_DAYS }),
});
