// send-order-email: renders an order e-mail and sends it once. A transaction-level advisory lock
// on (order, kind) serialises concurrent attempts; an order_events row (actor "notification",
// data { mail: kind }) written in the same transaction after SMTP accepted the mail makes every
// later attempt a no-op. A crash between SMTP's acceptance and the commit can still resend it.
import type { Database } from "@/db/client";
import { getOrderEmailView, lockOrderEmail, orderEmailWasSent, recordOrderEmailSent } from "@/db/queries/order-emails";
import type { OrderStatus } from "@/db/schema";
import type { OrderEmailKind, TaskPayload } from "@/lib/jobs/tasks";
import { renderOrderEmail, type OrderEmailView } from "@/lib/mail/order-emails";
import type { MailTransport } from "@/lib/mail/transport";
import type { TaskHandler } from "../runtime";

export type SendOrderEmailDeps = { db: Database; transport: MailTransport; from: string };

export type SendOrderEmailResult = "sent" | "already-sent" | "order-not-found" | "not-applicable";

const CONFIRMED_OR_LATER: readonly OrderStatus[] = ["confirmed", "picking", "picked", "ready_for_collection", "out_for_delivery", "completed"];
const CAPTURED: readonly OrderStatus[] = ["ready_for_collection", "out_for_delivery", "completed"];

/** Whether the order is (still) in a state this e-mail describes; a stale job sends nothing. */
function applies(view: OrderEmailView, kind: OrderEmailKind): boolean {
  switch (kind) {
    case "cancelled":
      return view.status === "cancelled";
    case "confirmed":
      return CONFIRMED_OR_LATER.includes(view.status);
    case "picked":
      return CAPTURED.includes(view.status) && view.payment?.capturedCents != null;
    case "refunded":
      // The view has the refund only once it succeeded.
      return view.refund !== undefined;
  }
}

export async function sendOrderEmail(
  deps: SendOrderEmailDeps,
  payload: TaskPayload<"send-order-email">,
): Promise<SendOrderEmailResult> {
  const { orderId, kind, refundId } = payload;
  return deps.db.transaction(async (tx) => {
    await lockOrderEmail(tx, payload);
    if (await orderEmailWasSent(tx, payload)) return "already-sent";
    const view = await getOrderEmailView(tx, orderId, refundId);
    if (!view) return "order-not-found";
    if (!applies(view, kind)) return "not-applicable";
    const mail = renderOrderEmail(view, kind);
    const info = await deps.transport.send({
      from: deps.from,
      to: view.recipientEmail,
      ...mail,
      messageId: `<order-${view.id}-${kind}${refundId ? `-${refundId}` : ""}@halles>`,
      headers: { "X-Halles-Order": view.number, "X-Halles-Mail": kind },
    });
    await recordOrderEmailSent(tx, { ...payload, status: view.status, messageId: info.messageId });
    return "sent";
  });
}

export function sendOrderEmailTask(deps: Omit<SendOrderEmailDeps, "db">): TaskHandler<"send-order-email"> {
  return (payload, ctx) => sendOrderEmail({ ...deps, db: ctx.db }, payload);
}
