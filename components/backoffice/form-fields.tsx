// Select and text-area fields with their error beside them, styled like components/account's
// Field (which the back-office forms use for plain inputs).
import type { ReactNode } from "react";

const control = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-accent-600";

type Common = { label: string; name: string; errors?: string[]; hint?: string; required?: boolean; id?: string };

function described(id: string, hint?: string, errors?: string[]) {
  return [hint && `${id}-hint`, errors?.length && `${id}-error`].filter(Boolean).join(" ") || undefined;
}

function Frame({ id, label, required, hint, errors, children }: Common & { id: string; children: ReactNode }) {
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

export function SelectField(props: Common & { defaultValue?: string; options: { value: string; label: string }[] }) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <Frame {...props} id={id}>
      <select
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={described(id, props.hint, props.errors)}
        className={control}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

export function TextAreaField(props: Common & { defaultValue?: string; maxLength?: number; rows?: number }) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <Frame {...props} id={id}>
      <textarea
        id={id}
        name={props.name}
        defaultValue={props.defaultValue}
        maxLength={props.maxLength}
        rows={props.rows ?? 4}
        aria-invalid={props.errors?.length ? true : undefined}
        aria-describedby={described(id, props.hint, props.errors)}
        className={control}
      />
    </Frame>
  );
}
