import type { Metadata } from "next";
import { Link } from "@/components/layout/shop-link";
import { connection } from "next/server";
import { Suspense } from "react";
import { primaryButton } from "@/components/account/form-field";
import { getDb } from "@/db/client";
import { getBasketView, type BasketView } from "@/db/queries/baskets";
import { listAvailableSlots, type AvailableSlot } from "@/db/queries/slots";
import { getStoreBySlug } from "@/db/queries/stores";
import { listAddresses } from "@/db/queries/users";
import { getSessionUser } from "@/lib/auth/guards";
import { basketTotals, formatQuantity } from "@/lib/basket/pricing";
import { discountReasons } from "@/lib/promotions/basket";
import { currentBasketId } from "@/lib/basket/session";
import { formatCents } from "@/lib/catalog/pricing";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { CheckoutForm, type SlotGroup } from "./checkout-form";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Checkout", robots: { index: false, follow: false } };

export default function CheckoutPage() {
  return (
    <div className="mx-auto max-w-5xl space-y-6 py-4">
      <h1 className="text-3xl font-extrabold">Checkout</h1>
      <Suspense fallback={<p className="text-stone-600">Loading your basket…</p>}>
        <Checkout />
      </Suspense>
    </div>
  );
}

async function Checkout() {
  await connection();
  const [user, basketId] = await Promise.all([getSessionUser(), currentBasketId()]);
  const view = basketId ? await getBasketView(getDb(), basketId) : null;
  if (!view || view.lines.length === 0) {
    return (
      <p className="rounded-2xl border border-stone-200 bg-white p-6 text-lg">
        Your basket is empty.{" "}
        <Link href="/" className="font-semibold text-brand-700 underline">
          Start shopping
        </Link>
      </p>
    );
  }
  if (!user) return <SignInToCheckOut view={view} />;
  if (!view.ready) {
    return (
      <p role="alert" className="rounded-2xl border border-accent-500 bg-orange-50 p-6">
        Some items in your basket need your attention.{" "}
        <Link href="/basket" className="font-semibold underline">
          Review your basket
        </Link>
      </p>
    );
  }
  const [store, delivery, collection, addresses] = await Promise.all([
    getStoreBySlug(getDb(), view.store.slug),
    listAvailableSlots(getDb(), { storeId: view.store.id, kind: "delivery" }),
    listAvailableSlots(getDb(), { storeId: view.store.id, kind: "collection" }),
    listAddresses(getDb(), user.id),
  ]);
  const address = addresses.find((a) => a.isDefault) ?? addresses[0];
  return (
    <CheckoutForm
      store={{ name: view.store.name, address: store ? `${store.street}, ${store.postcode} ${store.city}` : "" }}
      lines={view.lines.map((l) => ({
        variantId: l.variantId,
        name: l.productName,
        quantity: formatQuantity(l, l.quantity),
        estimate: formatCents(l.estimateCents),
        substitution: l.substitution,
      }))}
      slots={{ delivery: groupSlots(delivery), collection: groupSlots(collection) }}
      totals={{ delivery: basketTotals(view.lines, "delivery"), collection: basketTotals(view.lines, "collection") }}
      discounts={{ reasons: discountReasons(view.lines), problem: view.promotions.refusalMessage }}
      address={address ? { recipient: address.recipient, street: address.street, postcode: address.postcode, city: address.city, phone: address.phone ?? "" } : null}
    />
  );
}

function SignInToCheckOut({ view }: { view: BasketView }) {
  const next = encodeURIComponent("/checkout");
  return (
    <div className="space-y-4 rounded-2xl border border-stone-200 bg-white p-6">
      <p className="text-lg">
        Your basket ({view.lines.length} {view.lines.length === 1 ? "item" : "items"}, {formatCents(view.totals.subtotalCents)}) is kept while you sign in or
        create an account.
      </p>
      <div className="flex flex-wrap gap-3">
        <Link href={`/sign-up?next=${next}`} className={primaryButton}>
          Create an account
        </Link>
        <Link href={`/sign-in?next=${next}`} className="rounded-full border border-stone-300 px-5 py-2.5 font-semibold hover:border-brand-600">
          Sign in
        </Link>
      </div>
    </div>
  );
}

const PARIS = "Europe/Paris";
const dayFormat = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, weekday: "long", day: "numeric", month: "long" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: PARIS, hour: "2-digit", minute: "2-digit" });

/** Slots by day, in Paris time: "Saturday 28 November" → "10:00–12:00". */
function groupSlots(slots: AvailableSlot[]): SlotGroup[] {
  const groups = new Map<string, SlotGroup>();
  for (const slot of slots) {
    const day = dayFormat.format(slot.startsAt);
    if (!groups.has(day)) groups.set(day, { day, slots: [] });
    groups.get(day)!.slots.push({ id: slot.id, label: `${timeFormat.format(slot.startsAt)}–${timeFormat.format(slot.endsAt)}`, remaining: slot.remaining });
  }
  return [...groups.values()];
}
