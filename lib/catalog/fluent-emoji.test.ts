// Every emoji the catalog uses (seeded categories, product names) is drawn with its Fluent Emoji
// picture; anything else gets the fallback.
import { describe, expect, it } from "vitest";
import { CATEGORY_TREE } from "@/db/seed/categories";
import { FALLBACK_ICON, emojiKey, fluentIcon, fluentIconName, fluentSvg } from "./fluent-emoji";
import { NAMED_EMOJI_LIST } from "./product-image";

const allCategories = (seeds: typeof CATEGORY_TREE): typeof CATEGORY_TREE => seeds.flatMap((s) => [s, ...allCategories(s.children ?? [])]);

describe("Fluent Emoji for the catalog", () => {
  it("maps every seeded category's icon to a Fluent icon", async () => {
    const categories = allCategories(CATEGORY_TREE);
    expect(categories.length).toBeGreaterThan(40);
    const missing = categories.filter((c) => fluentIconName(c.icon) === null).map((c) => `${c.slug} ${c.icon}`);
    expect(missing).toEqual([]);
    for (const c of categories) {
      const icon = await fluentIcon(c.icon);
      expect(icon.name, c.slug).not.toBe(FALLBACK_ICON);
      expect(icon.body, c.slug).toMatch(/^<(g|path|defs)[\s>]/);
    }
  });

  it("maps every emoji a product name can call for", () => {
    expect(NAMED_EMOJI_LIST.filter((emoji) => fluentIconName(emoji) === null)).toEqual([]);
  });

  it("reads emoji with or without the presentation selector, and falls back for anything else", async () => {
    expect(emojiKey("☕")).toBe("2615");
    expect(fluentIconName("🍎")).toBe("red-apple");
    expect(fluentIconName("☕\uFE0F")).toBe("hot-beverage");
    expect(fluentIconName("<b>")).toBeNull();
    expect((await fluentIcon("<b>")).name).toBe(FALLBACK_ICON);
    expect(fluentSvg(await fluentIcon("🍎"), 64)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 32 32" width="64" height="64">.*<\/svg>$/);
  });
});
