"use client";
// The checkout form: how (delivery or collection), when (a slot with room), substitutions per
// line, and the total for the chosen way. The server recomputes everything on submit.
import { useActionState, useState } from "react";
import { Field, FormMessage, primaryButton } from "@/components/account/form-field";
import { BasketTotalsTable } from "@/components/basket/basket-totals";
import { BASKET_RULES, type BasketTotals } from "@/lib/basket/pricing";
import { formatCents } from "@/lib/catalog/pricing";
import { placeOrderAndPay } from "@/lib/checkout/actions";

export type SlotGroup = { day: string; slots: { id: number; label: string; remaining: number }[] };
export type CheckoutLine = { variantId: number; name: string; quantity: string; estimate: string; substitution: "allow" | "refuse" };
type Fulfilment = "delivery" | "collection";

type Props = {
  store: { name: string; address: string };
  lines: CheckoutLine[];
  slots: Record<Fulfilment, SlotGroup[]>;
  totals: Record<Fulfilment, BasketTotals>;
  /** The promotions' reasons, and why the basket's code does not apply (if it does not). */
  discounts?: { reasons: string[]; problem: string | null };
  address: { recipient: string; street: string; postcode: string; city: string; phone: string } | null;
};

export function CheckoutForm({ store, lines, slots, totals, address, discounts }: Props) {
  const [state, action, pending] = useActionState(placeOrderAndPay, {});
  const [fulfilment, setFulfilment] = useState<Fulfilment>((state.values?.fulfilment as Fulfilment) ?? "delivery");
  const value = (name: string, fallback = "") => state.values?.[name] ?? fallback;
  const deliveryFee = totals.delivery.deliveryFeeCents === 0 ? "Free" : formatCents(totals.delivery.deliveryFeeCents);
  return (
    <form action={action} className="grid gap-6 lg:grid-cols-[1fr_22rem]" noValidate>
      <div className="space-y-6">
        <FormMessage ok={state.ok} message={state.message} />
        <fieldset className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5">
          <legend className="px-1 text-xl font-bold">1. Delivery or collection</legend>
          {(["delivery", "collection"] as const).map((kind) => (
            <label key={kind} className="flex cursor-pointer items-start gap-3 rounded-xl border border-stone-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50">
              <input type="radio" name="fulfilment" value={kind} checked={fulfilment === kind} onChange={() => setFulfilment(kind)} className="mt-1" />
              <span>
                <span className="font-semibold">{kind === "delivery" ? "Home delivery" : `Click & collect at ${store.name}`}</span>
                <span className="block text-sm text-stone-600">
                  {kind === "delivery" ? `${deliveryFee}; free from ${formatCents(BASKET_RULES.freeDeliveryFromCents)}` : `Free · ${store.address}`}
                </span>
              </span>
            </label>
          ))}
        </fieldset>

        {fulfilment === "delivery" && (
          <fieldset className="grid gap-4 rounded-2xl border border-stone-200 bg-white p-5 sm:grid-cols-2">
            <legend className="px-1 text-xl font-bold">2. Delivery address</legend>
            <Field label="Recipient" name="recipient" autoComplete="name" required maxLength={100} defaultValue={value("recipient", address?.recipient)} errors={state.errors?.recipient} />
            <Field label="Phone" name="phone" type="tel" autoComplete="tel" inputMode="tel" maxLength={20} defaultValue={value("phone", address?.phone)} errors={state.errors?.phone} />
            <Field label="Street and number" name="street" autoComplete="street-address" required maxLength={200} defaultValue={value("street", address?.street)} errors={state.errors?.street} />
            <Field label="Postcode" name="postcode" autoComplete="postal-code" required maxLength={10} defaultValue={value("postcode", address?.postcode)} errors={state.errors?.postcode} hint={`${store.name} delivers to nearby postcodes.`} />
            <Field label="City" name="city" autoComplete="address-level2" required maxLength={100} defaultValue={value("city", address?.city)} errors={state.errors?.city} />
          </fieldset>
        )}

        <fieldset className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5" aria-describedby={state.errors?.slotId ? "slot-error" : undefined}>
          <legend className="px-1 text-xl font-bold">{fulfilment === "delivery" ? "3. Delivery slot" : "2. Collection slot"}</legend>
          {state.errors?.slotId && (
            <p id="slot-error" role="alert" className="text-sm font-medium text-accent-600">
              {state.errors.slotId.join(" ")}
            </p>
          )}
          <SlotPicker key={fulfilment} name={`${fulfilment}SlotId`} groups={slots[fulfilment]} selected={value(`${fulfilment}SlotId`)} />
        </fieldset>

        <fieldset className="rounded-2xl border border-stone-200 bg-white p-5">
          <legend className="px-1 text-xl font-bold">If an item is out of stock</legend>
          <ul className="divide-y divide-stone-100">
            {lines.map((line) => (
              <li key={line.variantId} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{line.name}</span> <span className="text-sm text-stone-600">· {line.quantity} · {line.estimate}</span>
                </span>
                <label className="text-sm">
                  <span className="sr-only">Substitution for {line.name}</span>
                  <select name={`sub_${line.variantId}`} defaultValue={value(`sub_${line.variantId}`, line.substitution)} className="rounded-lg border border-stone-300 bg-white px-2 py-1.5">
                    <option value="allow">Replace with a similar item</option>
                    <option value="refuse">Do not replace</option>
                  </select>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </div>

      <aside aria-label="Order summary" className="space-y-4 self-start rounded-2xl border border-stone-200 bg-white p-5">
        <h2 className="text-xl font-bold">Summary</h2>
        <BasketTotalsTable totals={totals[fulfilment]} reasons={discounts?.reasons} deliveryLabel={fulfilment === "delivery" ? "Delivery" : "Collection"} />
        {discounts?.problem && (
          <p role="alert" className="text-sm font-medium text-accent-600">
            {discounts.problem} You can remove the code from your basket.
          </p>
        )}
        <button type="submit" disabled={pending} className={`${primaryButton} w-full`}>
          {pending ? "Placing your order…" : "Place order and pay"}
        </button>
        <p className="text-xs text-stone-500">You pay on Stripe&apos;s secure page. Nothing is charged until your order is picked.</p>
      </aside>
    </form>
  );
}

function SlotPicker({ name, groups, selected }: { name: string; groups: SlotGroup[]; selected: string }) {
  if (groups.length === 0) return <p className="text-stone-700">No slot has room in the next 7 days. Please try the other option or come back later.</p>;
  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <div key={group.day}>
          <p className="mb-2 font-semibold">{group.day}</p>
          <div className="flex flex-wrap gap-2">
            {group.slots.map((slot) => (
              <label key={slot.id} className="cursor-pointer rounded-xl border border-stone-300 px-3 py-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50 has-focus-visible:ring-2">
                <input type="radio" name={name} value={slot.id} defaultChecked={selected === String(slot.id)} className="sr-only" />
                <span className="font-medium">{slot.label}</span>
                <span className="block text-xs text-stone-600">{slot.remaining === 1 ? "1 place left" : `${slot.remaining} places left`}</span>
              </label>
            ))}
          </div>
        </div>
      ))}
    </div>
  );
}
