"use server";
// Stock corrections by agents of the store (and admins): the counted quantity and a reason.
import { refresh } from "next/cache";
import { z } from "zod";
import { getDb } from "@/db/client";
import { correctStock, variantSellingMode } from "@/db/queries/stock-corrections";
import { formatQuantity } from "@/lib/basket/pricing";
import { INT4_MAX } from "@/lib/ids";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";
import { STORE_ROLES } from "./access";
import { parseCount, STOCK_REASON_CODES, storedReason } from "./stock-reasons";

const fieldError = (field: string, message: string) => ({ ok: false, message: "Please correct the highlighted fields.", errors: { [field]: [message] } });

export const correctStoreStock = backOfficeAction(
  { roles: STORE_ROLES, scope: "store" },
  z.object({
    variantId: z.coerce.number().int().min(1).max(INT4_MAX),
    count: z.string().trim().min(1, "Enter the counted quantity."),
    reason: z.enum(STOCK_REASON_CODES, "Choose a reason."),
    note: z.string().trim().max(200, "Use at most 200 characters.").optional(),
  }),
  async ({ variantId, count, reason, note }, user, { storeId }) => {
    const sellingMode = await variantSellingMode(getDb(), variantId);
    if (!sellingMode) return NOT_FOUND_ANSWER;
    const weighed = sellingMode === "weight";
    const quantity = parseCount(count, weighed);
    if (quantity === null || quantity > INT4_MAX) {
      return fieldError("count", weighed ? "Enter the weight in kg, like 2.5." : "Enter a whole number of items, like 12.");
    }
    const result = await getDb().transaction((tx) => correctStock(tx, { storeId, variantId, quantity, reason: storedReason(reason, note), staffId: user.id }));
    if (!result.ok && result.code === "not_found") return NOT_FOUND_ANSWER;
    if (!result.ok) {
      return fieldError("count", `Unpaid orders hold ${formatQuantity({ sellingMode }, result.reserved)}: the stock cannot be lower than that.`);
    }
    refresh();
    return { ok: true, message: `Stock set to ${formatQuantity({ sellingMode }, result.after)} (was ${formatQuantity({ sellingMode }, result.before)}).` };
  },
);
