import type { Metadata } from "next";
import { connection } from "next/server";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listAddresses } from "@/db/queries/users";
import { requireUser } from "@/lib/auth/guards";
import { BUILD_SAMPLE_SEGMENT } from "@/lib/storefront/paths";
import { AddAddressForm, DeleteAddressButton, SignOutButton } from "./account-client";

export function generateStaticParams() {
  return [{ store: BUILD_SAMPLE_SEGMENT }];
}

export const metadata: Metadata = { title: "Your account", robots: { index: false, follow: false } };

/**
 * When the account details arrive after the page's first bytes, React streams them into hidden
 * elements at the end of <body> and moves them into place with a script. Without JavaScript they
 * would stay hidden: show them instead, above the footer, and hide the loading message. (In
 * Tailwind's first layer, because its base layer hides [hidden] with !important.)
 */
const SHOW_STREAMED_CONTENT_WITHOUT_JS = `@layer theme { @media (scripting: none) {
body{display:flex;flex-direction:column}
body>footer{order:2}
body>div[hidden][id^="S:"]{display:block!important;order:1;width:100%;max-width:48rem;margin:0 auto 2rem;padding:0 1rem}
body>div[hidden][id^="S:"]>*+*{margin-top:2rem}
[data-stream-fallback]{display:none!important}
} }`;

const ROLE_NAMES = { customer: "Customer", agent: "Store agent", marketing: "Marketing", admin: "Administrator" } as const;

// What depends on the session streams in behind <Suspense>; the address form and the orders
// section are part of the shell, so that the form and its errors also show after a post without
// JavaScript (streamed content stays hidden without it). Their actions check the session themselves.
export default function AccountPage() {
  return (
    <div className="mx-auto max-w-3xl space-y-8 py-4">
      <h1 className="text-3xl font-extrabold">Your account</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading your account…</p>}>
        <AccountSections />
      </Suspense>
      <style>{SHOW_STREAMED_CONTENT_WITHOUT_JS}</style>

      <section aria-labelledby="add-address-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="add-address-heading" className="text-xl font-bold">
          Add an address
        </h2>
        <AddAddressForm />
      </section>

      <section aria-labelledby="orders-heading" className="rounded-2xl border border-stone-200 bg-white p-5">
        <h2 id="orders-heading" className="text-xl font-bold">
          Your orders
        </h2>
        <p className="mt-2 text-stone-600">You have no orders yet. Orders you place will be listed here.</p>
      </section>
    </div>
  );
}

async function AccountSections() {
  await connection();
  const user = await requireUser({ returnTo: "/account" });
  const addresses = await listAddresses(getDb(), user.id);
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
