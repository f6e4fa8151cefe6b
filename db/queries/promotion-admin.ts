// Marketing's promotions in the back office: the list with each one's status and uses, and the
// changes (create, edit, archive), each audited in its transaction.
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { categories, products, promotionRedemptions, promotions, type NewPromotion, type Promotion, type PromotionKind } from "../schema";
import type { SessionUser } from "@/lib/auth/access";
import { schedulePromotionWindow } from "./promotions";
import { recordStaffAction } from "./staff-actions";

export type PromotionStatus = "scheduled" | "live" | "ended" | "archived";

/** Archived, else by its window at `now`. */
export function promotionStatus(p: Pick<Promotion, "active" | "startsAt" | "endsAt">, now: Date): PromotionStatus {
  if (!p.active) return "archived";
  if (p.startsAt > now) return "scheduled";
  if (p.endsAt !== null && p.endsAt <= now) return "ended";
  return "live";
}

export type PromotionListItem = Promotion & { productName: string | null; categoryName: string | null; orders: number };

/**
 * Every promotion, newest first, with what it applies to and the orders holding it (a code's
 * uses_count; for automatic ones, their unreleased redemptions).
 */
export async function listPromotions(db: Executor): Promise<PromotionListItem[]> {
  return db
    .select({
      ...getTableColumns(promotions),
      productName: products.name,
      categoryName: categories.name,
      orders: sql<number>`(select count(*)::int from ${promotionRedemptions} r where r.promotion_id = ${promotions.id} and r.released_at is null)`,
    })
    .from(promotions)
    .leftJoin(products, eq(products.id, promotions.productId))
    .leftJoin(categories, eq(categories.id, promotions.categoryId))
    .orderBy(desc(promotions.createdAt), desc(promotions.id))
    .limit(500);
}

export async function getPromotion(db: Executor, id: number): Promise<Promotion | null> {
  const [row] = await db.select().from(promotions).where(eq(promotions.id, id));
  return row ?? null;
}

/** What a form sets; the fields of other kinds are left null. */
export type PromotionInput = {
  kind: PromotionKind;
  name: string;
  code: string | null;
  discountType: "percent" | "fixed" | null;
  percentBp: number | null;
  amountCents: number | null;
  minBasketCents: number;
  startsAt: Date;
  endsAt: Date | null;
  maxUses: number | null;
  maxUsesPerCustomer: number | null;
  productId: number | null;
  buyQuantity: number | null;
  payQuantity: number | null;
  categoryId: number | null;
};

export type PromotionChange = { ok: true; promotion: Promotion } | { ok: false; code: "not_found" | "archived" | "code_taken" | "below_uses" | "unknown_product" | "unknown_category"; usesCount?: number };

async function unknownTarget(tx: Executor, input: PromotionInput): Promise<PromotionChange | null> {
  if (input.productId !== null) {
    const [found] = await tx.select({ id: products.id }).from(products).where(eq(products.id, input.productId));
    if (!found) return { ok: false, code: "unknown_product" };
  }
  if (input.categoryId !== null) {
    const [found] = await tx.select({ id: categories.id }).from(categories).where(eq(categories.id, input.categoryId));
    if (!found) return { ok: false, code: "unknown_category" };
  }
  return null;
}

const codeTaken = async (tx: Executor, code: string | null, exceptId?: number) => {
  if (!code) return false;
  const [row] = await tx.select({ id: promotions.id }).from(promotions).where(eq(promotions.code, code));
  return row !== undefined && row.id !== exceptId;
};

export async function createPromotion(tx: Executor, staff: SessionUser, input: PromotionInput): Promise<PromotionChange> {
  const refused = await unknownTarget(tx, input);
  if (refused) return refused;
  if (await codeTaken(tx, input.code)) return { ok: false, code: "code_taken" };
  const values: NewPromotion = { ...input, createdBy: staff.id };
  const [created] = await tx.insert(promotions).values(values).onConflictDoNothing().returning();
  if (!created) return { ok: false, code: "code_taken" };
  await schedulePromotionWindow(tx, created);
  await recordStaffAction(tx, { staffId: staff.id, action: "promotion.create", data: { promotionId: created.id, kind: created.kind, name: created.name, code: created.code } });
  return { ok: true, promotion: created };
}

/**
 * Changes a promotion (not its kind) under its row lock, so that checkout's conditional update of
 * uses_count and this check agree: the limit cannot go below the orders that already hold it.
 */
export async function updatePromotion(tx: Executor, staff: SessionUser, id: number, input: PromotionInput): Promise<PromotionChange> {
  const [current] = await tx.select().from(promotions).where(eq(promotions.id, id)).for("update");
  if (!current || current.kind !== input.kind) return { ok: false, code: "not_found" };
  if (!current.active) return { ok: false, code: "archived" };
  if (input.maxUses !== null && input.maxUses < current.usesCount) return { ok: false, code: "below_uses", usesCount: current.usesCount };
  const refused = await unknownTarget(tx, input);
  if (refused) return refused;
  if (await codeTaken(tx, input.code, id)) return { ok: false, code: "code_taken" };
  const [updated] = await tx.update(promotions).set(input).where(eq(promotions.id, id)).returning();
  await schedulePromotionWindow(tx, updated);
  await recordStaffAction(tx, { staffId: staff.id, action: "promotion.update", data: { promotionId: id, name: updated.name, code: updated.code } });
  return { ok: true, promotion: updated };
}

/** Archives a promotion: it applies nowhere from now on; orders that used it keep it. Once. */
export async function archivePromotion(tx: Executor, staff: SessionUser, id: number): Promise<PromotionChange> {
  const [archived] = await tx
    .update(promotions)
    .set({ active: false })
    .where(and(eq(promotions.id, id), eq(promotions.active, true)))
    .returning();
  if (!archived) return (await getPromotion(tx, id)) ? { ok: false, code: "archived" } : { ok: false, code: "not_found" };
  await schedulePromotionWindow(tx, archived);
  await recordStaffAction(tx, { staffId: staff.id, action: "promotion.archive", data: { promotionId: id, name: archived.name, code: archived.code } });
  return { ok: true, promotion: archived };
}

/** Products and categories to choose from in the forms. */
export async function promotionTargets(db: Executor) {
  const [productRows, categoryRows] = await Promise.all([
    db.select({ id: products.id, name: products.name }).from(products).where(eq(products.active, true)).orderBy(products.name),
    db.select({ id: categories.id, name: categories.name, parentId: categories.parentId }).from(categories).orderBy(categories.name),
  ]);
  return { products: productRows, categories: categoryRows };
}
