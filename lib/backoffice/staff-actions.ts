"use server";
// Admins' actions on staff accounts (lib/backoffice/staff-accounts.ts does the work). Store
// checkboxes are named `storeId-<id>`, so that a form re-rendered after an error keeps them.
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { listStores } from "@/db/queries/stores";
import type { ActionState } from "@/lib/actions";
import { backOfficeAction, NOT_FOUND_ANSWER } from "./action";
import { ADMIN_ROLES } from "./access";
import { createStaffAccount, setStaffActive, STAFF_ACCOUNT_ROLES, updateStaffAccount, type StaffChangeResult } from "./staff-accounts";

const STORE_CHECKBOX = /^storeId-(\d{1,9})$/;

const account = {
  name: z.string().trim().min(1, "Enter the person's name.").max(100, "Use at most 100 characters."),
  role: z.enum(STAFF_ACCOUNT_ROLES, "Choose a role."),
};

/** The form's fields plus the ticked stores, as ids; an agent needs at least one. */
function withStores<T extends z.ZodRawShape>(shape: T) {
  return z
    .looseObject(shape)
    .transform((form) => ({
      ...form,
      storeIds: Object.keys(form).flatMap((key) => {
        const match = STORE_CHECKBOX.exec(key);
        return match ? [Number(match[1])] : [];
      }),
    }))
    .refine((form) => form.role !== "agent" || form.storeIds.length > 0, { path: ["stores"], message: "Choose at least one store for an agent." });
}

async function unknownStores(storeIds: number[]): Promise<ActionState | null> {
  const known = new Set((await listStores(getDb())).map((s) => s.id));
  return storeIds.every((id) => known.has(id)) ? null : { ok: false, message: "Please correct the highlighted fields.", errors: { stores: ["Choose stores from the list."] } };
}

/** The form's answer; a change re-renders the page (the list, the account's status). */
function answer(result: StaffChangeResult, ownAccount: ActionState, done: ActionState): ActionState {
  if (result.ok) {
    refresh();
    return done;
  }
  if (result.code === "not_found") return NOT_FOUND_ANSWER;
  if (result.code === "email_taken") return { ok: false, message: "Please correct the highlighted fields.", errors: { email: ["An account already uses this e-mail address."] } };
  return ownAccount;
}

export const createStaff = backOfficeAction(
  { roles: ADMIN_ROLES, scope: "none" },
  withStores({
    ...account,
    email: z.string().trim().min(1, "Enter the e-mail address.").max(254, "That e-mail address is too long.").email("Enter a valid e-mail address, like name@example.com."),
  }),
  async (input, admin) => {
    const refused = await unknownStores(input.storeIds);
    if (refused) return refused;
    const result = await createStaffAccount(getDb(), admin, input);
    if (result.ok) redirect(`/admin/staff/${result.member.id}?created=1`);
    return answer(result, { ok: false }, { ok: true });
  },
);

export const updateStaff = backOfficeAction({ roles: ADMIN_ROLES, scope: "none" }, withStores({ id: z.uuid("Unknown account."), ...account }), async (input, admin) => {
  const refused = await unknownStores(input.storeIds);
  if (refused) return refused;
  const result = await updateStaffAccount(getDb(), admin, input.id, input);
  return answer(
    result,
    { ok: false, message: "Please correct the highlighted fields.", errors: { role: ["You cannot change your own role: ask another administrator."] } },
    { ok: true, message: "Saved." },
  );
});

const accountId = z.object({ id: z.uuid("Unknown account.") });

export const deactivateStaff = backOfficeAction({ roles: ADMIN_ROLES, scope: "none" }, accountId, async ({ id }, admin) => {
  const result = await setStaffActive(getDb(), admin, id, false);
  return answer(result, { ok: false, message: "You cannot deactivate your own account." }, { ok: true, message: "Deactivated: this account is signed out and cannot sign in." });
});

export const reactivateStaff = backOfficeAction({ roles: ADMIN_ROLES, scope: "none" }, accountId, async ({ id }, admin) => {
  const result = await setStaffActive(getDb(), admin, id, true);
  return answer(result, { ok: false }, { ok: true, message: "Reactivated: this account can sign in again." });
});
