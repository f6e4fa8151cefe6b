// Refunds after capture: a request is a `refunds` row, made under the order's row lock so the
// requests never add up to more than was captured; the order worker then makes it at Stripe
// (refund-payment) and records the outcome here. The row's id comes from the form that asked
// (or is made here), so a double submit finds the row it already made instead of a second refund.
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { orderEvents, orderLines, orders, refunds, type Order, type Refund } from "../schema";
import { enqueueOrderEmail, enqueueRefundPayment } from "@/lib/jobs/queue";
import {
  lineRefundableCents,
  orderRefundableCents,
  planRefund,
  refundedPerLine,
  type RefundBasis,
  type RefundableLine,
  type RefundPlanError,
  type RefundRequest,
} from "@/lib/payments/amounts";
import { lockOrder } from "./orders";

export type RefundRequestInput = {
  /** The request's id (the row's): one refund per id, however often it is asked for. */
  refundId: string;
  orderId: string;
  request: RefundRequest;
  reason: string;
  /** "agent:<uuid>", "system". */
  requestedBy: string;
};

export type RefundRequestResult =
  | { ok: true; refund: Refund; created: boolean }
  | { ok: false; code: "not_found" | "not_captured" | "id_in_use" }
  | ({ ok: false } & RefundPlanError);

const COMMITTED = ["requested", "succeeded"] as const;

/** The order's refunds, oldest first. */
export function listRefunds(db: Executor, orderId: string): Promise<Refund[]> {
  return db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(asc(refunds.createdAt), asc(refunds.id));
}

/**
 * Records a refund request and enqueues refund-payment, in the caller's transaction, after locking
 * the order: requests for one order are checked one at a time against what was captured. Asked
 * again with the same id, it answers with the row already made (`created: false`).
 */
export async function requestRefund(tx: Executor, input: RefundRequestInput): Promise<RefundRequestResult> {
  const order = await lockOrder(tx, input.orderId);
  if (!order) return { ok: false, code: "not_found" };
  return requestRefundLocked(tx, order, input);
}

/** requestRefund for an order the caller has locked. */
export async function requestRefundLocked(tx: Executor, order: Order, input: Omit<RefundRequestInput, "orderId">): Promise<RefundRequestResult> {
  const [existing] = await tx.select().from(refunds).where(eq(refunds.id, input.refundId));
  if (existing) return existing.orderId === order.id ? { ok: true, refund: existing, created: false } : { ok: false, code: "id_in_use" };
  if (order.capturedCents === null) return { ok: false, code: "not_captured" };

  const basis = await refundBasis(tx, order);
  const plan = planRefund(input.request, basis);
  if (!plan.ok) return plan;

  const [refund] = await tx
    .insert(refunds)
    .values({ id: input.refundId, orderId: order.id, amountCents: plan.amountCents, lines: plan.lines, reason: input.reason, requestedBy: input.requestedBy })
    .onConflictDoNothing({ target: refunds.id })
    .returning();
  // Same id inserted meanwhile (a caller that did not lock the order): that one stands.
  if (!refund) return requestRefundLocked(tx, order, input);
  await enqueueRefundPayment(tx, refund.id);
  return { ok: true, refund, created: true };
}

/** What a captured order's refunds are checked against: the capture, the refunds so far, each line as charged. */
async function refundBasis(db: Executor, order: Pick<Order, "id" | "capturedCents" | "refundedCents">): Promise<Omit<RefundBasis, "lines"> & { lines: (RefundableLine & { label: string })[] }> {
  const [previous, lines] = await Promise.all([
    db.select({ amountCents: refunds.amountCents, lines: refunds.lines }).from(refunds).where(and(eq(refunds.orderId, order.id), inArray(refunds.status, COMMITTED))),
    db
      .select({
        id: orderLines.id,
        productName: orderLines.productName,
        sizeLabel: orderLines.sizeLabel,
        substituteName: sql<string | null>`${orderLines.substitute} ->> 'productName'`,
        chargedCents: sql<number>`coalesce(${orderLines.pickedTotalCents}, ${orderLines.lineTotalCents})`,
      })
      .from(orderLines)
      .where(eq(orderLines.orderId, order.id))
      .orderBy(asc(orderLines.position)),
  ]);
  const perLine = refundedPerLine(previous);
  return {
    capturedCents: order.capturedCents ?? 0,
    committedCents: Math.max(order.refundedCents, previous.reduce((sum, r) => sum + r.amountCents, 0)),
    lines: lines.map((l) => ({
      id: l.id,
      label: l.substituteName ? `${l.productName} (${l.sizeLabel}), replaced by ${l.substituteName}` : `${l.productName} (${l.sizeLabel})`,
      chargedCents: Number(l.chargedCents),
      refundedCents: perLine.get(l.id) ?? 0,
    })),
  };
}

export type RefundableView = {
  /** What can still be refunded on the whole order (0 before capture). */
  refundableCents: number;
  lines: { id: string; label: string; chargedCents: number; refundableCents: number }[];
};

/** For the refund form: what is left to refund, in all and per line. */
export async function getRefundableView(db: Executor, order: Pick<Order, "id" | "capturedCents" | "refundedCents">): Promise<RefundableView> {
  const basis = await refundBasis(db, order);
  return {
    refundableCents: order.capturedCents === null ? 0 : orderRefundableCents(basis),
    lines: basis.lines.map((l) => ({ id: l.id, label: l.label, chargedCents: l.chargedCents, refundableCents: lineRefundableCents(l) })),
  };
}

export type RefundForStripe = { refund: Refund; paymentIntentId: string | null };

export async function findRefundForStripe(db: Executor, refundId: string): Promise<RefundForStripe | null> {
  const [row] = await db
    .select({ refund: refunds, paymentIntentId: orders.paymentIntentId })
    .from(refunds)
    .innerJoin(orders, eq(orders.id, refunds.orderId))
    .where(eq(refunds.id, refundId));
  return row ?? null;
}

/**
 * Stripe made the refund: the row becomes succeeded and the order's refunded_cents grows by its
 * amount, both conditional (a replay changes nothing; refunded never passes captured), with an
 * event on the order's timeline and the shopper's e-mail. False when it was already recorded.
 */
export async function recordRefundSucceeded(tx: Executor, refundId: string, stripeRefundId: string): Promise<boolean> {
  const [refund] = await tx
    .update(refunds)
    .set({ status: "succeeded", stripeRefundId, completedAt: sql`now()` })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, "requested")))
    .returning();
  if (!refund) return false;
  const [order] = await tx
    .update(orders)
    .set({ refundedCents: sql`${orders.refundedCents} + ${refund.amountCents}`, updatedAt: sql`now()` })
    .where(and(eq(orders.id, refund.orderId), sql`${orders.refundedCents} + ${refund.amountCents} <= coalesce(${orders.capturedCents}, 0)`))
    .returning({ status: orders.status, refundedCents: orders.refundedCents });
  // Requests are checked against the capture under the order's lock, so this cannot happen; if it
  // did, the transaction rolls back and the job fails loudly rather than count past the capture.
  if (!order) throw new Error(`refund ${refundId} would take refunded_cents past captured_cents`);
  await tx.insert(orderEvents).values({
    orderId: refund.orderId,
    fromStatus: order.status,
    toStatus: order.status,
    actor: refund.requestedBy,
    reason: refund.reason,
    data: { refund: refund.id, amountCents: refund.amountCents, refundedCents: order.refundedCents, stripeRefundId },
  });
  await enqueueOrderEmail(tx, refund.orderId, "refunded", refund.id);
  return true;
}

/** Stripe refused the refund: the row becomes failed with Stripe's reason, freeing its amount. */
export async function recordRefundFailed(tx: Executor, refundId: string, failureReason: string): Promise<boolean> {
  const updated = await tx
    .update(refunds)
    .set({ status: "failed", failureReason: failureReason.slice(0, 500), completedAt: sql`now()` })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, "requested")))
    .returning({ id: refunds.id });
  return updated.length > 0;
}
