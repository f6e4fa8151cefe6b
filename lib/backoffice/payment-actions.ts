"use server";
// The order page's money actions for agents and admins: cancel an order before handover, and
// refund after capture. Each goes through backOfficeAction (session → STORE_ROLES → the order's
// store → zod), and the store is checked again under the order's lock; the
// work and its audit record are one transaction (db/queries/agent-payments.ts).
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { cancelOrderByAgent, requestRefundByAgent, type AgentRefundResult } from "@/db/queries/agent-payments";
import type { RefundLine } from "@/db/schema";
import type { ActionState } from "@/lib/actions";
import { formatCents } from "@/lib/catalog/pricing";
import { ORDER_STATUS_LABELS } from "@/lib/orders/labels";
import { parseEuroAmount, type RefundRequest } from "@/lib/payments/amounts";
import { NotInYourStoresError, STORE_ROLES } from "./access";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";

const ORDER_ACCESS = { roles: STORE_ROLES, scope: "order" } as const;


const orderId = z.uuid("Order not found.");
const reason = z.string().trim().min(3, "Give a reason of at least 3 characters.").max(500, "Keep the reason under 500 characters.");

const orderPath = (id: string) => `/admin/orders/${id}`;

/** Runs an order action; another store's order is answered as not found. */
async function inYourStores(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotInYourStoresError) return NOT_FOUND_ANSWER;
    throw error;
  }
}

/** Cancel an order (reason required) at any point before handover. */
export const cancelOrderAsAgent = backOfficeAction(
  ORDER_ACCESS,
  z.object({ orderId, reason }),
  async (data, user) =>
    inYourStores(async () => {
      const result = await cancelOrderByAgent(getDb(), user, data);
      if (!result.ok && result.code === "not_found") return NOT_FOUND_ANSWER;
      if (!result.ok) return { ok: false, message: `This order can no longer be cancelled: it is ${ORDER_STATUS_LABELS[result.status].toLowerCase()}.` };
      revalidatePath(orderPath(data.orderId));
      if (!result.changed) return { ok: true, message: "This order was already cancelled." };
      return {
        ok: true,
        message:
          result.order.capturedCents !== null
            ? "Order cancelled. Stock and slot are released, and what was charged is being refunded. The shopper is e-mailed."
            : "Order cancelled. Stock and slot are released, and the card authorisation is cancelled. The shopper is e-mailed.",
      };
    }),
);

const LINE_FIELD = /^line-([0-9a-f-]{36})$/;

const refundForm = z
  .object({
    orderId,
    requestId: z.uuid("This form has expired. Please reload the page."),
    kind: z.enum(["whole", "lines", "amount"], "Choose what to refund."),
    amount: z.string().optional(),
    reason,
  })
  .catchall(z.unknown())
  .transform((data, ctx): { orderId: string; requestId: string; reason: string; request: RefundRequest } => {
    if (data.kind === "whole") return { ...data, request: { kind: "whole" } };
    if (data.kind === "amount") {
      const cents = parseEuroAmount(data.amount ?? "");
      if (cents === null || cents <= 0) {
        ctx.addIssue({ code: "custom", path: ["amount"], message: "Enter an amount in euros, such as 4.50." });
        return z.NEVER;
      }
      return { ...data, request: { kind: "amount", amountCents: cents } };
    }
    const lines: RefundLine[] = [];
    for (const [field, value] of Object.entries(data)) {
      const match = LINE_FIELD.exec(field);
      if (!match || typeof value !== "string" || value.trim() === "") continue;
      const cents = parseEuroAmount(value);
      if (cents === null) ctx.addIssue({ code: "custom", path: [field], message: "Enter an amount in euros, such as 1.99." });
      else if (cents > 0) lines.push({ orderLineId: match[1], amountCents: cents });
    }
    if (lines.length === 0 && ctx.issues.length === 0) ctx.addIssue({ code: "custom", path: ["kind"], message: "Enter an amount for at least one line." });
    return { ...data, request: { kind: "lines", lines } };
  });

/** A refused refund in the agent's words; the field it concerns, when there is one. */
function refundRefusal(result: Extract<AgentRefundResult, { ok: false }>): ActionState {
  switch (result.code) {
    case "not_found":
      return NOT_FOUND_ANSWER;
    case "not_captured":
      return { ok: false, message: "Nothing has been charged yet: cancel the order instead to release the card authorisation." };
    case "nothing_to_refund":
      return { ok: false, message: "Everything charged for this order is already refunded or being refunded." };
    case "over_refundable":
      return { ok: false, message: `At most ${formatCents(result.refundableCents)} can still be refunded.`, errors: { amount: [`At most ${formatCents(result.refundableCents)}.`] } };
    case "line_over_refundable":
      return {
        ok: false,
        message: "A line cannot be refunded more than it was charged, less what was refunded for it.",
        errors: { [`line-${result.orderLineId}`]: [`At most ${formatCents(result.refundableCents)} for this line.`] },
      };
    case "unknown_line":
      return { ok: false, message: "One of the lines is not part of this order. Please reload the page." };
    case "no_lines":
      return { ok: false, message: "Enter an amount for at least one line.", errors: { kind: ["Enter an amount for at least one line."] } };
    case "id_in_use":
      return { ok: false, message: "This form has expired. Please reload the page." };
  }
}

/** Refund a captured order: whole, per line or an amount, with a reason; one refund per form request id. */
export const requestRefund = backOfficeAction(ORDER_ACCESS, refundForm, async (data, user) =>
  inYourStores(async () => {
    const result = await requestRefundByAgent(getDb(), user, { orderId: data.orderId, refundId: data.requestId, request: data.request, reason: data.reason });
    if (!result.ok) return refundRefusal(result);
    revalidatePath(orderPath(data.orderId));
    return {
      ok: true,
      message: `Refund of ${formatCents(result.refund.amountCents)} ${result.created ? "requested" : "already requested"}. The shopper is e-mailed once Stripe confirms it.`,
    };
  }),
);
