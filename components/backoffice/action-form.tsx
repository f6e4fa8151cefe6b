"use client";
// A form that runs a back-office server action (lib/actions.ts shape) and says how it went, next to
// its button. Works as a plain form before hydration; with JavaScript the page is not reloaded.
import { useActionState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { FormMessage } from "@/components/account/form-field";
import type { ActionState } from "@/lib/actions";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";
import { FormKeyField, useFlashState } from "./form-flash";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * `formKey` names the form for its answer without JavaScript (components/backoffice/form-flash.tsx);
 * it defaults to `label`, which tells a page's forms apart.
 */
export function ActionForm({ action, children, className, label, formKey }: { action: Action; children: ReactNode; className?: string; label?: string; formKey?: string }) {
  const key = keyOf(formKey ?? label ?? "form");
  const [state, formAction] = useActionState(action, useFlashState(key, {}));
  return (
    <form action={formAction} className={className} aria-label={label}>
      <FormKeyField formKey={key} />
      {children}
      {state.message && (
        <div className="basis-full">
          <FormMessage ok={state.ok} message={state.message} />
        </div>
      )}
    </form>
  );
}

/** A submit button that says it is busy while its form's action runs. */
export function SubmitButton({ children, className, busy = "Saving…", name, value }: { children: ReactNode; className: string; busy?: string; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={className}>
      {pending ? busy : children}
    </button>
  );
}

export const bigButton = "min-h-12 rounded-full bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
export const bigSecondaryButton = "min-h-12 rounded-full border border-stone-300 bg-white px-5 py-3 text-lg font-semibold hover:bg-stone-100 disabled:opacity-60";
