// The audit log as people read it: the search form's values (dates are days in the shop's time
// zone) and each recorded action's name and details in words.
import type { StaffActionEntry, StaffActionFilter } from "@/db/queries/staff-actions";
import { formatQuantity } from "@/lib/basket/pricing";
import { formatCents } from "@/lib/catalog/pricing";
import { SHOP_TIME_ZONE } from "@/lib/orders/labels";
import { UUID_PATTERN } from "@/lib/ids";
import { dayRange } from "@/lib/time/zoned";
import { describeReason } from "./stock-reasons";

export const AUDIT_PAGE_SIZE = 50;

const ACTION_NAMES: Record<string, string> = {
  "staff.create": "Created a staff account",
  "staff.update": "Changed a staff account",
  "staff.deactivate": "Deactivated a staff account",
  "staff.reactivate": "Reactivated a staff account",
  "stock.correct": "Corrected stock",
  "order.claim": "Started picking",
  "order.pick_line": "Picked an item",
  "order.pick_line_reset": "Put an item back to pick",
  "order.finish_pick": "Finished picking",
  "order.handover": "Handed an order over",
  "order.cancel": "Cancelled an order",
  "order.refund": "Refunded",
  "media.upload": "Uploaded a picture",
  "product.photo_add": "Added a product photo",
  "product.photo_move": "Moved a product photo",
  "product.photo_remove": "Removed a product photo",
  "content.create": "Created a content page",
  "content.save": "Saved a content page",
  "content.publish": "Published a content page",
  "content.unpublish": "Unpublished a content page",
  "content.schedule": "Scheduled a content page",
  "content.restore": "Restored a content page revision",
  "job.retry": "Retried a failed job",
  "job.discard": "Discarded a failed job",
};

/** Marketing's changes: the catalog (lib/backoffice/catalog-actions.ts) and promotions. */
const CATALOG_ACTION_NAMES: Record<string, string> = {
  "catalog.product_create": "Created a product",
  "catalog.product_update": "Changed a product",
  "catalog.product_archive": "Archived a product",
  "catalog.product_unarchive": "Put a product back in the shop",
  "catalog.variant_create": "Added a variant",
  "catalog.variant_update": "Changed a variant",
  "catalog.store_price_set": "Set a store price",
  "catalog.store_price_clear": "Cleared a store price",
  "catalog.price_schedule": "Scheduled a price change",
  "catalog.price_cancel": "Cancelled a price change",
  "catalog.category_create": "Added a category",
  "catalog.category_rename": "Renamed a category",
  "catalog.category_move": "Moved a category",
  "catalog.category_reorder": "Reordered categories",
  "catalog.import": "Imported a catalog CSV",
  "promotion.create": "Created a promotion",
  "promotion.update": "Changed a promotion",
  "promotion.archive": "Archived a promotion",
};

/** "stock.correct" → "Corrected stock"; an action without a name here is shown as "order · mark paid". */
export function actionName(action: string): string {
  return ACTION_NAMES[action] ?? CATALOG_ACTION_NAMES[action] ?? action.replace(".", " · ").replace(/[_-]/g, " ");
}

export type AuditSearch = { staff?: string; order?: string; from?: string; to?: string; before?: string };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Midnight in the shop's time zone at the start (or, with `end`, the end) of a "YYYY-MM-DD" day; undefined when it is not one. */
export function shopDayStart(day: string | undefined, { end = false } = {}): Date | undefined {
  if (!day || !DAY.test(day)) return undefined;
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(utcMidnight.getTime()) || utcMidnight.toISOString().slice(0, 10) !== day) return undefined;
  const range = dayRange(day, SHOP_TIME_ZONE);
  return end ? range.to : range.from;
}

const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** The page's query string as a search: values that cannot be used are left out (and shown as typed). */
export function auditFilter(query: Record<string, string | string[] | undefined>): { search: AuditSearch; filter: StaffActionFilter } {
  const search: AuditSearch = { staff: one(query.staff), order: one(query.order), from: one(query.from), to: one(query.to), before: one(query.before) };
  const before = search.before && /^\d{1,15}$/.test(search.before) ? Number(search.before) : undefined;
  return {
    search,
    filter: {
      staffId: search.staff && UUID_PATTERN.test(search.staff) ? search.staff : undefined,
      orderNumber: search.order?.toUpperCase().slice(0, 40),
      from: shopDayStart(search.from),
      // "To" is the last day shown, included.
      to: shopDayStart(search.to, { end: true }),
      before,
      limit: AUDIT_PAGE_SIZE,
    },
  };
}

type Data = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : "");

/** One line on what the action changed, from what it recorded. */
export function actionDetails(entry: Pick<StaffActionEntry, "action" | "data">): string {
  const data = entry.data as Data;
  switch (entry.action) {
    case "stock.correct": {
      const mode = data.sellingMode === "weight" ? "weight" : "unit";
      const amount = (value: unknown) => formatQuantity({ sellingMode: mode }, Number(value));
      return `${text(data.sku) || `variant ${text(data.variantId)}`}: ${amount(data.quantityBefore)} → ${amount(data.quantityAfter)} (${describeReason(text(data.reason))})`;
    }
    case "staff.create":
      return `${text(data.email)}, role ${text(data.role)}`;
    case "staff.update": {
      const before = (data.before ?? {}) as Data;
      const after = (data.after ?? {}) as Data;
      const changed = ["name", "role", "storeIds"].filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
      if (changed.length === 0) return "No change";
      return changed.map((key) => `${key === "storeIds" ? "stores" : key}: ${JSON.stringify(before[key])} → ${JSON.stringify(after[key])}`).join("; ");
    }
    case "order.pick_line":
    case "order.pick_line_reset":
      return [text(data.product), data.kind === "reset" ? "to pick again" : text(data.kind)].filter(Boolean).join(": ");
    case "order.finish_pick":
      return typeof data.finalTotalCents === "number" ? `final total ${formatCents(data.finalTotalCents)}${data.cancelled ? ", nothing found: cancelled" : ""}` : "";
    case "job.retry":
    case "job.discard":
      return `${text(data.task)} #${text(data.jobId)}: ${text(data.lastError).slice(0, 150)}`;
    default:
      return Object.keys(data).length ? JSON.stringify(data).slice(0, 200) : "";
  }
}
