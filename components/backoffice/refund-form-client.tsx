"use client";
// Refund after capture: the whole order, chosen lines (each up to what is left of it), or an
// amount, with a reason. Field errors sit next to their fields and the typed values are kept;
// the server checks every limit again under the order's lock.
import { useActionState, useState } from "react";
import { Field, FormMessage } from "@/components/account/form-field";
import type { RefundableView } from "@/db/queries/refunds";
import { requestRefund } from "@/lib/backoffice/payment-actions";
import { formatCents } from "@/lib/catalog/pricing";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

type Kind = "whole" | "lines" | "amount";
type Props = { orderId: string; requestId: string; refundable: RefundableView };

const KINDS: { value: Kind; label: string }[] = [
  { value: "whole", label: "Whole order" },
  { value: "lines", label: "Per line" },
  { value: "amount", label: "An amount" },
];

export function RefundFormClient({ orderId, requestId, refundable }: Props) {
  const [state, action, pending] = useActionState(requestRefund, useFlashState(keyOf("refund", orderId), {}));
  const [kind, setKind] = useState<Kind>((state.values?.kind as Kind | undefined) ?? "whole");
  const values = state.ok ? {} : (state.values ?? {});
  return (
    <section aria-labelledby="refund-heading" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="refund-heading" className="text-lg font-bold">
        Refund
      </h2>
      <p className="text-sm text-stone-700">Up to {formatCents(refundable.refundableCents)} can still be refunded.</p>
      <form action={action} className="mt-3 space-y-4">
        <FormKeyField formKey={keyOf("refund", orderId)} />
        <input type="hidden" name="orderId" value={orderId} />
        {/* Kept after a refused attempt (nothing was made); a new one comes with the page after a refund. */}
        <input type="hidden" name="requestId" value={state.ok ? requestId : (values.requestId ?? requestId)} />
        <fieldset aria-describedby={state.errors?.kind ? "refund-kind-error" : undefined}>
          <legend className="text-sm font-medium text-stone-800">What to refund</legend>
          <div className="mt-1 flex flex-wrap gap-2">
            {KINDS.map((option) => (
              <label key={option.value} className="flex min-h-12 cursor-pointer items-center gap-2 rounded-full border border-stone-300 px-4 has-checked:border-brand-700 has-checked:bg-brand-50">
                <input type="radio" name="kind" value={option.value} checked={kind === option.value} onChange={() => setKind(option.value)} />
                {option.label}
              </label>
            ))}
          </div>
          {state.errors?.kind && (
            <p id="refund-kind-error" className="mt-1 text-sm font-medium text-accent-600">
              {state.errors.kind.join(" ")}
            </p>
          )}
        </fieldset>
        {kind === "lines" && (
          <div className="space-y-3">
            {refundable.lines
              .filter((line) => line.refundableCents > 0)
              .map((line) => (
                <Field
                  key={line.id}
                  label={`${line.label}: up to ${formatCents(line.refundableCents)}`}
                  name={`line-${line.id}`}
                  inputMode="text"
                  hint="In euros, e.g. 1.99; leave empty for none."
                  defaultValue={values[`line-${line.id}`]}
                  errors={state.errors?.[`line-${line.id}`]}
                />
              ))}
          </div>
        )}
        {kind === "amount" && (
          <Field label="Amount in euros" name="amount" required inputMode="text" hint={`At most ${formatCents(refundable.refundableCents)}.`} defaultValue={values.amount} errors={state.errors?.amount} />
        )}
        <Field id="refund-reason" label="Reason (told to the shopper)" name="reason" required maxLength={500} defaultValue={values.reason} errors={state.errors?.reason} />
        <FormMessage ok={state.ok} message={state.message} />
        <button type="submit" disabled={pending} className="min-h-12 rounded-full bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {pending ? "Requesting…" : "Refund"}
        </button>
      </form>
    </section>
  );
}
