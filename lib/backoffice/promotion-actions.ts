"use server";
// Marketing's actions on promotions (db/queries/promotion-admin.ts does the work, audited). A new
// promotion's form sends the shopper to its page; an edit stays on it. Every committed change
// expires the storefront's promotions tag (badges on cards and product pages).
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { archivePromotion, createPromotion, updatePromotion, type PromotionChange } from "@/db/queries/promotion-admin";
import type { ActionState } from "@/lib/actions";
import { TAGS } from "@/lib/cache-tags";
import { promotionForm, promotionInput } from "@/lib/promotions/form";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";
import { MARKETING_ROLES } from "./access";
import { publishCatalogChange } from "./catalog-freshness";

const access = { roles: MARKETING_ROLES, scope: "none" } as const;

function refusal(result: Exclude<PromotionChange, { ok: true }>): ActionState {
  const fields = (field: string, message: string): ActionState => ({ ok: false, message: "Please correct the highlighted fields.", errors: { [field]: [message] } });
  switch (result.code) {
    case "not_found":
      return NOT_FOUND_ANSWER;
    case "archived":
      return { ok: false, message: "This promotion is archived: it cannot be changed." };
    case "code_taken":
      return fields("code", "Another promotion already uses this code.");
    case "below_uses":
      return fields("maxUses", `Already used by ${result.usesCount} orders: the limit cannot be lower.`);
    case "unknown_product":
      return fields("productId", "Choose a product from the list.");
    case "unknown_category":
      return fields("categoryId", "Choose a category from the list.");
  }
}

/** Creates a promotion (no `id`), or changes one. */
export const savePromotion = backOfficeAction(access, promotionForm, async (form, user) => {
  const input = promotionInput(form);
  const id = form.id === undefined ? null : Number(form.id);
  const result = await getDb().transaction((tx) => (id === null ? createPromotion(tx, user, input) : updatePromotion(tx, user, id, input)));
  if (!result.ok) return refusal(result);
  await publishCatalogChange([TAGS.promotions]);
  if (id === null) redirect(`/admin/promotions/${result.promotion.id}?created=1`);
  refresh();
  return { ok: true, message: "Promotion saved." };
});

/** Archives a promotion: it stops applying at once; orders that used it keep their discount. */
export const archivePromotionAction = backOfficeAction(access, z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) }), async ({ id }, user) => {
  const result = await getDb().transaction((tx) => archivePromotion(tx, user, id));
  if (!result.ok) return refusal(result);
  await publishCatalogChange([TAGS.promotions]);
  refresh();
  return { ok: true, message: "Promotion archived." };
});
