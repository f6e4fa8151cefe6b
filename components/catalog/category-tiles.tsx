import { Link } from "@/components/layout/shop-link";
import type { Category } from "@/db/schema";
import { CategoryIcon } from "./category-icon";

export function CategoryTiles({ categories, label }: { categories: Category[]; label: string }) {
  return (
    <ul className="tile-grid grid grid-cols-3 gap-3 sm:grid-cols-4 lg:grid-cols-6" aria-label={label}>
      {categories.map((c) => (
        <li key={c.id}>
          <Link
            href={`/c/${c.slug}`}
            className="flex h-full flex-col items-center gap-2 rounded-2xl p-3 text-center text-sm font-semibold text-stone-800 ring-brand-600 transition hover:ring-2"
            style={{ backgroundColor: c.color }}
          >
            <CategoryIcon emoji={c.icon} className="size-10" />
            {c.name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
