"use client";

import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { signUp } from "@/lib/auth/actions";
import { NewPasswordFields } from "@/components/account/new-password-fields";

/** `children`: the hidden return path, rendered by the page. */
export function SignUpForm({ children }: { children?: ReactNode }) {
  const [state, action, pending] = useActionState(signUp, {});
  // The same answer whether or not the address already had an account: the rest is in the e-mail.
  if (state.ok) {
    return (
      <div role="status" data-testid="check-your-inbox" className="space-y-2 rounded-xl border border-brand-200 bg-brand-50 p-4 text-brand-900">
        <h2 className="text-lg font-bold">Check your inbox</h2>
        <p>{state.message}</p>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {children}
      <Field label="Name" name="name" autoComplete="name" required maxLength={100} defaultValue={state.values?.name} errors={state.errors?.name} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" inputMode="email" required maxLength={254} defaultValue={state.values?.email} errors={state.errors?.email} />
      <NewPasswordFields label="Password" errors={state.errors} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
