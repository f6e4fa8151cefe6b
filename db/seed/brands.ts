// Brands: the Halles own labels and invented French producers, each tied to the departments
// it makes sense in (synthetic products borrow a brand from their department).
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { brands } from "../schema";
import { slugify } from "./catalog-dsl";

export const OWN_LABEL = "Halles";
export const OWN_ORGANIC_LABEL = "Halles Bio";

/** Producer brands by department (top-level category slug). */
export const PRODUCER_BRANDS: Record<string, string[]> = {
  "fruit-vegetables": ["Vergers du Luberon", "Jardins de Loire", "Maraîchers d'Anjou"],
  "meat-fish": ["Maison Morel", "Volailles Perrin", "Marée de Bretagne"],
  "dairy-eggs-cheese": ["Ferme du Vallon", "Laiterie des Monts", "Fromagerie du Haut-Doubs", "Crèmerie Lambert", "Chèvrerie des Causses"],
  bakery: ["Maison Durand", "Moulin de la Reine", "Boulangerie Marceau"],
  "deli-ready-meals": ["Maison Vernet", "Traiteur Delorme", "Atelier Mezzé"],
  pantry: [
    "Pastificio Rossetti", "Mas de Sauvan", "Huilerie du Vieux Moulin", "Comptoir des Épices", "Confiturerie Belle-Rive",
    "Miellerie des Cévennes", "Conserverie Kerlann", "Céréales Soleil", "Moutarderie Bourdon", "Ferme du Vallon",
  ],
  frozen: ["Glacier Montagné", "Givrés d'Armor"],
  drinks: ["Source Montclair", "Vergers de Normandie", "Café Lavoisier", "Thés de la Pagode", "Limonaderie Brunel"],
  "wine-beer-spirits": [
    "Domaine des Trois Chênes", "Château Lamothe-Sarrail", "Champagne Lecourt-Delmas", "Brasserie du Canal",
    "Distillerie Aubier", "Vergers de Normandie",
  ],
  "snacks-sweets": ["Chocolaterie Armand", "Biscuiterie Jolival", "Croquant & Co", "Confiserie Marcellin"],
  baby: ["Petit Potager", "Douceur Bébé"],
  household: ["Clairval", "Maison Savonnière", "Douceur Coton"],
  "personal-care": ["Bastide des Sens", "Dentéa", "Capilis"],
};

/** Departments where the organic own label is not sold. */
const NON_FOOD = new Set(["household", "personal-care"]);

/** Brands a synthetic product of this department may carry. */
export function brandsForDepartment(department: string): string[] {
  const own = NON_FOOD.has(department) ? [OWN_LABEL] : [OWN_LABEL, OWN_ORGANIC_LABEL];
  return [...own, ...(PRODUCER_BRANDS[department] ?? [])];
}

export const ALL_BRANDS: string[] = [...new Set([OWN_LABEL, OWN_ORGANIC_LABEL, ...Object.values(PRODUCER_BRANDS).flat()])];

/** Upserts every brand by slug; returns brand ids by name. */
export async function seedBrands(db: Executor): Promise<Map<string, number>> {
  const saved = await db
    .insert(brands)
    .values(ALL_BRANDS.map((name) => ({ name, slug: slugify(name) })))
    .onConflictDoUpdate({ target: brands.slug, set: { name: sql`excluded.name` } })
    .returning({ id: brands.id, name: brands.name });
  return new Map(saved.map((b) => [b.name, b.id]));
}
