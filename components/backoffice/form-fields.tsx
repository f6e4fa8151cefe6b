// Select and text-area fields with their error beside them, styled like components/account's
// Field (which the back-office forms use for plain inputs).
import { FieldFrame as Frame, fieldDescribedBy as described } from "@/components/account/form-field";

const control = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-accent-600";

type Common = { label: string; name: string; errors?: string[]; hint?: string; required?: boolean; id?: string };

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
