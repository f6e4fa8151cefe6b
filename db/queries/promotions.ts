// Promotions as the basket, checkout and cancellation use them: the live automatic rules, a
// basket's code with the shopper's uses of it, redemptions counted atomically at checkout and
// given back once when an order is cancelled.
import { and, eq, gt, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client";
import { baskets, categories, orderEvents, promotionRedemptions, promotions, type Promotion } from "../schema";
import type { AutomaticRule, CodeRule } from "@/lib/promotions/apply";
import type { CodeRow, PromotionSnapshot } from "@/lib/promotions/basket";
import { UUID_PATTERN } from "@/lib/ids";
import { TAGS } from "@/lib/cache-tags";
import { enqueueJob } from "@/lib/jobs/queue";

/** Automatic promotions (multi-buy, category percent) live at `now`, not archived. */
export function automaticRulesQuery(db: Executor, now: Date) {
  return db
    .select({
      id: promotions.id,
      kind: promotions.kind,
      name: promotions.name,
      productId: promotions.productId,
      buyQuantity: promotions.buyQuantity,
      payQuantity: promotions.payQuantity,
      categoryId: promotions.categoryId,
      categoryName: categories.name,
      percentBp: promotions.percentBp,
    })
    .from(promotions)
    .leftJoin(categories, eq(categories.id, promotions.categoryId))
    .where(
      and(
        ne(promotions.kind, "code"),
        eq(promotions.active, true),
        lte(promotions.startsAt, now),
        or(isNull(promotions.endsAt), gt(promotions.endsAt, now)),
      ),
    )
    .prepare("promotions_automatic_live");
}

type AutomaticRow = Awaited<ReturnType<ReturnType<typeof automaticRulesQuery>["execute"]>>[number];

export function toAutomaticRule(row: AutomaticRow): AutomaticRule | null {
  if (row.kind === "multibuy" && row.productId !== null && row.buyQuantity !== null && row.payQuantity !== null) {
    return { id: row.id, kind: "multibuy", name: row.name, productId: row.productId, buyQuantity: row.buyQuantity, payQuantity: row.payQuantity };
  }
  if (row.kind === "category_percent" && row.categoryId !== null && row.percentBp !== null) {
    return { id: row.id, kind: "category_percent", name: row.name, categoryId: row.categoryId, categoryName: row.categoryName ?? row.name, percentBp: row.percentBp };
  }
  return null;
}

export function toCodeRule(p: Pick<Promotion, "id" | "code" | "discountType" | "percentBp" | "amountCents">): CodeRule {
  return { id: p.id, code: p.code ?? "", discountType: p.discountType ?? "percent", percentBp: p.percentBp, amountCents: p.amountCents };
}

/** The promotion a basket's code names (none when unknown) and how many of the basket owner's orders hold it. */
export function basketCodeQuery(db: Executor, basketId: string) {
  return db
    .select({
      promotion: promotions,
      customerUses: sql<number>`(select count(*)::int from ${promotionRedemptions} r where r.promotion_id = ${promotions.id} and r.user_id = ${baskets.userId} and r.released_at is null)`,
    })
    .from(baskets)
    .innerJoin(promotions, and(eq(promotions.code, baskets.promotionCode), eq(promotions.kind, "code")))
    .where(eq(baskets.id, basketId))
    .prepare("basket_code_promotion");
}

export function toCodeRow(row: { promotion: Promotion; customerUses: number } | undefined): CodeRow | null {
  if (!row) return null;
  const p = row.promotion;
  return { ...p, ...toCodeRule(p), customerUses: row.customerUses };
}

/** Stores (or, with null, removes) the code on a basket. */
export async function setBasketPromotionCode(db: Executor, basketId: string, code: string | null): Promise<boolean> {
  if (!UUID_PATTERN.test(basketId)) return false;
  const updated = await db.update(baskets).set({ promotionCode: code, updatedAt: sql`now()` }).where(eq(baskets.id, basketId)).returning({ id: baskets.id });
  return updated.length > 0;
}

export type RedeemRefusal = "used_up" | "already_used" | "unknown";

/**
 * Counts a code's use for an order, atomically: one conditional UPDATE raises uses_count only while
 * the code is live with uses left and the customer under their own limit. The customer's count is
 * taken under a transaction-level advisory lock on (promotion, customer), so two checkouts of one
 * customer at once are counted one after the other. Null when counted; the refusal otherwise (the
 * caller rolls its transaction back). Callers lock promotions before stock (cancellation too).
 */
export async function redeemCode(tx: Executor, input: { promotionId: number; userId: string; now: Date }): Promise<RedeemRefusal | null> {
  const now = input.now.toISOString();
  await tx.execute(sql`select pg_advisory_xact_lock(${input.promotionId}::int, hashtext(${input.userId}))`);
  const counted = await tx.execute<{ id: number }>(sql`
    update ${promotions} set uses_count = uses_count + 1, updated_at = now()
    where id = ${input.promotionId} and active and starts_at <= ${now}::timestamptz and (ends_at is null or ends_at > ${now}::timestamptz)
      and (max_uses is null or uses_count < max_uses)
      and (max_uses_per_customer is null or max_uses_per_customer > (
        select count(*) from ${promotionRedemptions} r where r.promotion_id = ${input.promotionId} and r.user_id = ${input.userId} and r.released_at is null))
    returning id`);
  if (counted.length > 0) return null;
  const [p] = await tx.select().from(promotions).where(eq(promotions.id, input.promotionId));
  if (!p || !p.active) return "unknown";
  return p.maxUses !== null && p.usesCount >= p.maxUses ? "used_up" : "already_used";
}

/** Records which promotions an order used and what each took off (codes are counted by redeemCode). */
export function insertRedemptions(tx: Executor, orderId: string, userId: string, applied: { promotionId: number; discountCents: number }[]) {
  return tx.insert(promotionRedemptions).values(applied.map((a) => ({ orderId, userId, promotionId: a.promotionId, discountCents: a.discountCents })));
}

/**
 * Gives an order's promotions back (its cancellation): each redemption is released once, and a
 * code's uses_count lowered with it, in one statement; a second call finds nothing to release.
 */
export async function releaseRedemptions(tx: Executor, orderId: string): Promise<number> {
  const released = await tx.execute<{ id: number }>(sql`
    with released as (
      update ${promotionRedemptions} set released_at = now()
      where order_id = ${orderId} and released_at is null
      returning promotion_id)
    update ${promotions} p set uses_count = p.uses_count - 1, updated_at = now()
    from released where p.id = released.promotion_id and p.kind = 'code'
    returning p.id`);
  return released.length;
}

/** The promotions an order was placed with, as checkout recorded them in its first event. */
export async function orderPromotionSnapshot(db: Executor, orderId: string): Promise<PromotionSnapshot | null> {
  const [row] = await db
    .select({ promotions: sql<PromotionSnapshot | null>`${orderEvents.data} -> 'promotions'` })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), isNull(orderEvents.fromStatus)))
    .limit(1);
  return row?.promotions ?? null;
}

/**
 * The automatic promotions live now (database time) on one product, as a JSON array of
 * ShelfPromotion (lib/promotions/badges.ts), the biggest saving first: a multi-buy on the product
 * (when `soldByUnit`: multi-buys apply to items only) or a percent off its category or any category
 * above it (as the basket resolves them). A correlated subquery, so a listing stays one query.
 */
export function shelfPromotionsSql(product: { id: SQL; categoryId: SQL; soldByUnit: SQL }, limit: number): SQL {
  return sql`(select coalesce(json_agg(json_build_object(
      'id', x.id, 'kind', x.kind, 'buyQuantity', x.buy_quantity, 'payQuantity', x.pay_quantity, 'percentBp', x.percent_bp, 'categoryName', x.category_name
    ) order by x.saving desc, x.id), '[]'::json) from (
    select pr.id, pr.kind, pr.buy_quantity, pr.pay_quantity, pr.percent_bp, pc.name as category_name,
      case when pr.kind = 'multibuy' then (pr.buy_quantity - pr.pay_quantity)::float8 / pr.buy_quantity else pr.percent_bp / 10000.0::float8 end as saving
    from promotions pr left join categories pc on pc.id = pr.category_id
    where pr.active and pr.kind <> 'code' and pr.starts_at <= now() and (pr.ends_at is null or pr.ends_at > now())
      and ((pr.kind = 'multibuy' and pr.product_id = ${product.id} and ${product.soldByUnit})
        or (pr.kind = 'category_percent' and pr.category_id in (
          with recursive up(id, parent_id) as (
            select c.id, c.parent_id from categories c where c.id = ${product.categoryId}
            union all select c.id, c.parent_id from categories c join up on c.id = up.parent_id)
          select id from up)))
    order by saving desc, pr.id
    limit ${limit}) x)`;
}

/** The next start or end of an automatic promotion (null: none ahead): cached pages showing promotions must not outlive it. */
export async function nextPromotionChange(db: Executor): Promise<Date | null> {
  const [row] = await db.execute<{ at: string | Date | null }>(sql`
    select min(t.at) as at from promotions pr cross join lateral (values (pr.starts_at), (pr.ends_at)) t(at)
    where pr.active and pr.kind <> 'code' and t.at > now()`);
  return row?.at ? new Date(row.at) : null;
}

/** The queue key of the job that refreshes the storefront when a promotion starts or ends. */
export const promotionWindowJobKey = (id: number, boundary: "start" | "end") => `promotion-window:${id}:${boundary}`;

/**
 * Puts an automatic promotion's window on the cached storefront on time, in the caller's
 * transaction: a `refresh-storefront` job (the promotions tag) at its start and at its end when
 * they are ahead, replacing the ones of an earlier save; a boundary that is past, or an archived
 * promotion, has its job removed. Codes are never shown on cached pages: they get none.
 */
export async function schedulePromotionWindow(tx: Executor, p: Pick<Promotion, "id" | "kind" | "active" | "startsAt" | "endsAt">, now = new Date()): Promise<void> {
  const boundaries = [
    ["start", p.startsAt],
    ["end", p.endsAt],
  ] as const;
  for (const [boundary, at] of boundaries) {
    const jobKey = promotionWindowJobKey(p.id, boundary);
    if (p.active && p.kind !== "code" && at !== null && at > now) {
      await enqueueJob(tx, "refresh-storefront", { tags: [TAGS.promotions] }, { jobKey, jobKeyMode: "replace", runAt: at });
    } else {
      await tx.execute(sql`select graphile_worker.remove_job(${jobKey})`);
    }
  }
}
