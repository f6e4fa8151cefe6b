import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listContentPages } from "@/db/queries/content";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { storefrontPath } from "@/lib/content/preview";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffGate } from "../staff-gate";
import { NewPageForm } from "./new-page-form";
import { PageStatusBadge } from "./status-badge";

export const metadata: Metadata = { title: "Content pages" };

/** The home page and landing pages, for marketing and admins: status and last edit; a new landing page. */
export default function ContentPagesPage() {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Suspense fallback={<p className="text-stone-600">Loading pages…</p>}>
        <StaffGate returnTo="/admin/content" roles={MARKETING_ROLES}>
          {() => <PageList />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function PageList() {
  const pages = await listContentPages(getDb());
  return (
    <>
      <h1 className="text-3xl font-extrabold">Content pages</h1>
      <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Content pages table">
        <table className="w-full border-collapse bg-white text-left" data-testid="content-pages">
          <caption className="sr-only">Content pages</caption>
          <thead>
            <tr className="border-b border-stone-300 text-sm text-stone-700">
              <th scope="col" className="p-2">Page</th>
              <th scope="col" className="p-2">Address</th>
              <th scope="col" className="p-2">Status</th>
              <th scope="col" className="p-2">Last edit</th>
            </tr>
          </thead>
          <tbody>
            {pages.map((page) => (
              <tr key={page.id} className="border-b border-stone-200" data-testid="content-page-row">
                <td className="p-2">
                  <Link href={`/admin/content/${page.id}`} className="font-semibold text-brand-700 underline">
                    {page.kind === "home" ? `Home page (${page.title})` : page.title}
                  </Link>
                </td>
                <td className="p-2 font-mono text-sm">{storefrontPath(page)}</td>
                <td className="p-2">
                  <PageStatusBadge page={page} />
                  {page.publishAt && <span className="ml-2 text-sm text-stone-600">on {formatDateTime(page.publishAt)}</span>}
                </td>
                <td className="p-2 text-sm">
                  {formatDateTime(page.updatedAt)}
                  {page.updatedByName && ` by ${page.updatedByName}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <section aria-labelledby="new-page-heading" className="mt-8 rounded-2xl border border-stone-200 bg-white p-4">
        <h2 id="new-page-heading" className="mb-3 text-xl font-bold">
          New landing page
        </h2>
        <NewPageForm />
      </section>
    </>
  );
}
