// The refund form of a captured order (server component): makes the request id the form carries
// (a new one on each render, so a double submit or a second tab sends the same id and makes one
// refund) and hands what can still be refunded, in all and per line, to the client form.
import { randomUUID } from "node:crypto";
import type { RefundableView } from "@/db/queries/refunds";
import { RefundFormClient } from "./refund-form-client";

type Props = { orderId: string; refundable: RefundableView };

export function RefundForm({ orderId, refundable }: Props) {
  if (refundable.refundableCents <= 0) return null;
  return <RefundFormClient orderId={orderId} requestId={randomUUID()} refundable={refundable} />;
}
