"use client";

import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { signInWithPassword } from "@/lib/auth/actions";

/** `children`: the hidden return path, rendered by the page. */
export function SignInForm({ children }: { children?: ReactNode }) {
  const [state, action, pending] = useActionState(signInWithPassword, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {children}
      <Field label="E-mail" name="email" type="email" autoComplete="email" inputMode="email" required maxLength={254} defaultValue={state.values?.email} errors={state.errors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required maxLength={200} errors={state.errors?.password} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
