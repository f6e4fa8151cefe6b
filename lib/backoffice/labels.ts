// Staff actions and order events as the back office words them (timeline, audit log).
import { formatCents } from "@/lib/catalog/pricing";

const ACTIONS: Record<string, string> = {
  "order.claim": "Started picking",
  "order.pick_line": "Picked an item",
  "order.pick_line_reset": "Put an item back to pick",
  "order.finish_pick": "Finished picking",
  "order.handover": "Handed over",
  "order.cancel": "Cancelled the order",
  "order.refund": "Refunded",
};

export function staffActionLabel(action: string): string {
  return ACTIONS[action] ?? action;
}

/** The useful part of an action's or event's data, in a few words ("Greek yoghurt: missing"). */
export function actionDetail(data: Record<string, unknown>): string | null {
  const parts: string[] = [];
  if (typeof data.product === "string") parts.push(data.product);
  if (typeof data.kind === "string") parts.push(data.kind === "reset" ? "to pick again" : data.kind);
  if (typeof data.finalTotalCents === "number") parts.push(`final total ${formatCents(data.finalTotalCents)}`);
  if (typeof data.capturedCents === "number") parts.push(`captured ${formatCents(data.capturedCents)}`);
  return parts.length ? parts.join(": ") : null;
}
