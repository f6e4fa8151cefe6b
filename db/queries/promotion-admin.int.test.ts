// Marketing's changes to promotions (issue 8): created, edited and archived with an audit row each;
// a taken code and a limit below the uses already counted are refused.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { promotions, staffActions } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect } from "@/tests/checkout-fixtures";
import { archivePromotion, createPromotion, listPromotions, promotionStatus, updatePromotion, type PromotionInput } from "./promotion-admin";

let db: Database;
let close: () => Promise<void>;
let marketer: SessionUser;

beforeAll(async () => {
  ({ db, close } = connect(4));
  marketer = await createStaff(db, "marketing");
});
afterAll(() => close());

const codeInput = (code: string, over: Partial<PromotionInput> = {}): PromotionInput => ({
  kind: "code",
  name: "Welcome",
  code,
  discountType: "percent",
  percentBp: 1_000,
  amountCents: null,
  minBasketCents: 0,
  startsAt: new Date(Date.now() + 86_400_000),
  endsAt: null,
  maxUses: 5,
  maxUsesPerCustomer: null,
  productId: null,
  buyQuantity: null,
  payQuantity: null,
  categoryId: null,
  ...over,
});

const auditOf = async (promotionId: number) =>
  (await db.select({ action: staffActions.action }).from(staffActions).where(sql`${staffActions.data} ->> 'promotionId' = ${String(promotionId)}`)).map((r) => r.action);

describe("promotions in the back office", () => {
  it("creates, edits and archives a code, auditing each change; the list shows its status", async () => {
    const code = `ADM${randomUUID().slice(0, 6).toUpperCase()}`;
    const created = await db.transaction((tx) => createPromotion(tx, marketer, codeInput(code)));
    if (!created.ok) throw new Error(created.code);
    expect(promotionStatus(created.promotion, new Date())).toBe("scheduled");
    expect(await db.transaction((tx) => createPromotion(tx, marketer, codeInput(code)))).toEqual({ ok: false, code: "code_taken" });

    await db.update(promotions).set({ usesCount: 3 }).where(eq(promotions.id, created.promotion.id));
    expect(await db.transaction((tx) => updatePromotion(tx, marketer, created.promotion.id, codeInput(code, { maxUses: 2 })))).toEqual({ ok: false, code: "below_uses", usesCount: 3 });
    const edited = await db.transaction((tx) => updatePromotion(tx, marketer, created.promotion.id, codeInput(code, { maxUses: 3, startsAt: new Date(Date.now() - 1000) })));
    expect(edited).toMatchObject({ ok: true, promotion: { maxUses: 3 } });
    const listed = (await listPromotions(db)).find((p) => p.id === created.promotion.id)!;
    expect(promotionStatus(listed, new Date())).toBe("live");

    expect((await db.transaction((tx) => archivePromotion(tx, marketer, created.promotion.id))).ok).toBe(true);
    expect(await db.transaction((tx) => archivePromotion(tx, marketer, created.promotion.id))).toEqual({ ok: false, code: "archived" });
    expect(await db.transaction((tx) => updatePromotion(tx, marketer, created.promotion.id, codeInput(code)))).toEqual({ ok: false, code: "archived" });
    expect(await auditOf(created.promotion.id)).toEqual(expect.arrayContaining(["promotion.create", "promotion.update", "promotion.archive"]));
    expect(await auditOf(created.promotion.id)).toHaveLength(3);
  });

  it("refuses a multi-buy on a product that does not exist", async () => {
    const input = codeInput("", { kind: "multibuy", code: null, discountType: null, percentBp: null, maxUses: null, productId: 2_000_000_000, buyQuantity: 3, payQuantity: 2 });
    expect(await db.transaction((tx) => createPromotion(tx, marketer, input))).toEqual({ ok: false, code: "unknown_product" });
  });
});
