// The order queue's URL: ?day=2026-12-02&status=confirmed&slot=12&fulfilment=delivery&q=H-001234
// &after=<cursor>. Read leniently (a bad value is dropped, not an error page), written back for links.
import { z } from "zod";
import { fulfilment, orderStatus, type Fulfilment, type OrderStatus } from "@/db/schema";
import type { QueueCursor } from "@/db/queries/order-queue";
import { isIntId } from "@/lib/ids";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { isoDay } from "@/lib/time/zoned";

export type QueueParams = {
  day: string;
  status?: OrderStatus;
  slot?: number;
  fulfilment?: Fulfilment;
  /** An order number or an e-mail address, as typed. */
  q?: string;
  after?: QueueCursor;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (Array.isArray(v) ? v[0] : v), schema.optional().catch(undefined));

const schema = z.object({
  day: optional(z.string().regex(DAY).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)))),
  status: optional(z.enum(orderStatus.enumValues)),
  slot: optional(z.coerce.number().refine(isIntId)),
  fulfilment: optional(z.enum(fulfilment.enumValues)),
  q: optional(z.string().trim().min(1).max(254)),
  after: optional(z.string().max(80)),
});

/** "2026-12-02T08:00:00.000Z_H-001234" ⇄ the cursor. */
export function encodeCursor(cursor: QueueCursor): string {
  return `${cursor.slotStartsAt.toISOString()}_${cursor.number}`;
}

export function decodeCursor(value: string | undefined): QueueCursor | undefined {
  const match = value?.match(/^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(H-\d{6,})$/);
  if (!match || Number.isNaN(Date.parse(match[1]))) return undefined;
  return { slotStartsAt: new Date(match[1]), number: match[2] };
}

export function parseQueueParams(query: Record<string, string | string[] | undefined>, now = new Date()): QueueParams {
  const raw = schema.parse(query);
  return {
    day: raw.day ?? isoDay(now, SHOP_TIME_ZONE),
    status: raw.status,
    slot: raw.slot,
    fulfilment: raw.fulfilment,
    q: raw.q,
    after: decodeCursor(raw.after),
  };
}

/** What the search box holds, as a filter: an e-mail address, or an order number ("1234" → "H-001234"). */
export function searchFilter(q: string | undefined): { email?: string; number?: string } {
  if (!q) return {};
  if (q.includes("@")) return { email: q };
  const digits = q.replace(/^H-?/i, "");
  return /^\d{1,10}$/.test(digits) ? { number: `H-${digits.padStart(6, "0")}` } : { number: q };
}

/** The queue's URL with `changes` applied; a new filter starts again from the first page. */
export function queueHref(storeSlug: string, params: QueueParams, changes: Partial<QueueParams> = {}): string {
  const next = { ...params, after: undefined, ...changes };
  const search = new URLSearchParams();
  search.set("day", next.day);
  if (next.status) search.set("status", next.status);
  if (next.slot) search.set("slot", String(next.slot));
  if (next.fulfilment) search.set("fulfilment", next.fulfilment);
  if (next.q) search.set("q", next.q);
  if (next.after) search.set("after", encodeCursor(next.after));
  return `/admin/stores/${storeSlug}/orders?${search}`;
}

/** The day before or after `day` ("2026-12-02"). */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
