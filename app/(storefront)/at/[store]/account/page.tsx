import type { Metadata } from "next";
import { connection } from "next/server";
import { Link } from "@/components/layout/shop-link";
import { Suspense } from "react";
import { ShowStreamedContentWithoutJs } from "@/components/layout/show-streamed-content";
import { OrderSummaryList } from "@/components/orders/order-summary-list";
import { getDb } from "@/db/client";
import { listShopperOrders } from "@/db/queries/shopper-orders";
import { listAddresses } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/guards";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { AddAddressForm, DeleteAddressButton, SignOutButton } from "./account-client";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Your account", robots: { index: false, follow: false } };

const LATEST_ORDERS = 5;

const ROLE_NAMES = { customer: "Customer", agent: "Store agent", marketing: "Marketing", admin: "Administrator" } as const;

// What depends on the session (profile, addresses, latest orders) streams in behind <Suspense>;
// without JavaScript, ShowStreamedContentWithoutJs shows it below the shell. The address form is
// part of the shell, so that the form and its errors show in place after a post without
// JavaScript. Its actions check the session themselves.
export default function AccountPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-8 py-4">
      <h1 className="text-3xl font-extrabold">Your account</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading your account…</p>}>
        <AccountSections />
      </Suspense>
      <ShowStreamedContentWithoutJs />

      <section aria-labelledby="add-address-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="add-address-heading" className="text-xl font-bold">
          Add an address
        </h2>
        <AddAddressForm />
      </section>
    </div>
  );
}

async function AccountSections() {
  await connection();
  const user = await requireUser({ returnTo: "/account" });
  const [addresses, latest] = await Promise.all([listAddresses(getDb(), user.id), listShopperOrders(getDb(), user.id, { page: 1, pageSize: LATEST_ORDERS })]);
  return (
    <>
      <section aria-labelledby="profile-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="profile-heading" className="text-xl font-bold">
          Profile
        </h2>
        <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          <dt className="text-stone-600">Name</dt>
          <dd data-testid="profile-name">{user.name}</dd>
          <dt className="text-stone-600">E-mail</dt>
          <dd data-testid="profile-email">{user.email}</dd>
          <dt className="text-stone-600">Role</dt>
          <dd data-testid="profile-role">{ROLE_NAMES[user.role]}</dd>
        </dl>
        <div className="mt-4">
          <SignOutButton />
        </div>
      </section>

      <section aria-labelledby="orders-heading" className="space-y-3 rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="orders-heading" className="text-xl font-bold">
          Your orders
        </h2>
        {latest.total === 0 ? (
          <p className="text-stone-600">You have no orders yet. Orders you place will be listed here.</p>
        ) : (
          <>
            <OrderSummaryList orders={latest.items} label="Your latest orders" />
            <Link href="/account/orders" className="inline-block font-semibold text-brand-700 underline">
              {latest.total > latest.items.length ? `See all ${latest.total} orders` : "See your order history"}
            </Link>
          </>
        )}
      </section>

      <section aria-labelledby="addresses-heading" className="space-y-4 rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="addresses-heading" className="text-xl font-bold">
          Saved addresses
        </h2>
        {addresses.length === 0 ? (
          <p className="text-stone-600">You have no saved addresses yet.</p>
        ) : (
          <ul aria-label="Saved addresses" className="space-y-3">
            {addresses.map((a) => (
              <li key={a.id} className="flex flex-wrap items-start justify-between gap-3 rounded-xl border border-stone-200 p-4">
                <div>
                  <p className="font-semibold">
                    {a.label}
                    {a.isDefault && <span className="ml-2 rounded-full bg-brand-50 px-2 py-0.5 text-xs text-brand-800">Default</span>}
                  </p>
                  <address className="text-stone-700 not-italic">
                    {a.recipient}
                    <br />
                    {a.street}
                    <br />
                    {a.postcode} {a.city}
                    {a.phone && (
                      <>
                        <br />
                        {a.phone}
                      </>
                    )}
                  </address>
                </div>
                <DeleteAddressButton id={a.id} label={a.label} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
