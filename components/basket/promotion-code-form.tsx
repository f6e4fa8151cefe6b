"use client";
// The basket page's promotion code: enter one (its refusal beside the field), or remove the one
// applied. A plain form before hydration; with JavaScript the basket refreshes in place.
import { useActionState } from "react";
import { Field, FormMessage } from "@/components/account/form-field";
import { applyPromotionCode } from "@/lib/basket/actions";
import { useHydrated, useRefreshBasketOn } from "./use-basket";

export function PromotionCodeForm({ current }: { current: string | null }) {
  const [state, action, pending] = useActionState(applyPromotionCode, {});
  const hydrated = useHydrated();
  useRefreshBasketOn(state.ok ? state : null);
  const jsFlag = hydrated && <input type="hidden" name="js" value="1" />;
  if (current) {
    return (
      <form action={action} className="flex flex-wrap items-center justify-between gap-2" aria-label="Promotion">
        <p>
          Code <strong data-testid="promotion-code">{current}</strong>
        </p>
        <input type="hidden" name="intent" value="remove" />
        {jsFlag}
        <button type="submit" disabled={pending} className="rounded-full px-3 py-1.5 text-sm font-medium text-accent-600 underline hover:bg-orange-50">
          Remove<span className="sr-only"> code {current}</span>
        </button>
      </form>
    );
  }
  return (
    <form action={action} className="space-y-2" aria-label="Promotion">
      <Field label="Promotion code" name="code" required maxLength={40} autoComplete="off" defaultValue={state.values?.code} errors={state.errors?.code} />
      <input type="hidden" name="intent" value="apply" />
      {jsFlag}
      <button type="submit" disabled={pending} className="rounded-full border border-stone-300 px-4 py-1.5 text-sm font-semibold hover:bg-stone-100 disabled:opacity-60">
        {pending ? "Checking…" : "Apply code"}
      </button>
      {state.ok && <FormMessage ok message={state.message} />}
    </form>
  );
}
