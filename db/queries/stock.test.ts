import { describe, expect, it } from "vitest";
import { crossesInStock } from "./stock";

describe("crossesInStock", () => {
  it("is true only when a change moves a variant across one selling step available", () => {
    expect(crossesInStock({ available: 0, change: -1, step: 1 })).toBe(true); // the last item sold
    expect(crossesInStock({ available: 1, change: 1, step: 1 })).toBe(true); // back in stock
    expect(crossesInStock({ available: 2, change: -1, step: 1 })).toBe(false);
    expect(crossesInStock({ available: 5, change: 0, step: 1 })).toBe(false); // a commit
    expect(crossesInStock({ available: 249, change: -500, step: 250 })).toBe(true); // weighed: under one step
    expect(crossesInStock({ available: 250, change: -500, step: 250 })).toBe(false);
  });
});
