import { describe, expect, it } from "vitest";
import { describeReason, parseCount, storedReason } from "./stock-reasons";

describe("stock correction reasons and counts (issue 7)", () => {
  it("stores a reason with its optional note and shows it with the reason's label", () => {
    expect(storedReason("damaged", "  dropped crate ")).toBe("damaged: dropped crate");
    expect(storedReason("count", "   ")).toBe("count");
    expect(describeReason("damaged: dropped crate: aisle 4")).toBe("Damaged — dropped crate: aisle 4");
    expect(describeReason("delivery")).toBe("Delivery received");
    expect(describeReason("something else")).toBe("something else");
  });

  it("reads whole items, and kilograms to the gram for weighed items", () => {
    expect(parseCount("12", false)).toBe(12);
    expect(parseCount("0", false)).toBe(0);
    expect(parseCount("1.5", false)).toBeNull();
    expect(parseCount("-3", false)).toBeNull();
    expect(parseCount("2,5", true)).toBe(2500);
    expect(parseCount("0.125", true)).toBe(125);
    expect(parseCount("3", true)).toBe(3000);
    expect(parseCount("1.2345", true)).toBeNull();
    expect(parseCount("", true)).toBeNull();
  });
});
