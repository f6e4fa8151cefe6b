// Promotions on the storefront's cached reads (issue 8): listings and the product page carry the
// badge of live automatic promotions only (not before their start, not after their end, not
// archived), a category percent reaches subcategories, a listing stays one query; saving a
// promotion with a window enqueues the storefront refresh at each boundary, replaced on edit.
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import * as schema from "@/db/schema";
import { categories, productVariants, products, promotions, type NewPromotion } from "@/db/schema";
import type { SessionUser } from "@/lib/auth/access";
import { DEFAULT_PARAMS, type ListingParams } from "@/lib/catalog/listing-params";
import { createStaff } from "@/tests/backoffice-fixtures";
import { connect, storeBySlug } from "@/tests/checkout-fixtures";
import { archivePromotion, createPromotion, updatePromotion, type PromotionInput } from "./promotion-admin";
import { getProductDetail, listProductCards, listProducts } from "./products";
import { nextPromotionChange, promotionWindowJobKey } from "./promotions";

let db: Database;
let close: () => Promise<void>;
let storeId: number;
let marketer: SessionUser;
let parent: number;
let child: number;
let yoghurt: { productId: number; slug: string };
let butter: { productId: number; slug: string };
let ham: { productId: number; slug: string };
const created: number[] = [];

const HOUR = 3_600_000;
const params = (): ListingParams => ({ ...DEFAULT_PARAMS, sort: "name-asc" });

async function ownProduct(name: string, categoryId: number, weighed = false) {
  const slug = `badge-${name}-${randomUUID().slice(0, 8)}`;
  const [product] = await db.insert(products).values({ slug, name: `Badge ${name}`, categoryId, vatRateBp: 550 }).returning({ id: products.id });
  await db
    .insert(productVariants)
    .values(
      weighed
        ? { productId: product.id, sku: slug, sizeLabel: "per kg", sellingMode: "weight", priceCents: 1_500, unitPriceBasis: "kg", weightStepGrams: 250, isDefault: true }
        : { productId: product.id, sku: slug, sizeLabel: "1 pot", sellingMode: "unit", priceCents: 200, unitPriceBasis: "piece", isDefault: true },
    );
  return { productId: product.id, slug };
}

async function promotion(values: Partial<NewPromotion> & Pick<NewPromotion, "kind">) {
  const [row] = await db.insert(promotions).values({ name: values.kind, ...values }).returning();
  created.push(row.id);
  return row;
}

/** Each of our products' badge in the listing of our two categories. */
async function badges() {
  const listing = await listProducts(db, { storeId, categoryIds: [parent, child], params: params() });
  return Object.fromEntries(listing.items.map((card) => [card.slug, card.promotion]));
}

beforeAll(async () => {
  ({ db, close } = connect(4));
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
  marketer = await createStaff(db, "marketing");
  const suffix = randomUUID().slice(0, 8);
  [{ id: parent }] = await db.insert(categories).values({ slug: `badge-dairy-${suffix}`, name: "Badge Dairy" }).returning({ id: categories.id });
  [{ id: child }] = await db.insert(categories).values({ slug: `badge-yoghurts-${suffix}`, name: "Badge Yoghurts", parentId: parent }).returning({ id: categories.id });
  yoghurt = await ownProduct("yoghurt", child);
  butter = await ownProduct("butter", parent);
  ham = await ownProduct("ham", child, true);
});

afterAll(async () => {
  if (created.length) await db.update(promotions).set({ active: false }).where(inArray(promotions.id, created));
  await close();
});

describe("promotion badges in the storefront's reads", () => {
  it("shows live automatic promotions only: not before the start, not after the end, not archived, never codes", async () => {
    const now = Date.now();
    const live = await promotion({ kind: "multibuy", productId: yoghurt.productId, buyQuantity: 3, payQuantity: 2, startsAt: new Date(now - HOUR) });
    await promotion({ kind: "multibuy", productId: butter.productId, buyQuantity: 2, payQuantity: 1, startsAt: new Date(now + HOUR) });
    await promotion({ kind: "category_percent", categoryId: parent, percentBp: 2_000, startsAt: new Date(now - 2 * HOUR), endsAt: new Date(now - HOUR) });
    await promotion({ kind: "category_percent", categoryId: child, percentBp: 3_000, active: false });
    await promotion({ kind: "code", code: `BADGE${randomUUID().slice(0, 6).toUpperCase()}`, discountType: "percent", percentBp: 5_000 });

    expect(await badges()).toEqual({
      [yoghurt.slug]: { id: live.id, kind: "multibuy", buyQuantity: 3, payQuantity: 2, percentBp: null, categoryName: null },
      [butter.slug]: null,
      [ham.slug]: null,
    });
    expect((await getProductDetail(db, yoghurt.slug, storeId))!.promotions.map((p) => p.id)).toEqual([live.id]);
    expect((await getProductDetail(db, butter.slug, storeId))!.promotions).toEqual([]);
    // The next boundary is the scheduled multi-buy's start (an hour ahead).
    const next = await nextPromotionChange(db);
    expect(next!.getTime()).toBeLessThanOrEqual(now + HOUR);
    expect(next!.getTime()).toBeGreaterThan(Date.now());

    await db.update(promotions).set({ active: false }).where(eq(promotions.id, live.id));
    expect((await badges())[yoghurt.slug]).toBeNull();
  });

  it("applies a category percent to its subcategories; a card shows the biggest saving, the product page all of them", async () => {
    const tenOff = await promotion({ kind: "category_percent", categoryId: parent, percentBp: 1_000 });
    const threeForTwo = await promotion({ kind: "multibuy", productId: yoghurt.productId, buyQuantity: 3, payQuantity: 2 });
    // Multi-buys apply to items only: never advertised on a weighed product.
    await promotion({ kind: "multibuy", productId: ham.productId, buyQuantity: 2, payQuantity: 1 });

    const percent = { id: tenOff.id, kind: "category_percent", percentBp: 1_000, categoryName: "Badge Dairy", buyQuantity: null, payQuantity: null };
    const shown = await badges();
    expect(shown[butter.slug]).toEqual(percent);
    expect(shown[ham.slug]).toEqual(percent);
    expect(shown[yoghurt.slug]).toMatchObject({ id: threeForTwo.id, kind: "multibuy" });
    expect((await getProductDetail(db, yoghurt.slug, storeId))!.promotions.map((p) => p.id)).toEqual([threeForTwo.id, tenOff.id]);
    expect((await getProductDetail(db, ham.slug, storeId))!.promotions.map((p) => p.id)).toEqual([tenOff.id]);
    const cards = await listProductCards(db, { storeId, categoryId: child, limit: 10 });
    expect(Object.fromEntries(cards.map((c) => [c.slug, c.promotion?.id ?? null]))).toEqual({ [yoghurt.slug]: threeForTwo.id, [ham.slug]: tenOff.id });

    await db.update(promotions).set({ active: false }).where(inArray(promotions.id, created));
  });

  it("reads a listing's badges in the listing's one query (no query per product)", async () => {
    await promotion({ kind: "category_percent", categoryId: parent, percentBp: 1_000 });
    const statements: string[] = [];
    const client = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
    const counted = drizzle(client, { schema, casing: "snake_case", logger: { logQuery: (query) => statements.push(query) } });
    try {
      const listing = await listProducts(counted, { storeId, params: params() });
      expect(listing.items.length).toBeGreaterThan(3);
      expect(statements).toHaveLength(1);
      expect(statements[0]).toContain("from promotions pr");

      statements.length = 0;
      const listed = await listProducts(counted, { storeId, categoryIds: [parent, child], params: params() });
      expect(listed.items.every((card) => card.promotion !== null)).toBe(true);
      expect(statements).toHaveLength(1);

      statements.length = 0;
      await listProductCards(counted, { storeId, featured: true, limit: 12 });
      expect(statements).toHaveLength(1);

      // The product page: its product (with its promotions), its variants, its images.
      statements.length = 0;
      expect((await getProductDetail(counted, butter.slug, storeId))!.promotions).toHaveLength(1);
      expect(statements).toHaveLength(3);
    } finally {
      await client.end();
      await db.update(promotions).set({ active: false }).where(inArray(promotions.id, created));
    }
  });
});

async function windowJobs(id: number) {
  const rows = await db.execute<{ key: string; task: string; run_at: string; payload: unknown }>(sql`
    select j.key, t.identifier as task, j.run_at, j.payload from graphile_worker._private_jobs j
    join graphile_worker._private_tasks t on t.id = j.task_id
    where j.key in (${promotionWindowJobKey(id, "start")}, ${promotionWindowJobKey(id, "end")}) order by j.key desc`);
  return rows.map((r) => ({ key: r.key, task: r.task, runAt: new Date(r.run_at).toISOString(), payload: r.payload }));
}

const multibuyInput = (productId: number, over: Partial<PromotionInput>): PromotionInput => ({
  kind: "multibuy",
  name: "Three for two",
  code: null,
  discountType: null,
  percentBp: null,
  amountCents: null,
  minBasketCents: 0,
  startsAt: new Date(),
  endsAt: null,
  maxUses: null,
  maxUsesPerCustomer: null,
  productId,
  buyQuantity: 3,
  payQuantity: 2,
  categoryId: null,
  ...over,
});

describe("a promotion's window on the cached storefront", () => {
  it("enqueues a storefront refresh at a future start and at the end, replaced on edit, removed on archive", async () => {
    const startsAt = new Date(Date.now() + 24 * HOUR);
    const endsAt = new Date(Date.now() + 72 * HOUR);
    const saved = await db.transaction((tx) => createPromotion(tx, marketer, multibuyInput(butter.productId, { startsAt, endsAt })));
    if (!saved.ok) throw new Error(saved.code);
    const id = saved.promotion.id;
    created.push(id);
    const refresh = { task: "refresh-storefront", payload: { tags: ["promotions"] } };
    expect(await windowJobs(id)).toEqual([
      { key: `promotion-window:${id}:start`, runAt: startsAt.toISOString(), ...refresh },
      { key: `promotion-window:${id}:end`, runAt: endsAt.toISOString(), ...refresh },
    ]);

    // Started already and ending later: the start's job goes, the end's is replaced (one per key).
    const laterEnd = new Date(Date.now() + 96 * HOUR);
    expect((await db.transaction((tx) => updatePromotion(tx, marketer, id, multibuyInput(butter.productId, { startsAt: new Date(Date.now() - HOUR), endsAt: laterEnd })))).ok).toBe(true);
    expect(await windowJobs(id)).toEqual([{ key: `promotion-window:${id}:end`, runAt: laterEnd.toISOString(), ...refresh }]);

    // No end any more: nothing to wait for.
    expect((await db.transaction((tx) => updatePromotion(tx, marketer, id, multibuyInput(butter.productId, { startsAt, endsAt: null })))).ok).toBe(true);
    expect(await windowJobs(id)).toEqual([{ key: `promotion-window:${id}:start`, runAt: startsAt.toISOString(), ...refresh }]);

    expect((await db.transaction((tx) => archivePromotion(tx, marketer, id))).ok).toBe(true);
    expect(await windowJobs(id)).toEqual([]);
  });

  it("enqueues nothing for a code (codes are never shown on cached pages) nor for a rolled-back save", async () => {
    const code = await db.transaction((tx) =>
      createPromotion(tx, marketer, {
        ...multibuyInput(butter.productId, { startsAt: new Date(Date.now() + HOUR), endsAt: new Date(Date.now() + 2 * HOUR) }),
        kind: "code",
        code: `WIN${randomUUID().slice(0, 6).toUpperCase()}`,
        discountType: "percent",
        percentBp: 1_000,
        productId: null,
        buyQuantity: null,
        payQuantity: null,
      }),
    );
    if (!code.ok) throw new Error(code.code);
    created.push(code.promotion.id);
    expect(await windowJobs(code.promotion.id)).toEqual([]);

    let rolledBack = 0;
    await db
      .transaction(async (tx) => {
        const saved = await createPromotion(tx, marketer, multibuyInput(butter.productId, { startsAt: new Date(Date.now() + HOUR) }));
        if (saved.ok) rolledBack = saved.promotion.id;
        throw new Error("roll back");
      })
      .catch(() => undefined);
    expect(rolledBack).toBeGreaterThan(0);
    expect(await windowJobs(rolledBack)).toEqual([]);
  });
});
