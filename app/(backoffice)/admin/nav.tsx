// The back office's sections, as the signed-in role may use them (each page checks again).
import Link from "next/link";
import type { UserRole } from "@/db/schema";
import { ADMIN_ROLES, MARKETING_ROLES, STORE_ROLES } from "@/lib/backoffice/access";

const SECTIONS: { href: string; label: string; roles: readonly UserRole[] }[] = [
  { href: "/admin", label: "Stores", roles: STORE_ROLES },
  { href: "/admin/catalog", label: "Catalog", roles: MARKETING_ROLES },
  { href: "/admin/content", label: "Content", roles: MARKETING_ROLES },
  { href: "/admin/staff", label: "Staff", roles: ADMIN_ROLES },
  { href: "/admin/audit", label: "Audit log", roles: ADMIN_ROLES },
  { href: "/admin/operations", label: "Operations", roles: ADMIN_ROLES },
  { href: "/admin/promotions", label: "Promotions", roles: MARKETING_ROLES },
];

export function BackOfficeNav({ role }: { role: UserRole }) {
  const sections = SECTIONS.filter((s) => s.roles.includes(role));
  if (sections.length === 0) return <span />;
  return (
    <nav aria-label="Back office">
      <ul className="flex flex-wrap gap-2">
        {sections.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="inline-block rounded-full border border-stone-300 bg-white px-4 py-2 font-semibold hover:bg-stone-100">
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
