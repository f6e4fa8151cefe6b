import type { DietaryTag } from "@/db/schema";

export const DIET_LABELS: Record<DietaryTag, string> = {
  organic: "Organic",
  vegan: "Vegan",
  vegetarian: "Vegetarian",
  gluten_free: "Gluten-free",
  lactose_free: "Lactose-free",
};

const styles: Record<DietaryTag, string> = {
  organic: "bg-green-100 text-green-900",
  vegan: "bg-lime-100 text-lime-900",
  vegetarian: "bg-emerald-50 text-emerald-900",
  gluten_free: "bg-amber-100 text-amber-900",
  lactose_free: "bg-sky-100 text-sky-900",
};

export function DietaryBadges({ tags }: { tags: DietaryTag[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Dietary information">
      {tags.map((t) => (
        <li key={t} className={`rounded-full px-2 py-0.5 text-xs font-medium ${styles[t]}`}>
          {DIET_LABELS[t]}
        </li>
      ))}
    </ul>
  );
}
