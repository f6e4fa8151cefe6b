import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { StaffGate } from "../../../staff-gate";
import { catalogChoices } from "../../choices";
import { NewProductForm } from "../../catalog-forms-client";

export const metadata: Metadata = { title: "New product" };

/** A new product with its first variant, for marketing and admins. */
export default function NewProductPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/catalog" className="text-brand-700 underline">
          Catalog
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-extrabold">New product</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffGate returnTo="/admin/catalog/products/new" roles={MARKETING_ROLES}>
          {async () => (
            <div className="mt-6">
              <NewProductForm choices={await catalogChoices(getDb())} />
            </div>
          )}
        </StaffGate>
      </Suspense>
    </div>
  );
}
