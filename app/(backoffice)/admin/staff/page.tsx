import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { primaryButton } from "@/components/account/form-field";
import { getDb } from "@/db/client";
import { listStaff } from "@/db/queries/staff-accounts";
import { ADMIN_ROLES } from "@/lib/backoffice/access";
import { STAFF_ACCOUNT_ROLES, type StaffAccountRole } from "@/lib/backoffice/staff-accounts";
import { ROLE_NAMES, StaffGate } from "../staff-gate";

export const metadata: Metadata = { title: "Staff accounts" };

type Props = PageProps<"/admin/staff">;

/** Staff accounts, for admins: name, e-mail, role, stores and status, filtered by role. */
export default function StaffPage({ searchParams }: Props) {
  return (
    <div className="mx-auto max-w-7xl px-4 py-8">
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading staff accounts…</p>}>
        <StaffGate returnTo="/admin/staff" roles={ADMIN_ROLES}>
          {() => <StaffList searchParams={searchParams} />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function StaffList({ searchParams }: { searchParams: Props["searchParams"] }) {
  const { role: rawRole } = await searchParams;
  const role = STAFF_ACCOUNT_ROLES.find((r) => r === rawRole) as StaffAccountRole | undefined;
  const staff = await listStaff(getDb(), { role });
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-extrabold">Staff accounts</h1>
        <Link href="/admin/staff/new" className={primaryButton}>
          New staff account
        </Link>
      </div>
      <form method="get" className="mt-4 flex flex-wrap items-end gap-2">
        <div>
          <label htmlFor="role-filter" className="block text-sm font-medium text-stone-800">
            Role
          </label>
          <select id="role-filter" name="role" defaultValue={role ?? ""} className="mt-1 rounded-lg border border-stone-300 bg-white px-3 py-2">
            <option value="">All roles</option>
            {STAFF_ACCOUNT_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
          Filter
        </button>
      </form>
      <div className="mt-4 overflow-x-auto" tabIndex={0} role="region" aria-label="Staff accounts table">
        <table className="w-full border-collapse bg-white text-left" data-testid="staff-table">
          <caption className="sr-only">Staff accounts{role ? `: ${ROLE_NAMES[role]}` : ""}</caption>
          <thead>
            <tr className="border-b border-stone-300 text-sm text-stone-700">
              <th scope="col" className="p-2">Name</th>
              <th scope="col" className="p-2">E-mail</th>
              <th scope="col" className="p-2">Role</th>
              <th scope="col" className="p-2">Stores</th>
              <th scope="col" className="p-2">Status</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((member) => (
              <tr key={member.id} className="border-b border-stone-200" data-testid="staff-row">
                <td className="p-2">
                  <Link href={`/admin/staff/${member.id}`} className="font-semibold text-brand-700 underline">
                    {member.name}
                  </Link>
                </td>
                <td className="p-2">{member.email}</td>
                <td className="p-2">{ROLE_NAMES[member.role]}</td>
                <td className="p-2">{member.role === "admin" ? "All stores" : member.storeNames.join(", ") || "—"}</td>
                <td className="p-2">{member.deactivatedAt ? <span className="font-semibold text-accent-600">Deactivated</span> : "Active"}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {staff.length === 0 && <p className="mt-3 text-stone-600">No staff accounts{role ? " with this role" : ""}.</p>}
      </div>
    </>
  );
}
