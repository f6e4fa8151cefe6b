"use client";

import { useActionState, type ReactNode } from "react";
import { FormMessage, primaryButton } from "@/components/account/form-field";
import { chooseNewPassword } from "@/lib/auth/actions";
import { NewPasswordFields } from "@/components/account/new-password-fields";

/** `children`: the link's hidden token, rendered by the page. */
export function ResetPasswordForm({ children }: { children?: ReactNode }) {
  const [state, action, pending] = useActionState(chooseNewPassword, {});
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {children}
      <NewPasswordFields label="New password" note="Saving it ends your other sessions." errors={state.errors} />
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Saving…" : "Save and sign in"}
      </button>
    </form>
  );
}
