"use client";

import { useActionState, type ReactNode } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { chooseNewPassword } from "@/lib/auth/actions";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password-policy";

/** `children`: the link's hidden token, rendered by the page. */
export function ResetPasswordForm({ children }: { children?: ReactNode }) {
  const [state, action, pending] = useActionState(chooseNewPassword, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {children}
      <Field
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        maxLength={200}
        hint={`At least ${MIN_PASSWORD_LENGTH} characters. Signing in with it ends your other sessions.`}
        errors={state.errors?.password}
      />
      <Field label="Confirm password" name="confirmPassword" type="password" autoComplete="new-password" required maxLength={200} errors={state.errors?.confirmPassword} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Saving…" : "Save and sign in"}
      </button>
    </form>
  );
}
