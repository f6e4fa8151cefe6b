import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { listStaff } from "@/db/queries/staff-accounts";
import { searchStaffActions } from "@/db/queries/staff-actions";
import { ADMIN_ROLES } from "@/lib/backoffice/access";
import { actionDetails, actionName, auditFilter, AUDIT_PAGE_SIZE, type AuditSearch } from "@/lib/backoffice/audit";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffGate } from "../staff-gate";

export const metadata: Metadata = { title: "Audit log" };

type Props = PageProps<"/admin/audit">;

/** Every staff action, newest first, for admins: by staff member, order number and days (shop time). */
export default function AuditPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <h1 className="text-3xl font-extrabold">Audit log</h1>
      <Suspense fallback={<p className="mt-4 text-stone-600" data-stream-fallback>Loading the audit log…</p>}>
        <StaffGate returnTo="/admin/audit" roles={ADMIN_ROLES}>
          {() => <AuditLog searchParams={searchParams} />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

const input = "mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2";

async function AuditLog({ searchParams }: { searchParams: Props["searchParams"] }) {
  const { search, filter } = auditFilter(await searchParams);
  const [staff, entries] = await Promise.all([listStaff(getDb()), searchStaffActions(getDb(), filter)]);
  const older = entries.length === AUDIT_PAGE_SIZE ? olderHref(search, entries.at(-1)!.id) : null;
  return (
    <>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Search the audit log">
        <div>
          <label htmlFor="audit-staff" className="block text-sm font-medium text-stone-800">
            Staff member
          </label>
          <select id="audit-staff" name="staff" defaultValue={search.staff ?? ""} className={input}>
            <option value="">Everyone</option>
            {staff.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name} ({member.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-order" className="block text-sm font-medium text-stone-800">
            Order number
          </label>
          <input id="audit-order" name="order" defaultValue={search.order} maxLength={40} className={input} />
        </div>
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium text-stone-800">
            From
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={search.from} className={input} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium text-stone-800">
            To
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={search.to} className={input} />
        </div>
        <button type="submit" className="rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
          Search
        </button>
        <Link href="/admin/audit" className="px-2 py-2.5 text-brand-700 underline">
          Clear
        </Link>
      </form>
      <p className="mt-2 text-sm text-stone-600">Days and times are in the shop&apos;s time zone (Paris).</p>
      <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Staff actions table">
        <table className="w-full border-collapse bg-white text-left text-sm" data-testid="audit-table">
          <caption className="sr-only">Staff actions, newest first</caption>
          <thead>
            <tr className="border-b border-stone-300 text-stone-700">
              <th scope="col" className="p-2">When</th>
              <th scope="col" className="p-2">Who</th>
              <th scope="col" className="p-2">Action</th>
              <th scope="col" className="p-2">On</th>
              <th scope="col" className="p-2">Details</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} className="border-b border-stone-200 align-top" data-testid="audit-row">
                <td className="p-2 whitespace-nowrap">{formatDateTime(entry.createdAt)}</td>
                <td className="p-2">{entry.staffName}</td>
                <td className="p-2 font-semibold">{actionName(entry.action)}</td>
                <td className="p-2">{[entry.subjectName, entry.orderNumber && `Order ${entry.orderNumber}`, entry.storeName].filter(Boolean).join(" · ")}</td>
                <td className="p-2 break-words">{actionDetails(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries.length === 0 && <p className="mt-3 text-stone-600">No staff actions match this search.</p>}
      </div>
      {older && (
        <Link href={older} className="mt-4 inline-block rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
          Older entries
        </Link>
      )}
    </>
  );
}

function olderHref(search: AuditSearch, before: number): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...search, before: String(before) })) if (value) query.set(key, value);
  return `/admin/audit?${query}`;
}
