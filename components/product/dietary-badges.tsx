import type { DietaryTag } from "@/db/schema";

export const DIET_LABELS: Record<DietaryTag, string> = {
  organic: "Organic",
  vegan: "Vegan",
  vegetarian: "Vegetarian",
  gluten_free: "Gluten-free",
  lactose_free: "Lactose-free",
};

export function DietaryBadges({ tags }: { tags: DietaryTag[] }) {
  if (tags.length === 0) return null;
  return (
    <ul className="badges" aria-label="Dietary information">
      {tags.map((t) => (
        <li key={t} data-diet={t}>
          {DIET_LABELS[t]}
        </li>
      ))}
    </ul>
  );
}
