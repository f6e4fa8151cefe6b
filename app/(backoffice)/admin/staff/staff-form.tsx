"use client";
// The staff account forms: create or edit (name, role, an agent's stores), and deactivate/reactivate.
import { useActionState, useState } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import type { ActionState } from "@/lib/actions";
import { createStaff, deactivateStaff, reactivateStaff, updateStaff } from "@/lib/backoffice/staff-actions";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

const ROLE_OPTIONS = [
  { value: "agent", label: "Store agent" },
  { value: "marketing", label: "Marketing" },
  { value: "admin", label: "Administrator" },
] as const;

type StoreOption = { id: number; name: string };
type Member = { id: string; name: string; email: string; role: string; storeIds: number[] };

export function StaffForm({ stores, member }: { stores: StoreOption[]; member?: Member }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(member ? updateStaff : createStaff, useFlashState(keyOf("staff", member?.id ?? "new"), {}));
  const v = state.values;
  // After an error the form shows what was submitted; before, the account as it is.
  const role = v?.role ?? member?.role ?? "agent";
  const [chosenRole, setChosenRole] = useState(role);
  const ticked = (id: number) => (v ? v[`storeId-${id}`] === "on" : (member?.storeIds.includes(id) ?? false));
  const storeErrors = state.errors?.stores;
  return (
    <form action={action} className="space-y-4" noValidate key={JSON.stringify(v ?? {})}>
      <FormKeyField formKey={keyOf("staff", member?.id ?? "new")} />
      <FormMessage ok={state.ok} message={state.message} />
      {member && <input type="hidden" name="id" value={member.id} />}
      <Field label="Name" name="name" required maxLength={100} autoComplete="off" defaultValue={v?.name ?? member?.name} errors={state.errors?.name} />
      {member ? (
        <p>
          <span className="block text-sm font-medium text-stone-800">E-mail</span>
          <span data-testid="member-email">{member.email}</span>
        </p>
      ) : (
        <Field label="E-mail" name="email" type="email" required maxLength={254} autoComplete="off" defaultValue={v?.email} errors={state.errors?.email} />
      )}
      <div>
        <label htmlFor="field-role" className="block text-sm font-medium text-stone-800">
          Role
        </label>
        <select
          id="field-role"
          name="role"
          defaultValue={role}
          onChange={(e) => setChosenRole(e.target.value)}
          aria-invalid={state.errors?.role ? true : undefined}
          aria-describedby={state.errors?.role ? "field-role-error" : undefined}
          className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2"
        >
          {ROLE_OPTIONS.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
        {state.errors?.role && (
          <p id="field-role-error" className="mt-1 text-sm font-medium text-accent-600">
            {state.errors.role.join(" ")}
          </p>
        )}
      </div>
      <fieldset aria-describedby={storeErrors ? "field-stores-error" : "field-stores-hint"} className="rounded-lg border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium text-stone-800">Stores</legend>
        <p id="field-stores-hint" className="text-sm text-stone-600">
          {chosenRole === "agent" ? "An agent works in at least one store, and sees only its orders and stock." : "Only agents are assigned to stores; other roles ignore this."}
        </p>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {stores.map((store) => (
            <label key={store.id} className="flex items-center gap-2">
              <input type="checkbox" name={`storeId-${store.id}`} defaultChecked={ticked(store.id)} className="size-5" />
              {store.name}
            </label>
          ))}
        </div>
        {storeErrors && (
          <p id="field-stores-error" className="mt-1 text-sm font-medium text-accent-600">
            {storeErrors.join(" ")}
          </p>
        )}
      </fieldset>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "Saving…" : member ? "Save changes" : "Create account"}
      </button>
    </form>
  );
}

/** Deactivate (signed out at once, refused from the next request) or reactivate an account. */
export function ActiveToggle({ id, active }: { id: string; active: boolean }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(active ? deactivateStaff : reactivateStaff, useFlashState(keyOf("staff-active", id), {}));
  return (
    <form action={action} className="space-y-2">
      <FormKeyField formKey={keyOf("staff-active", id)} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-full border border-accent-600 px-5 py-2.5 font-semibold text-accent-600 hover:bg-orange-50 disabled:opacity-60">
        {active ? "Deactivate account" : "Reactivate account"}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
