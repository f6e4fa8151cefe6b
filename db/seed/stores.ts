// The three demo stores, their opening hours and the postcodes each one delivers to.
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { storeDeliveryPostcodes, stores, type NewStore, type OpeningHours } from "../schema";

const weekdays = { opens: "08:30", closes: "20:30" };

function openingHours(sunday: { opens: string; closes: string } | null): OpeningHours {
  return {
    "1": [weekdays], "2": [weekdays], "3": [weekdays], "4": [weekdays], "5": [weekdays], "6": [weekdays],
    "7": sunday ? [sunday] : [],
  };
}

type StoreSeed = Omit<NewStore, "id" | "createdAt" | "updatedAt">;

export const STORE_SEEDS: StoreSeed[] = [
  {
    slug: "lyon-part-dieu",
    name: "Halles Lyon Part-Dieu",
    street: "42 Rue Garibaldi",
    postcode: "69003",
    city: "Lyon",
    phone: "+33 4 78 62 14 30",
    openingHours: openingHours({ opens: "09:00", closes: "13:00" }),
    position: 0,
  },
  {
    slug: "paris-bastille",
    name: "Halles Paris Bastille",
    street: "9 Rue de la Roquette",
    postcode: "75011",
    city: "Paris",
    phone: "+33 1 43 55 27 81",
    openingHours: openingHours({ opens: "09:00", closes: "13:00" }),
    position: 1,
  },
  {
    slug: "bordeaux-chartrons",
    name: "Halles Bordeaux Chartrons",
    street: "58 Rue Notre-Dame",
    postcode: "33000",
    city: "Bordeaux",
    phone: "+33 5 56 44 19 62",
    openingHours: openingHours(null),
    position: 2,
  },
];

/** Postcodes each store delivers to, by store slug. */
export const DELIVERY_POSTCODES: Record<string, string[]> = {
  "lyon-part-dieu": ["69001", "69002", "69003", "69004", "69005", "69006", "69007", "69008", "69009", "69100", "69300", "69500"],
  "paris-bastille": ["75003", "75004", "75005", "75010", "75011", "75012", "75013", "75019", "75020", "93100", "94160", "94300"],
  "bordeaux-chartrons": ["33000", "33100", "33110", "33130", "33150", "33200", "33270", "33300", "33400", "33520", "33700", "33800"],
};

export interface StoreRef {
  id: number;
  slug: string;
}

/** Upserts the stores by slug and adds their delivery postcodes; returns them in display order. */
export async function seedStores(db: Executor): Promise<StoreRef[]> {
  const saved = await db
    .insert(stores)
    .values(STORE_SEEDS)
    .onConflictDoUpdate({
      target: stores.slug,
      set: {
        name: sql`excluded.name`,
        street: sql`excluded.street`,
        postcode: sql`excluded.postcode`,
        city: sql`excluded.city`,
        phone: sql`excluded.phone`,
        openingHours: sql`excluded.opening_hours`,
        offersDelivery: sql`excluded.offers_delivery`,
        offersCollection: sql`excluded.offers_collection`,
        position: sql`excluded.position`,
      },
    })
    .returning({ id: stores.id, slug: stores.slug });
  const idBySlug = new Map(saved.map((s) => [s.slug, s.id]));

  const postcodes = STORE_SEEDS.flatMap((store) =>
    DELIVERY_POSTCODES[store.slug].map((postcode) => ({ storeId: idBySlug.get(store.slug)!, postcode })),
  );
  await db.insert(storeDeliveryPostcodes).values(postcodes).onConflictDoNothing();

  return STORE_SEEDS.map((store) => ({ id: idBySlug.get(store.slug)!, slug: store.slug }));
}
