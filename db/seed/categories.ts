// The category tree: 13 departments, each with a few leaf categories that products attach to.
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { categories } from "../schema";

interface CategorySeed {
  slug: string;
  name: string;
  icon: string;
  color: string;
  description: string;
  children?: CategorySeed[];
}

const c = (slug: string, name: string, icon: string, color: string, description: string, children?: CategorySeed[]): CategorySeed => ({
  slug, name, icon, color, description, children,
});

export const CATEGORY_TREE: CategorySeed[] = [
  c("fruit-vegetables", "Fruit & Vegetables", "🥦", "#e3f4e1", "Fresh fruit and vegetables, delivered from the market every morning.", [
    c("fruit", "Fruit", "🍎", "#fde4e1", "Apples, citrus, berries and stone fruit, loose or in punnets."),
    c("vegetables", "Vegetables", "🥕", "#fff0dc", "Everyday vegetables and seasonal produce from French growers."),
    c("salads-herbs", "Salads & Herbs", "🥬", "#e6f6dc", "Crisp lettuces, washed leaves and fresh herbs."),
  ]),
  c("meat-fish", "Meat & Fish", "🥩", "#fbe1e1", "Butcher's cuts and the fishmonger's catch, cut to order.", [
    c("beef", "Beef", "🥩", "#f9dcdc", "Steaks, mince and slow-cooking cuts from French-born cattle."),
    c("poultry", "Poultry", "🍗", "#fdebd8", "Free-range chicken, duck and turkey."),
    c("pork", "Pork", "🥓", "#fbe3ea", "Chops, roasts and sausages from outdoor-reared pigs."),
    c("lamb-veal", "Lamb & Veal", "🍖", "#f6e4dc", "Legs, chops and escalopes for roasts and quick suppers."),
    c("fish-seafood", "Fish & Seafood", "🐟", "#dcecf9", "Fresh fish, shellfish and smoked salmon from sustainable fisheries."),
  ]),
  c("dairy-eggs-cheese", "Dairy, Eggs & Cheese", "🧀", "#fff6d6", "Milk, yoghurts, butter, eggs and cheeses from the counter.", [
    c("milk", "Milk", "🥛", "#eef4fb", "Fresh and long-life milk, plus plant-based drinks."),
    c("yoghurts-desserts", "Yoghurts & Desserts", "🍨", "#fbeef6", "Yoghurts, fromage blanc and chilled desserts."),
    c("cheese", "Cheese", "🧀", "#fff3cf", "French cheeses from the counter and the shelf."),
    c("butter-cream", "Butter & Cream", "🧈", "#fff8dd", "Butter, crème fraîche and cream for cooking."),
    c("eggs", "Eggs", "🥚", "#fbf3e4", "Free-range and organic eggs from French farms."),
  ]),
  c("bakery", "Bakery", "🥖", "#f8ecd9", "Bread and pastries baked in store every morning.", [
    c("bread", "Bread", "🍞", "#f6e7d2", "Baguettes, country loaves, sandwich bread and wraps."),
    c("viennoiseries", "Croissants & Pastries", "🥐", "#fbeed5", "Croissants, pains au chocolat and other viennoiseries."),
    c("cakes-tarts", "Cakes & Tarts", "🍰", "#fbe6ea", "Madeleines, tarts and cakes for dessert or tea time."),
  ]),
  c("deli-ready-meals", "Deli & Ready Meals", "🥪", "#f3ead9", "Charcuterie, dips and ready meals for busy days.", [
    c("charcuterie", "Charcuterie", "🥓", "#f8e1dc", "Ham, saucisson, pâtés and rillettes."),
    c("ready-meals", "Ready Meals", "🍲", "#f6ecdc", "French classics and world dishes, ready in minutes."),
    c("sandwiches-salads", "Sandwiches & Salads", "🥗", "#e8f4df", "Freshly made sandwiches, wraps and salad bowls for lunch."),
    c("dips-spreads", "Dips & Houmous", "🫙", "#eef1dc", "Houmous, tzatziki, guacamole and spreads for aperitifs."),
  ]),
  c("pantry", "Pantry", "🥫", "#f4ecdf", "Store-cupboard staples: pasta, rice, tins, oils, spices and breakfast.", [
    c("pasta-rice", "Pasta & Rice", "🍝", "#fbf0d8", "Dried and fresh pasta, rice, grains and gluten-free alternatives."),
    c("tinned-food", "Tinned Food & Pulses", "🥫", "#f7e4dc", "Tomatoes, beans, lentils, fish and vegetables in tins and jars."),
    c("oils-vinegar-sauces", "Oils, Vinegar & Sauces", "🫒", "#eef3d9", "Olive oils, vinegars, mustards and sauces."),
    c("spices-baking", "Spices & Baking", "🧂", "#f5ebe4", "Salt, pepper, herbs, spices, flour and sugar."),
    c("breakfast-cereals", "Breakfast & Cereals", "🥣", "#fdf1dd", "Muesli, granola, porridge oats and rusks."),
    c("jams-spreads", "Jams & Spreads", "🍯", "#fdecd2", "Jams, honeys and sweet spreads."),
  ]),
  c("frozen", "Frozen", "🧊", "#e2f1f8", "Frozen vegetables, meals, fish and ice cream.", [
    c("frozen-vegetables", "Frozen Vegetables & Fruit", "🫛", "#e3f3e8", "Peas, beans, chips and berries, frozen at their best."),
    c("frozen-meals", "Frozen Meals & Pizza", "🍕", "#f8e6dc", "Pizzas, lasagne and dishes to keep in the freezer."),
    c("frozen-fish", "Frozen Fish", "🦐", "#dfeef7", "Fish fillets, fish fingers and prawns from the freezer."),
    c("ice-cream", "Ice Cream & Sorbets", "🍦", "#f6e6f3", "Tubs, cones and sorbets."),
  ]),
  c("drinks", "Drinks", "🧃", "#e3f0fb", "Water, juices, soft drinks, coffee and tea.", [
    c("water", "Water", "💧", "#e4f3fb", "Still and sparkling mineral and spring waters."),
    c("juices", "Juices", "🧃", "#fff0d6", "Fruit juices, nectars and smoothies."),
    c("soft-drinks", "Soft Drinks & Syrups", "🥤", "#fbe4e8", "Colas, lemonades, iced teas and cordials."),
    c("coffee-tea", "Coffee & Tea", "☕", "#f1e6dd", "Ground coffee, beans, capsules, teas and hot chocolate."),
  ]),
  c("wine-beer-spirits", "Wine, Beer & Spirits", "🍷", "#f4e1ea", "French wines, craft beers, ciders and spirits. Alcohol is not sold to under-18s.", [
    c("red-wine", "Red Wine", "🍷", "#f3dce3", "Reds from Bordeaux, the Rhône, Burgundy and beyond."),
    c("white-rose-wine", "White & Rosé Wine", "🥂", "#f8f0dc", "Crisp whites and Provence rosés."),
    c("champagne-sparkling", "Champagne & Sparkling", "🍾", "#f7f2d8", "Champagnes and crémants for celebrations."),
    c("beer-cider", "Beer & Cider", "🍺", "#fbefd6", "Lagers, craft beers and Normandy ciders."),
    c("spirits", "Spirits", "🥃", "#f2e5d8", "Cognac, calvados, gin, whisky and aperitifs."),
  ]),
  c("snacks-sweets", "Snacks & Sweets", "🍫", "#f6e6dc", "Crisps, nuts, chocolate, biscuits and sweets.", [
    c("crisps-nuts", "Crisps & Nuts", "🥜", "#fbf0d9", "Crisps, tortilla chips, nuts and aperitif snacks."),
    c("chocolate", "Chocolate", "🍫", "#f1e3da", "Bars, truffles and chocolates from French chocolatiers."),
    c("biscuits", "Biscuits", "🍪", "#f9ecd9", "Butter biscuits, cookies and Breton galettes."),
    c("sweets", "Sweets", "🍬", "#fbe3f0", "Caramels, nougat, fruit jellies and gums."),
  ]),
  c("baby", "Baby", "🍼", "#eaf0fb", "Baby food, milks, nappies and care for the little ones.", [
    c("baby-food", "Baby Food", "🥄", "#eef6e4", "Purées, dinners and cereals for every age."),
    c("baby-milk", "Baby Milk", "🍼", "#eef2fb", "Infant, follow-on and growing-up milks."),
    c("nappies-baby-care", "Nappies & Baby Care", "🧷", "#f3ecfa", "Nappies, wipes and gentle care products."),
  ]),
  c("household", "Household", "🧽", "#e6f2ef", "Cleaning, laundry, paper and dishwashing.", [
    c("cleaning", "Cleaning", "🧴", "#e3f2f1", "Sprays, floor cleaners, bin bags and natural cleaners."),
    c("laundry", "Laundry", "🧺", "#e8eefa", "Detergents, capsules and fabric softeners."),
    c("paper-tissues", "Paper & Tissues", "🧻", "#f3f3ee", "Toilet paper, kitchen rolls and tissues."),
    c("dishwashing", "Dishwashing", "🍽️", "#e4f1f8", "Washing-up liquid, dishwasher tablets and sponges."),
  ]),
  c("personal-care", "Personal Care", "🧴", "#f5e8f3", "Hair, body and oral care, and everyday hygiene.", [
    c("hair-care", "Hair Care", "💇", "#f6e7ef", "Shampoos, conditioners and solid bars."),
    c("body-care", "Body & Shower", "🧼", "#eaf3f6", "Shower gels, soaps, deodorants and lotions."),
    c("oral-care", "Oral Care", "🪥", "#e6f4f6", "Toothpaste, toothbrushes and mouthwash."),
    c("hygiene", "Hygiene", "🌸", "#f8eaf0", "Cotton, razors and sanitary products."),
  ]),
];

export interface CategoryRef {
  id: number;
  name: string;
  icon: string;
  color: string;
  /** The department's name, or null for a department itself. */
  parentName: string | null;
  parentSlug: string | null;
}

/** Upserts the tree, departments first; returns every category by slug. */
export async function seedCategories(db: Executor): Promise<Map<string, CategoryRef>> {
  const refs = new Map<string, CategoryRef>();
  const upsert = async (rows: (typeof categories.$inferInsert)[]) =>
    db
      .insert(categories)
      .values(rows)
      .onConflictDoUpdate({
        target: categories.slug,
        set: {
          parentId: sql`excluded.parent_id`,
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          icon: sql`excluded.icon`,
          color: sql`excluded.color`,
          position: sql`excluded.position`,
        },
      })
      .returning({ id: categories.id, slug: categories.slug });

  const departments = CATEGORY_TREE.map(({ slug, name, icon, color, description }, position) => ({
    slug, name, icon, color, description, position, parentId: null,
  }));
  for (const { id, slug } of await upsert(departments)) {
    const seed = CATEGORY_TREE.find((d) => d.slug === slug)!;
    refs.set(slug, { id, name: seed.name, icon: seed.icon, color: seed.color, parentName: null, parentSlug: null });
  }

  const leaves = CATEGORY_TREE.flatMap((department) =>
    (department.children ?? []).map(({ slug, name, icon, color, description }, position) => ({
      slug, name, icon, color, description, position, parentId: refs.get(department.slug)!.id,
    })),
  );
  const ids = new Map((await upsert(leaves)).map((row) => [row.slug, row.id]));
  for (const department of CATEGORY_TREE) {
    for (const leaf of department.children ?? []) {
      refs.set(leaf.slug, {
        id: ids.get(leaf.slug)!,
        name: leaf.name,
        icon: leaf.icon,
        color: leaf.color,
        parentName: department.name,
        parentSlug: department.slug,
      });
    }
  }
  return refs;
}

/** Number of categories in the tree, departments included. */
export const CATEGORY_COUNT = CATEGORY_TREE.reduce((n, d) => n + 1 + (d.children?.length ?? 0), 0);
