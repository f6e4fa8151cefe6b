import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { getDb } from "@/db/client";
import { flattenTree, listCategoryRows } from "@/db/queries/catalog-admin";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { StaffGate } from "../../staff-gate";
import { CategoryRowForms, NewCategoryForm } from "../catalog-forms-client";

export const metadata: Metadata = { title: "Categories" };

/** The category tree, for marketing and admins: add, rename, move under another, reorder. */
export default function CategoriesPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/admin/catalog" className="text-brand-700 underline">
          Catalog
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-extrabold">Categories</h1>
      <Suspense fallback={<p className="text-stone-600" data-stream-fallback>Loading…</p>}>
        <StaffGate returnTo="/admin/catalog/categories" roles={MARKETING_ROLES}>
          {() => <CategoryTree />}
        </StaffGate>
      </Suspense>
    </div>
  );
}

async function CategoryTree() {
  const tree = flattenTree(await listCategoryRows(getDb()));
  const parents = tree.map((c) => ({ value: String(c.id), label: c.path }));
  return (
    <>
      <div className="mt-4 rounded-xl border border-stone-200 bg-white p-4">
        <NewCategoryForm parents={parents} />
      </div>
      <ul className="mt-6 space-y-3" data-testid="category-tree">
        {tree.map((c) => (
          <li key={c.id} className="rounded-xl border border-stone-200 bg-white p-3" style={{ marginLeft: `${c.depth * 2}rem` }} data-testid="category-node">
            <p className="mb-2 font-semibold">
              {c.name} <span className="text-sm font-normal text-stone-600">/c/{c.slug}</span>
            </p>
            <CategoryRowForms category={c} parents={parents} />
          </li>
        ))}
      </ul>
    </>
  );
}
