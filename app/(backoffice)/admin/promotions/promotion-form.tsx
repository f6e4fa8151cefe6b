"use client";
// The promotion form, one per kind: a code (percent or amount, minimum basket, limits), a
// multi-buy on a product, or a percent off a category; with the days it runs. Errors beside each
// field, with or without JavaScript; what was typed is kept.
import { useActionState } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import type { ActionState } from "@/lib/actions";
import { archivePromotionAction, savePromotion } from "@/lib/backoffice/promotion-actions";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

export type PromotionFormValues = Record<string, string>;
type Option = { id: number; name: string };

export function PromotionForm({
  kind,
  initial,
  products = [],
  categories = [],
}: {
  kind: "code" | "multibuy" | "category_percent";
  /** The promotion as it is (editing), as form values; `id` set when editing. */
  initial: PromotionFormValues;
  products?: Option[];
  categories?: Option[];
}) {
  const [state, action, pending] = useActionState<ActionState, FormData>(savePromotion, useFlashState(keyOf("promotion", initial.id ?? kind), {}));
  const v = { ...initial, ...state.values };
  const e = state.errors ?? {};
  return (
    <form action={action} className="space-y-4" noValidate key={JSON.stringify(state.values ?? {})}>
      <FormKeyField formKey={keyOf("promotion", initial.id ?? kind)} />
      <FormMessage ok={state.ok} message={state.message} />
      {initial.id && <input type="hidden" name="id" value={initial.id} />}
      <input type="hidden" name="kind" value={kind} />
      <Field label="Name shoppers read" name="name" required maxLength={100} defaultValue={v.name} errors={e.name} />
      {kind === "code" && (
        <>
          <Field label="Code" name="code" required maxLength={30} autoComplete="off" defaultValue={v.code} errors={e.code} hint="Letters and digits; shoppers may type it in lower case." />
          <fieldset className="rounded-lg border border-stone-200 p-3" aria-describedby={e.discountType ? "field-discountType-error" : undefined}>
            <legend className="px-1 text-sm font-medium text-stone-800">Discount</legend>
            <div className="flex flex-wrap gap-4">
              <label className="flex items-center gap-2">
                <input type="radio" name="discountType" value="percent" defaultChecked={v.discountType !== "fixed"} className="size-5" /> A percent of the basket
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="discountType" value="fixed" defaultChecked={v.discountType === "fixed"} className="size-5" /> An amount off
              </label>
            </div>
            {e.discountType && (
              <p id="field-discountType-error" className="mt-1 text-sm font-medium text-accent-600">
                {e.discountType.join(" ")}
              </p>
            )}
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <Field label="Percent (if a percent)" name="percent" inputMode="text" defaultValue={v.percent} errors={e.percent} hint="10 means 10 %." />
              <Field label="Amount in euros (if an amount)" name="amount" inputMode="text" defaultValue={v.amount} errors={e.amount} />
            </div>
          </fieldset>
          <Field label="Minimum basket in euros" name="minBasket" inputMode="text" defaultValue={v.minBasket} errors={e.minBasket} hint="On the basket before discounts." />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Uses in all" name="maxUses" inputMode="numeric" defaultValue={v.maxUses} errors={e.maxUses} hint="Empty: no limit." />
            <Field label="Uses per customer" name="maxUsesPerCustomer" inputMode="numeric" defaultValue={v.maxUsesPerCustomer} errors={e.maxUsesPerCustomer} hint="Empty: no limit." />
          </div>
        </>
      )}
      {kind === "multibuy" && (
        <>
          <Select label="Product" name="productId" options={products} value={v.productId} errors={e.productId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Buy" name="buyQuantity" inputMode="numeric" required defaultValue={v.buyQuantity} errors={e.buyQuantity} hint="3 in “3 for 2”." />
            <Field label="Pay for" name="payQuantity" inputMode="numeric" required defaultValue={v.payQuantity} errors={e.payQuantity} hint="2 in “3 for 2”." />
          </div>
          <p className="text-sm text-stone-600">Applies to items sold by the unit, not to weighed products.</p>
        </>
      )}
      {kind === "category_percent" && (
        <>
          <Select label="Category (its subcategories too)" name="categoryId" options={categories} value={v.categoryId} errors={e.categoryId} />
          <Field label="Percent off" name="percent" inputMode="text" required defaultValue={v.percent} errors={e.percent} hint="10 means 10 %." />
        </>
      )}
      <div className="grid gap-3 sm:grid-cols-2">
        <Field label="First day" name="startsOn" type="date" required defaultValue={v.startsOn} errors={e.startsOn} />
        <Field label="Last day" name="endsOn" type="date" defaultValue={v.endsOn} errors={e.endsOn} hint="Empty: until archived." />
      </div>
      <button type="submit" disabled={pending} className={primaryButton}>
        {pending ? "Saving…" : initial.id ? "Save changes" : "Create promotion"}
      </button>
    </form>
  );
}

function Select({ label, name, options, value, errors }: { label: string; name: string; options: Option[]; value?: string; errors?: string[] }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={value ?? ""}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-lg border border-stone-300 bg-white px-3 py-2"
      >
        <option value="">Choose…</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      {errors && (
        <p id={`${id}-error`} className="mt-1 text-sm font-medium text-accent-600">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

/** Archive: the promotion stops applying at once. */
export function ArchiveForm({ id }: { id: number }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(archivePromotionAction, useFlashState(keyOf("archive-promotion", id), {}));
  return (
    <form action={action} className="space-y-2">
      <FormKeyField formKey={keyOf("archive-promotion", id)} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" disabled={pending} className="rounded-full border border-accent-600 px-5 py-2.5 font-semibold text-accent-600 hover:bg-orange-50 disabled:opacity-60">
        Archive promotion
      </button>
      <FormMessage ok={state.ok} message={state.message} />
    </form>
  );
}
