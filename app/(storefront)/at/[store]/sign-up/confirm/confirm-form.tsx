"use client";

import { Link } from "@/components/layout/shop-link";
import { useActionState, type ReactNode } from "react";
import { FormMessage, primaryButton } from "@/components/account/form-field";
import { confirmSignUp } from "@/lib/auth/actions";

/** `children`: the link's hidden token and return path, rendered by the page. */
export function ConfirmForm({ children }: { children?: ReactNode }) {
  const [state, action, pending] = useActionState(confirmSignUp, {});
  return (
    <form action={action} className="space-y-4">
      <FormMessage ok={state.ok} message={state.message} />
      {children}
      <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
        {pending ? "Confirming…" : "Confirm and sign in"}
      </button>
      {state.ok === false && (
        <p className="text-stone-700">
          <Link href="/sign-in" className="font-semibold text-brand-700 underline">
            Sign in
          </Link>{" "}
          or{" "}
          <Link href="/sign-up" className="font-semibold text-brand-700 underline">
            sign up again
          </Link>
        </p>
      )}
    </form>
  );
}
