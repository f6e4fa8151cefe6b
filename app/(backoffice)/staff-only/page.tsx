import type { Metadata } from "next";
import { StaffOnly } from "../admin/staff-gate";

export const metadata: Metadata = { title: "Staff only", robots: { index: false, follow: false } };

/** What proxy.ts shows, with status 403, to signed-in shoppers who open a back-office page. */
export default function StaffOnlyPage() {
  return (
    <main id="main" className="min-h-screen bg-stone-50">
      <StaffOnly />
    </main>
  );
}
