import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listStores } from "@/db/queries/stores";
import { ADMIN_ROLES } from "@/lib/backoffice/access";
import { StaffGate } from "../../staff-gate";
import { StaffForm } from "../staff-form";

export const metadata: Metadata = { title: "New staff account" };

/** Creates a staff account; its owner gets an e-mailed link to choose a password. */
export default function NewStaffPage() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/staff" className="text-brand-700 underline">
          Staff accounts
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-extrabold">New staff account</h1>
      <p className="mt-1 text-stone-700">We e-mail the new member a link to choose their password. Nobody else ever knows it.</p>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffGate returnTo="/admin/staff/new" roles={ADMIN_ROLES}>
          {() => <NewStaffForm />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function NewStaffForm() {
  const stores = await listStores(getDb());
  return (
    <div className="mt-6">
      <StaffForm stores={stores.map((s) => ({ id: s.id, name: s.name }))} />
    </div>
  );
}
