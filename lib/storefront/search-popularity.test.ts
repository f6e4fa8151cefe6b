import { describe, expect, it } from "vitest";
import { createPopularity } from "./search-popularity";

describe("search popularity (issue 6 item 8: rare queries stay out of the page cache)", () => {
  it("makes a query popular on its third request", () => {
    const popularity = createPopularity({ popularAfter: 3, maxEntries: 100, windowMs: 60_000 });
    expect([1, 2, 3, 4].map(() => popularity.hit("bananas", 0))).toEqual([false, false, true, true]);
    expect(popularity.hit("xqzv", 0)).toBe(false);
  });

  it("stays bounded: once full, new queries are not counted and never become popular", () => {
    const popularity = createPopularity({ popularAfter: 2, maxEntries: 3, windowMs: 60_000 });
    for (const q of ["a", "b", "c"]) popularity.hit(q, 0);
    for (let i = 0; i < 5; i++) expect(popularity.hit("d", 0)).toBe(false);
    expect(popularity.size()).toBe(3);
    expect(popularity.hit("a", 0)).toBe(true);
  });

  it("lets interest fade: counts halve each window and one-off queries are forgotten", () => {
    const popularity = createPopularity({ popularAfter: 3, maxEntries: 100, windowMs: 1_000 });
    popularity.hit("once", 0);
    popularity.hit("twice", 0);
    popularity.hit("twice", 0);
    expect(popularity.size()).toBe(2);
    expect(popularity.hit("twice", 1_000)).toBe(false); // 2 → 1, then this request: 2
    expect(popularity.size()).toBe(1);
    expect(popularity.hit("twice", 1_500)).toBe(true);
  });
});
