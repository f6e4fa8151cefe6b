// A labelled form field with its error next to it; used by the sign-in, sign-up and account forms.
import type { HTMLInputTypeAttribute, ReactNode } from "react";

export interface FieldProps {
  label: string;
  name: string;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  defaultValue?: string;
  errors?: string[];
  hint?: string;
  required?: boolean;
  maxLength?: number;
  inputMode?: "text" | "email" | "tel" | "numeric";
  /** The input's id (default `field-<name>`): set it when two forms on one page share a field name. */
  id?: string;
}

export function Field({ label, name, type = "text", autoComplete, defaultValue, errors, hint, required, maxLength, inputMode, id = `field-${name}` }: FieldProps) {
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} errors={errors}>
      <input
        id={id}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={fieldDescribedBy(id, hint, errors)}
        className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-accent-600"
      />
    </FieldFrame>
  );
}

/** The ids of a field's hint and error, for its control's aria-describedby. */
export function fieldDescribedBy(id: string, hint?: string, errors?: string[]): string | undefined {
  return [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

/** A field's label, its control (children), its hint and its error beside it. */
export function FieldFrame({ id, label, required, hint, errors, children }: { id: string; label: string; required?: boolean; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
        {!required && <span className="font-normal text-stone-500"> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm text-stone-600">
          {hint}
        </p>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-accent-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** The form's overall outcome: an alert when it failed, a status when it worked. */
export function FormMessage({ ok, message }: { ok?: boolean; message?: string }) {
  if (!message) return null;
  return ok === false ? (
    <p role="alert" data-testid="form-message" className="rounded-lg border border-accent-500 bg-orange-50 px-3 py-2 text-sm font-medium text-accent-600">
      {message}
    </p>
  ) : (
    <p role="status" data-testid="form-message" className="rounded-lg bg-brand-50 px-3 py-2 text-sm font-medium text-brand-800">
      {message}
    </p>
  );
}

export const primaryButton =
  "rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60";
