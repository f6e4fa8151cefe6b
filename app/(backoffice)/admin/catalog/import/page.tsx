import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { StaffGate } from "../../staff-gate";
import { ImportForm } from "../catalog-forms-client";

export const metadata: Metadata = { title: "Catalog CSV" };

/** Export the catalog and its prices as CSV, and import one back (checked first, then all or nothing). */
export default function CatalogCsvPage() {
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/catalog" className="text-brand-700 underline">
          Catalog
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-extrabold">Catalog CSV</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffGate returnTo="/admin/catalog/import" roles={MARKETING_ROLES}>
          {() => (
            <>
              <section aria-labelledby="export-heading" className="mt-6">
                <h2 id="export-heading" className="text-xl font-bold">
                  Export
                </h2>
                <p className="mt-1 text-stone-700">One row per variant, with one price column per store (empty: the national price).</p>
                <a href="/api/admin/catalog/export.csv" className="mt-3 inline-block rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100" download>
                  Download the catalog (CSV)
                </a>
              </section>
              <section aria-labelledby="import-heading" className="mt-8 border-t border-stone-200 pt-6">
                <h2 id="import-heading" className="text-xl font-bold">
                  Import
                </h2>
                <div className="mt-3">
                  <ImportForm />
                </div>
              </section>
            </>
          )}
        </StaffGate>
      </Suspense>
    </div>
  );
}
