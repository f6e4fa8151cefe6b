// A product's search keywords (products.search_keywords): the words that find it besides its
// name and description. Written by the seed and by the back office's catalog editors.
import type { DietaryTag } from "@/db/schema";

export const TAG_WORDS: Record<DietaryTag, string> = {
  organic: "organic bio",
  vegan: "vegan plant-based",
  vegetarian: "vegetarian",
  gluten_free: "gluten-free",
  lactose_free: "lactose-free",
};

/** Brand and category names, the product's own keywords and its dietary words, each word once (case-insensitive). */
export function searchKeywords(input: { brand?: string | null; categoryName: string; keywords?: string | null; tags: readonly DietaryTag[] }): string {
  const text = [input.brand, input.categoryName, input.keywords, ...input.tags.map((t) => TAG_WORDS[t])].filter(Boolean).join(" ");
  const seen = new Set<string>();
  return text
    .split(/[\s,&]+/)
    .filter((word) => word && !seen.has(word.toLowerCase()) && seen.add(word.toLowerCase()))
    .join(" ");
}
