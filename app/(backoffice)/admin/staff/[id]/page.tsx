import type { Metadata } from "next";
import Link from "next/link";
import { cache, Suspense } from "react";
import { FormMessage } from "@/components/account/form-field";
import { getDb } from "@/db/client";
import { getStaffMember } from "@/db/queries/staff-accounts";
import { listStores } from "@/db/queries/stores";
import { ADMIN_ROLES } from "@/lib/backoffice/access";
import { pageAccess } from "@/lib/backoffice/pages";
import { formatDateTime } from "@/lib/orders/labels";
import { StaffOnly } from "../../staff-gate";
import { ActiveToggle, StaffForm } from "../staff-form";

type Props = PageProps<"/admin/staff/[id]">;

/** Admins only; an unknown id (or a customer's) is a 404. Called first by generateMetadata. */
const loadMember = cache((id: string) =>
  pageAccess(ADMIN_ROLES, `/admin/staff/${id}`, async () => {
    const member = await getStaffMember(getDb(), id);
    return member ? { member } : null;
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const access = await loadMember((await params).id);
  return { title: access.allowed ? access.member.name : "Staff only" };
}

/** One staff account, for admins: edit name, role and stores; deactivate or reactivate. */
export default function StaffMemberPage({ params, searchParams }: Props) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/staff" className="text-brand-700 underline">
          Staff accounts
        </Link>
      </nav>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffMember params={params} searchParams={searchParams} />
      </Suspense>
    </div>
  );
}

async function StaffMember({ params, searchParams }: Props) {
  const access = await loadMember((await params).id);
  if (!access.allowed) return <StaffOnly />;
  const { member, user } = access;
  const [stores, { created }] = await Promise.all([listStores(getDb()), searchParams]);
  return (
    <>
      <h1 className="mt-2 text-3xl font-extrabold">{member.name}</h1>
      <p className="mt-1 text-stone-700" data-testid="member-status">
        {member.deactivatedAt ? `Deactivated on ${formatDateTime(member.deactivatedAt)}.` : "Active."} Account created on {formatDateTime(member.createdAt)}.
      </p>
      {created === "1" && (
        <div className="mt-4">
          <FormMessage ok message={`Account created: we have e-mailed ${member.email} a link to choose a password (it works for 3 days).`} />
        </div>
      )}
      <div className="mt-6">
        <StaffForm stores={stores.map((s) => ({ id: s.id, name: s.name }))} member={{ id: member.id, name: member.name, email: member.email, role: member.role, storeIds: member.storeIds }} />
      </div>
      <section aria-labelledby="access-heading" className="mt-8 border-t border-stone-200 pt-6">
        <h2 id="access-heading" className="text-xl font-bold">
          Access
        </h2>
        {member.id === user.id ? (
          <p className="mt-2 text-stone-700">This is your own account: another administrator can deactivate it or change its role.</p>
        ) : (
          <div className="mt-2">
            <p className="mb-3 text-stone-700">
              {member.deactivatedAt ? "This account cannot sign in." : "Deactivating signs this person out at once and refuses their next request."}
            </p>
            <ActiveToggle id={member.id} active={!member.deactivatedAt} />
          </div>
        )}
      </section>
    </>
  );
}
