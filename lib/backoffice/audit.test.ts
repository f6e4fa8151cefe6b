import { describe, expect, it } from "vitest";
import { actionDetails, actionName, auditFilter, shopDayStart } from "./audit";

describe("the audit log as people read it (issue 7)", () => {
  it("reads days in the shop's time zone: Paris midnight, winter and summer; 'to' includes its day", () => {
    expect(shopDayStart("2026-01-15")?.toISOString()).toBe("2026-01-14T23:00:00.000Z");
    expect(shopDayStart("2026-07-15")?.toISOString()).toBe("2026-07-14T22:00:00.000Z");
    expect(shopDayStart("2026-02-30")).toBeUndefined();
    expect(shopDayStart("15/07/2026")).toBeUndefined();
    const { filter } = auditFilter({ from: "2026-07-01", to: "2026-07-01", staff: "not-a-uuid", order: " h-123 ", before: "42" });
    expect(filter).toMatchObject({ from: new Date("2026-06-30T22:00:00Z"), to: new Date("2026-07-01T22:00:00Z"), staffId: undefined, orderNumber: "H-123", before: 42 });
  });

  it("names actions and tells what they changed", () => {
    expect(actionName("staff.deactivate")).toBe("Deactivated a staff account");
    expect(actionName("order.mark_paid")).toBe("order · mark paid");
    expect(actionDetails({ action: "stock.correct", data: { sku: "FR-1", sellingMode: "weight", quantityBefore: 2500, quantityAfter: 750, reason: "damaged: crushed" } })).toBe(
      "FR-1: 2.5 kg → 750 g (Damaged — crushed)",
    );
    expect(actionDetails({ action: "staff.update", data: { before: { name: "A", role: "agent", storeIds: [1] }, after: { name: "A", role: "admin", storeIds: [] } } })).toBe(
      'role: "agent" → "admin"; stores: [1] → []',
    );
  });
});
