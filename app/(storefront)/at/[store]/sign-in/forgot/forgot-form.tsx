"use client";

import { useActionState } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { requestPasswordResetLink } from "@/lib/auth/actions";

export function ForgotPasswordForm() {
  const [state, action, pending] = useActionState(requestPasswordResetLink, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <Field label="E-mail" name="email" type="email" autoComplete="email" inputMode="email" required maxLength={254} defaultValue={state.values?.email} errors={state.errors?.email} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Sending…" : "Send me a link"}
      </button>
    </form>
  );
}
