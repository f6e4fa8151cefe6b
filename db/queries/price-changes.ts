// Scheduled price changes (price_changes): a new national or store price from a date and time,
// applied once by the scheduler, cancellable until then.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Database, Executor } from "../client";
import { priceChanges, productVariants, storePrices, stores } from "../schema";
import { enqueueJob } from "@/lib/jobs/queue";
import { productTags } from "./catalog-admin";
import { recordStaffAction } from "./staff-actions";

/** The queue key of the job that applies one price change at its time. */
export const priceChangeJobKey = (id: number) => `apply-price-changes:${id}`;

/**
 * Schedules a new price for a variant from `effectiveAt`: the national price (`storeId` null)
 * or one store's. A job is enqueued for that moment in the same transaction (the scheduler's
 * minute cron applies it too, should the job be lost).
 */
export async function schedulePriceChange(
  tx: Executor,
  staffId: string,
  input: { variantId: number; storeId: number | null; priceCents: number; effectiveAt: Date },
): Promise<{ ok: true; id: number; productId: number } | { ok: false; field: "storeId" | "variantId"; message: string }> {
  const [variant] = await tx.select({ productId: productVariants.productId, sku: productVariants.sku }).from(productVariants).where(eq(productVariants.id, input.variantId));
  if (!variant) return { ok: false, field: "variantId", message: "Choose a variant from the list." };
  if (input.storeId !== null) {
    const [store] = await tx.select({ id: stores.id }).from(stores).where(eq(stores.id, input.storeId));
    if (!store) return { ok: false, field: "storeId", message: "Choose a store from the list." };
  }
  const [row] = await tx
    .insert(priceChanges)
    .values({ variantId: input.variantId, storeId: input.storeId, priceCents: input.priceCents, effectiveAt: input.effectiveAt, createdBy: staffId })
    .returning({ id: priceChanges.id });
  await enqueueJob(tx, "apply-price-changes", { changeId: row.id }, { jobKey: priceChangeJobKey(row.id), runAt: input.effectiveAt });
  await recordStaffAction(tx, {
    staffId,
    action: "catalog.price_schedule",
    storeId: input.storeId,
    data: { changeId: row.id, productId: variant.productId, variantId: input.variantId, sku: variant.sku, priceCents: input.priceCents, effectiveAt: input.effectiveAt.toISOString() },
  });
  return { ok: true, id: row.id, productId: variant.productId };
}

/** Cancels a pending price change (one already applied or cancelled is left alone: false). */
export async function cancelPriceChange(tx: Executor, staffId: string, id: number): Promise<{ ok: true; productId: number } | { ok: false }> {
  const [row] = await tx
    .update(priceChanges)
    .set({ cancelledAt: sql`now()` })
    .where(and(eq(priceChanges.id, id), isNull(priceChanges.appliedAt), isNull(priceChanges.cancelledAt)))
    .returning({ variantId: priceChanges.variantId, storeId: priceChanges.storeId });
  if (!row) return { ok: false };
  await tx.execute(sql`select graphile_worker.remove_job(${priceChangeJobKey(id)})`);
  const [variant] = await tx.select({ productId: productVariants.productId }).from(productVariants).where(eq(productVariants.id, row.variantId));
  await recordStaffAction(tx, { staffId, action: "catalog.price_cancel", storeId: row.storeId, data: { changeId: id, productId: variant.productId, variantId: row.variantId } });
  return { ok: true, productId: variant.productId };
}

export type AppliedPriceChange = { id: number; variantId: number; storeId: number | null; priceCents: number };

/**
 * Applies every price change due at `now` (default: the database's now), oldest first, in one
 * transaction: national ones set the variant's price, store ones its store price. Rows are
 * locked and skipped when another applier holds them, and marked applied in the same statement,
 * so concurrent appliers apply each change exactly once. The storefront refresh is enqueued in
 * the same transaction.
 */
export async function applyDuePriceChanges(db: Database, now?: Date): Promise<AppliedPriceChange[]> {
  return db.transaction(async (tx) => {
    const due = await tx.execute<AppliedPriceChange & { effectiveAt: string }>(sql`
      update price_changes pc set applied_at = now()
      where pc.id in (
        select id from price_changes
        where applied_at is null and cancelled_at is null and effective_at <= ${now ? sql`${now.toISOString()}::timestamptz` : sql`now()`}
        order by effective_at, id
        limit 500
        for update skip locked)
      returning pc.id, pc.variant_id as "variantId", pc.store_id as "storeId", pc.price_cents as "priceCents", pc.effective_at as "effectiveAt"`);
    if (due.length === 0) return [];
    // Later changes of the same variant and store win: apply in effective order.
    const ordered = [...due].sort((a, b) => Date.parse(a.effectiveAt) - Date.parse(b.effectiveAt) || a.id - b.id);
    for (const change of ordered) {
      if (change.storeId === null) {
        await tx.update(productVariants).set({ priceCents: change.priceCents }).where(eq(productVariants.id, change.variantId));
      } else {
        await tx
          .insert(storePrices)
          .values({ storeId: change.storeId, variantId: change.variantId, priceCents: change.priceCents })
          .onConflictDoUpdate({ target: [storePrices.storeId, storePrices.variantId], set: { priceCents: change.priceCents, updatedAt: sql`now()` } });
      }
    }
    const tags = await productTagsOfVariants(tx, [...new Set(due.map((c) => c.variantId))]);
    for (let i = 0; i < tags.length; i += 50) {
      await enqueueJob(tx, "refresh-storefront", { tags: tags.slice(i, i + 50) });
    }
    return ordered.map(({ id, variantId, storeId, priceCents }) => ({ id, variantId, storeId, priceCents }));
  });
}

async function productTagsOfVariants(tx: Executor, variantIds: number[]): Promise<string[]> {
  const rows = await tx.select({ productId: productVariants.productId }).from(productVariants).where(inArray(productVariants.id, variantIds));
  return productTags(tx, [...new Set(rows.map((r) => r.productId))]);
}
