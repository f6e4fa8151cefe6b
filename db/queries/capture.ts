// The database side of capturing a picked order and of authorisations close to expiry. Stripe is
// called between these steps by the order worker (workers/tasks/capture-payment.ts), never while
// a row lock is held.
import { and, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { orders } from "../schema";
import { enqueueOrderEmail } from "@/lib/jobs/queue";
import { countOrderCaptured } from "@/lib/metrics/orders";
import { AWAITING_CAPTURE } from "@/lib/orders/state-machine";
import { refundWhatIsLeft } from "./order-cancellation";
import { lockOrder, transitionOrder } from "./orders";

export type RecordCaptureResult =
  | { outcome: "captured"; capturedCents: number; releasedCents: number }
  /** Recorded before (a re-run), or the order is unknown. */
  | { outcome: "already-recorded" | "unknown-order" }
  /** Cancelled while Stripe captured: the capture is recorded and refunded in full. */
  | { outcome: "refunded-after-cancel"; capturedCents: number };

/**
 * Records what Stripe captured, under the order's row lock: `captured_cents` set and the order
 * moved on from `picked` to `ready_for_collection` (collection) or `out_for_delivery` (delivery),
 * the event saying what was captured and what of the authorisation was released, and the
 * shopper's "picked" e-mail enqueued. Idempotent: a recorded capture is left as it is.
 */
export async function recordCapture(tx: Executor, orderId: string, capture: { capturedCents: number; paymentIntentId: string }): Promise<RecordCaptureResult> {
  const order = await lockOrder(tx, orderId);
  if (!order) return { outcome: "unknown-order" };
  if (order.capturedCents !== null) return { outcome: "already-recorded" };
  const releasedCents = order.authorizedCents - capture.capturedCents;
  if (order.status === "cancelled") {
    // An agent cancelled the order while Stripe was capturing it: the money goes back.
    const [updated] = await tx.update(orders).set({ capturedCents: capture.capturedCents, updatedAt: sql`now()` }).where(eq(orders.id, orderId)).returning();
    await refundWhatIsLeft(tx, updated, { reason: updated.cancelReason ?? "order cancelled", requestedBy: "system" });
    return { outcome: "refunded-after-cancel", capturedCents: capture.capturedCents };
  }
  const result = await transitionOrder(tx, {
    orderId,
    to: order.fulfilment === "delivery" ? "out_for_delivery" : "ready_for_collection",
    actor: "system",
    data: {
      capturedCents: capture.capturedCents,
      releasedCents,
      authorizedCents: order.authorizedCents,
      finalTotalCents: order.finalTotalCents,
      paymentIntentId: capture.paymentIntentId,
    },
    set: { capturedCents: capture.capturedCents },
  });
  if (!result.changed) return { outcome: "already-recorded" };
  await enqueueOrderEmail(tx, orderId, "picked");
  countOrderCaptured();
  return { outcome: "captured", capturedCents: capture.capturedCents, releasedCents };
}

/** Stripe drops an uncaptured authorisation after 7 days; orders are flagged a day before. */
export const AUTHORIZATION_FLAG_AGE_MS = 6 * 24 * 60 * 60_000;

export type FlaggedOrder = { id: string; number: string; storeId: number; status: string; authorizedAt: Date | null };

/**
 * Flags (once) the orders still waiting for capture whose authorisation is older than 6 days, in
 * one statement (the partial index orders_authorized_at_idx serves it). Returns those flagged now.
 */
export async function flagExpiringAuthorizations(db: Executor, params: { now?: Date } = {}): Promise<FlaggedOrder[]> {
  const now = params.now ?? new Date();
  return db
    .update(orders)
    .set({ authorizationFlaggedAt: now })
    .where(
      and(
        inArray(orders.status, AWAITING_CAPTURE.filter((s) => s !== "authorized")),
        isNull(orders.capturedCents),
        isNull(orders.authorizationFlaggedAt),
        lt(orders.authorizedAt, new Date(now.getTime() - AUTHORIZATION_FLAG_AGE_MS)),
      ),
    )
    .returning({ id: orders.id, number: orders.number, storeId: orders.storeId, status: orders.status, authorizedAt: orders.authorizedAt });
}
