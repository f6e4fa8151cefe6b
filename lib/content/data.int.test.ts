// What content blocks show on the storefront (issue 8): a carousel's products by category (its
// sub-categories included), dietary tag or hand-picked order, at the store; stored blocks that no
// longer pass are left out.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { connect, storeBySlug } from "@/tests/checkout-fixtures";
import { resolveBlocks } from "./data";

vi.mock("server-only", () => ({}));
vi.mock("next/cache", () => ({ cacheTag: () => {}, cacheLife: () => {} }));

let db: Database;
let close: () => Promise<void>;
let storeId: number;

beforeAll(async () => {
  ({ db, close } = connect(2));
  storeId = (await storeBySlug(db, "lyon-part-dieu")).id;
});
afterAll(() => close());

const carousel = (source: unknown, maxItems = 24) => ({ type: "carousel", title: "Picks", source, maxItems });

describe("content blocks' data (issue 8)", () => {
  it("a category carousel lists that aisle's products, its sub-aisles' included", async () => {
    const [fruitVeg, fruit, vegetables] = await resolveBlocks(storeId, [
      carousel({ kind: "category", category: "fruit-vegetables" }),
      carousel({ kind: "category", category: "fruit" }),
      carousel({ kind: "category", category: "vegetables" }),
    ]);
    expect(fruit.products!.map((p) => p.slug)).toContain("bananas");
    expect(vegetables.products!.map((p) => p.slug)).not.toContain("bananas");
    // The department holds no product itself: all it lists come from its sub-aisles.
    expect(fruitVeg.products!.length).toBe(24);
    const [none] = await resolveBlocks(storeId, [carousel({ kind: "category", category: "no-such-aisle" })]);
    expect(none.products).toEqual([]);
  });

  it("a tag carousel lists products with the tag, at most maxItems", async () => {
    const [vegan] = await resolveBlocks(storeId, [carousel({ kind: "tag", tag: "vegan" }, 5)]);
    expect(vegan.products!.length).toBe(5);
    for (const product of vegan.products!) expect(product.dietaryTags).toContain("vegan");
  });

  it("a hand-picked carousel keeps the marketer's order and skips unknown products; broken blocks are left out", async () => {
    const blocks = await resolveBlocks(storeId, [carousel({ kind: "products", products: ["kiwis", "no-such-product", "bananas"] }), { type: "carousel", title: "" }, "junk"]);
    expect(blocks).toHaveLength(1);
    expect(blocks[0].products!.map((p) => p.slug)).toEqual(["kiwis", "bananas"]);
  });
});
