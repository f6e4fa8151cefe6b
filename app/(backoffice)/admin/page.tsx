import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ROLE_NAMES, StaffGate } from "./staff-gate";

export const metadata: Metadata = { title: "Back office" };

/** Placeholder until the order queue and catalog editor arrive. Checks access itself, not only the layout. */
export default function AdminHome() {
  return (
    <Suspense fallback={null}>
      <StaffGate returnTo="/admin">
        {(user) => (
          <div className="mx-auto max-w-2xl px-4 py-12">
            <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">Halles back office</p>
            <h1 className="mt-2 text-3xl font-extrabold">Welcome, {user.name}</h1>
            <p className="mt-1 text-stone-700">
              You are signed in as <strong>{ROLE_NAMES[user.role]}</strong>
              {user.role === "agent" && user.storeIds.length === 0 ? " (no store assigned yet)" : ""}.
            </p>
            <p className="mt-3 text-stone-600">
              Order queues, picking lists, stock corrections and the catalog editor will live here.
            </p>
            <Link href="/" className="mt-6 inline-block text-brand-700 underline">
              Go to the storefront
            </Link>
          </div>
        )}
      </StaffGate>
    </Suspense>
  );
}
