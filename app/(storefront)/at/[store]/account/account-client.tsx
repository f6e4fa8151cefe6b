"use client";

import { useActionState } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { removeAddress, saveAddress, signOutOfAccount } from "@/lib/auth/actions";

export function SignOutButton() {
  const [, action, pending] = useActionState(signOutOfAccount, {});
  return (
    <form action={action}>
      <button type="submit" disabled={pending} className="rounded-full border border-stone-300 px-4 py-2 font-semibold hover:bg-stone-100 disabled:opacity-60">
        {pending ? "Signing out…" : "Sign out"}
      </button>
    </form>
  );
}

export function DeleteAddressButton({ id, label }: { id: string; label: string }) {
  const [state, action, pending] = useActionState(removeAddress, {});
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} aria-label={`Delete address ${label}`} className="rounded-full border border-stone-300 px-3 py-1.5 text-sm hover:bg-stone-100 disabled:opacity-60">
        {pending ? "Deleting…" : "Delete"}
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}

export function AddAddressForm() {
  const [state, action, pending] = useActionState(saveAddress, {});
  const v = state.values;
  return (
    <form action={action} className="mt-4 grid gap-4 sm:grid-cols-2" noValidate>
      <div className="sm:col-span-2">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
      <Field label="Label" name="label" maxLength={40} defaultValue={v?.label ?? "Home"} errors={state.errors?.label} hint="For example Home or Work." />
      <Field label="Recipient" name="recipient" autoComplete="name" required maxLength={100} defaultValue={v?.recipient} errors={state.errors?.recipient} />
      <div className="sm:col-span-2">
        <Field label="Street and number" name="street" autoComplete="street-address" required maxLength={200} defaultValue={v?.street} errors={state.errors?.street} />
      </div>
      <Field label="Postcode" name="postcode" autoComplete="postal-code" inputMode="numeric" required maxLength={10} defaultValue={v?.postcode} errors={state.errors?.postcode} />
      <Field label="City" name="city" autoComplete="address-level2" required maxLength={100} defaultValue={v?.city} errors={state.errors?.city} />
      <Field label="Phone" name="phone" type="tel" autoComplete="tel" inputMode="tel" maxLength={20} defaultValue={v?.phone} errors={state.errors?.phone} />
      <div className="sm:col-span-2">
        <button type="submit" disabled={pending} className={primaryButton}>
          {pending ? "Saving…" : "Save address"}
        </button>
      </div>
    </form>
  );
}
