import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { FormFlashFromRequest } from "@/components/backoffice/form-flash-server";
import { QueryProvider } from "@/components/layout/query-provider";
import { ShowStreamedBackOfficeWithoutJs } from "@/components/layout/show-streamed-content";
import { BackOfficeNav } from "./nav";
import { ROLE_NAMES, StaffGate } from "./staff-gate";

// Partial prefetching for pages whose forms end in an action's redirect or refresh (docs/web.md).
export const prefetch = "partial";

export const metadata: Metadata = { title: { default: "Back office", template: "%s · Halles back office" }, robots: { index: false, follow: false } };

const checkingAccess = (
  <p className="mx-auto max-w-7xl px-4 py-8 text-stone-600" data-stream-fallback>
    Checking your access…
  </p>
);

// Everything under the header streams in behind the staff gate; without JavaScript,
// ShowStreamedBackOfficeWithoutJs shows it in place of the loading messages (docs/backoffice.md).
export default function BackOfficeLayout({ children }: LayoutProps<"/admin">) {
  return (
    <div className="min-h-screen bg-stone-50" data-backoffice-shell>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link href="/admin" className="text-xl font-extrabold tracking-tight text-brand-700">
            Halles back office
          </Link>
          <Link href="/account" className="text-sm font-medium text-brand-700 underline">
            Your account
          </Link>
        </div>
      </header>
      <main id="main">
        <Suspense fallback={checkingAccess}>
          <StaffGate returnTo="/admin">
            {(user) => (
              <>
                <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 pt-4" data-backoffice-bar>
                  <BackOfficeNav role={user.role} />
                  <p className="text-sm text-stone-600" data-testid="staff-identity">
                    Signed in as {user.name} · {ROLE_NAMES[user.role]}
                  </p>
                </div>
                <QueryProvider>
                  <FormFlashFromRequest>{children}</FormFlashFromRequest>
                </QueryProvider>
              </>
            )}
          </StaffGate>
        </Suspense>
      </main>
      <ShowStreamedBackOfficeWithoutJs />
    </div>
  );
}
