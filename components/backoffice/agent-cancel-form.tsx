"use client";
// Cancel an order, for agents and admins, on the order page: a confirmation step (a disclosure
// that works without JavaScript), a required reason, field errors and the typed reason kept. The
// server action checks role, store and status again; this only hides the form when it cannot apply.
import { useActionState } from "react";
import { FormMessage, Field } from "@/components/account/form-field";
import type { OrderStatus } from "@/db/schema";
import { cancelOrderAsAgent } from "@/lib/backoffice/payment-actions";
import { AGENT_CANCELLABLE } from "@/lib/orders/state-machine";
import { FormKeyField, useFlashState } from "@/components/backoffice/form-flash";
import { formKey as keyOf } from "@/lib/backoffice/form-flash";

type Props = { orderId: string; status: OrderStatus; captured: boolean };

export function AgentCancelForm({ orderId, status, captured }: Props) {
  const [state, action, pending] = useActionState(cancelOrderAsAgent, useFlashState(keyOf("agent-cancel", orderId), {}));
  if (!AGENT_CANCELLABLE.includes(status) && !state.ok) return null;
  return (
    <section aria-labelledby="cancel-heading" className="rounded-xl border border-stone-200 bg-white p-4">
      <h2 id="cancel-heading" className="text-lg font-bold">
        Cancel order
      </h2>
      <FormMessage ok={state.ok} message={state.message} />
      {!state.ok && (
        <details open={Boolean(state.errors)} className="mt-2">
          <summary className="inline-flex min-h-12 cursor-pointer items-center rounded-full border border-accent-500 px-5 font-semibold text-accent-600">
            Cancel this order…
          </summary>
          <form action={action} className="mt-3 space-y-3">
            <FormKeyField formKey={keyOf("agent-cancel", orderId)} />
            <input type="hidden" name="orderId" value={orderId} />
            <p className="text-sm text-stone-700">
              {captured
                ? "The stock and slot are released and what was charged is refunded in full. The shopper is e-mailed."
                : "The stock and slot are released and the card authorisation is cancelled. The shopper is e-mailed."}
            </p>
            <Field id="cancel-reason" label="Reason (told to the shopper)" name="reason" required maxLength={500} defaultValue={state.values?.reason} errors={state.errors?.reason} />
            <button type="submit" disabled={pending} className="min-h-12 rounded-full bg-accent-600 px-5 font-semibold text-white disabled:opacity-60">
              {pending ? "Cancelling…" : "Yes, cancel this order"}
            </button>
          </form>
        </details>
      )}
    </section>
  );
}
