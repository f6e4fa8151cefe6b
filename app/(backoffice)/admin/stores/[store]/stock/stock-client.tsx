"use client";
// One stock row's correction form: the counted quantity (items, or kg for weighed items) and a reason.
import { useActionState } from "react";
import { FormMessage } from "@/components/account/form-field";
import type { ActionState } from "@/lib/actions";
import { correctStoreStock } from "@/lib/backoffice/stock-actions";
import { STOCK_REASONS } from "@/lib/backoffice/stock-reasons";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

const input = "mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2 aria-invalid:border-accent-600";

function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return errors?.length ? (
    <p id={id} className="mt-1 text-sm font-medium text-accent-600">
      {errors.join(" ")}
    </p>
  ) : null;
}

export function StockCorrectionForm({ store, variantId, weighed, productName }: { store: string; variantId: number; weighed: boolean; productName: string }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(correctStoreStock, useFlashState(keyOf("stock", `${store}-${variantId}`), {}));
  const v = state.ok === false ? state.values : undefined;
  const id = (field: string) => `stock-${variantId}-${field}`;
  const invalid = (field: string) => (state.errors?.[field] ? { "aria-invalid": true, "aria-describedby": id(`${field}-error`) } : {});
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-[10rem_12rem_1fr_auto] sm:items-end" noValidate aria-label={`Correct the stock of ${productName}`}>
      <FormKeyField formKey={keyOf("stock", `${store}-${variantId}`)} />
      <input type="hidden" name="store" value={store} />
      <input type="hidden" name="variantId" value={variantId} />
      <div>
        <label htmlFor={id("count")} className="block text-sm font-medium text-stone-800">
          {weighed ? "Counted weight (kg)" : "Counted items"}
        </label>
        <input id={id("count")} name="count" inputMode={weighed ? "decimal" : "numeric"} required defaultValue={v?.count} className={input} {...invalid("count")} />
        <FieldError id={id("count-error")} errors={state.errors?.count} />
      </div>
      <div>
        <label htmlFor={id("reason")} className="block text-sm font-medium text-stone-800">
          Reason
        </label>
        <select id={id("reason")} name="reason" required defaultValue={v?.reason ?? ""} className={input} {...invalid("reason")}>
          <option value="" disabled>
            Choose…
          </option>
          {Object.entries(STOCK_REASONS).map(([code, label]) => (
            <option key={code} value={code}>
              {label}
            </option>
          ))}
        </select>
        <FieldError id={id("reason-error")} errors={state.errors?.reason} />
      </div>
      <div>
        <label htmlFor={id("note")} className="block text-sm font-medium text-stone-800">
          Note <span className="font-normal text-stone-500">(optional)</span>
        </label>
        <input id={id("note")} name="note" maxLength={200} defaultValue={v?.note} className={input} {...invalid("note")} />
        <FieldError id={id("note-error")} errors={state.errors?.note} />
      </div>
      <button type="submit" disabled={pending} className="rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "Saving…" : "Save"}
      </button>
      <div className="sm:col-span-4">
        <FormMessage ok={state.ok} message={state.message} />
      </div>
    </form>
  );
}
