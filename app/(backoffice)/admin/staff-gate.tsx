// The back office's access check, rendered by the layout and again by every page: visitors are
// sent to sign in, signed-in shoppers see "Staff only", staff see the content.
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import type { UserRole } from "@/db/schema";
import { STAFF_ROLES, type SessionUser } from "@/lib/auth/access";
import { authorizePage } from "@/lib/auth/guards";

export const ROLE_NAMES: Record<UserRole, string> = { customer: "Customer", agent: "Store agent", marketing: "Marketing", admin: "Administrator" };

export async function StaffGate({
  returnTo,
  roles = STAFF_ROLES,
  children,
}: {
  returnTo: string;
  roles?: readonly UserRole[];
  children: (user: SessionUser) => ReactNode;
}) {
  await connection();
  const access = await authorizePage(roles, returnTo);
  return access.allowed ? children(access.user) : <StaffOnly />;
}

export function StaffOnly() {
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="staff-only">
      <p className="text-sm font-semibold tracking-wide text-accent-600 uppercase">Error 403</p>
      <h1 className="mt-2 text-3xl font-extrabold">Staff only</h1>
      <p className="mt-3 text-stone-600">The back office is for Halles staff. Your account does not have access to it.</p>
      <div className="mt-6 flex justify-center gap-3">
        <Link href="/" className="rounded-full bg-brand-700 px-5 py-2.5 font-semibold text-white hover:bg-brand-800">
          Back to the shop
        </Link>
        <Link href="/account" className="rounded-full border border-stone-300 bg-white px-5 py-2.5 font-semibold hover:bg-stone-100">
          Your account
        </Link>
      </div>
    </div>
  );
}
