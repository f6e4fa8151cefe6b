// An agent's (or admin's) cancellations and refunds: each in one transaction that locks the order,
// checks the order is in one of the agent's stores (another store's order reads as not found),
// does the work through cancelOrder / requestRefund and writes the audit record.
import { randomUUID } from "node:crypto";
import type { Database } from "../client";
import type { Order, OrderStatus, Refund } from "../schema";
import { assertWorksAtStore } from "@/lib/backoffice/access";
import type { SessionUser } from "@/lib/auth/access";
import type { RefundPlanError, RefundRequest } from "@/lib/payments/amounts";
import { AGENT_CANCELLABLE } from "@/lib/orders/state-machine";
import { cancelOrder, isCancellable } from "./order-cancellation";
import { lockOrder } from "./orders";
import { requestRefundLocked } from "./refunds";
import { recordStaffAction } from "./staff-actions";

export type AgentCancelResult =
  | { ok: true; changed: boolean; order: Order }
  | { ok: false; code: "not_found" }
  | { ok: false; code: "not_cancellable"; status: OrderStatus };

/**
 * Cancels an order at any point before handover, with the agent's reason: stock and slot place
 * back, the authorisation voided or the charge refunded in full, the shopper e-mailed, an audit
 * record `order.cancel`. Cancelling a cancelled order again changes nothing (`changed: false`).
 * Throws NotInYourStoresError for another store's order.
 */
export async function cancelOrderByAgent(db: Database, staff: SessionUser, input: { orderId: string; reason: string }): Promise<AgentCancelResult> {
  return db.transaction(async (tx): Promise<AgentCancelResult> => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { ok: false, code: "not_found" };
    assertWorksAtStore(staff, order.storeId);
    if (order.status === "cancelled") return { ok: true, changed: false, order };
    const from = order.status;
    const result = await cancelOrder(tx, { orderId: order.id, actor: `agent:${staff.id}`, reason: input.reason, from: AGENT_CANCELLABLE.filter(isCancellable) });
    if (!result.changed) return { ok: false, code: "not_cancellable", status: result.order?.status ?? from };
    await recordStaffAction(tx, {
      staffId: staff.id,
      action: "order.cancel",
      orderId: order.id,
      storeId: order.storeId,
      data: { reason: input.reason, from, capturedCents: order.capturedCents, refundedCents: order.refundedCents },
    });
    return { ok: true, changed: true, order: result.order };
  });
}

export type AgentRefundResult =
  | { ok: true; refund: Refund; created: boolean }
  | { ok: false; code: "not_found" | "not_captured" | "id_in_use" }
  | ({ ok: false } & RefundPlanError);

/**
 * Asks for a refund of a captured order (whole, per line or an amount) with the agent's reason;
 * the order worker makes it at Stripe. The same `refundId` twice makes one refund. Audit record
 * `order.refund` for a new request. Throws NotInYourStoresError for another store's order.
 */
export async function requestRefundByAgent(
  db: Database,
  staff: SessionUser,
  input: { orderId: string; refundId?: string; request: RefundRequest; reason: string },
): Promise<AgentRefundResult> {
  return db.transaction(async (tx): Promise<AgentRefundResult> => {
    const order = await lockOrder(tx, input.orderId);
    if (!order) return { ok: false, code: "not_found" };
    assertWorksAtStore(staff, order.storeId);
    const result = await requestRefundLocked(tx, order, {
      refundId: input.refundId ?? randomUUID(),
      request: input.request,
      reason: input.reason,
      requestedBy: `agent:${staff.id}`,
    });
    if (result.ok && result.created) {
      await recordStaffAction(tx, {
        staffId: staff.id,
        action: "order.refund",
        orderId: order.id,
        storeId: order.storeId,
        data: { refundId: result.refund.id, amountCents: result.refund.amountCents, kind: input.request.kind, lines: result.refund.lines, reason: input.reason },
      });
    }
    return result;
  });
}
