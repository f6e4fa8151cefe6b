import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, parseQueueParams, queueHref, searchFilter, shiftDay } from "./queue-params";

describe("the order queue's URL (issue 7)", () => {
  it("defaults to today in Paris and drops values it cannot use", () => {
    const now = new Date("2026-12-01T23:30:00Z");
    expect(parseQueueParams({}, now)).toEqual({ day: "2026-12-02" });
    expect(parseQueueParams({ day: "2026-13-45", status: "lost", slot: "-3", fulfilment: "drone", q: " ", after: "nope" }, now)).toEqual({ day: "2026-12-02" });
    expect(parseQueueParams({ day: "2026-12-05", status: "picking", slot: "12", fulfilment: "delivery", q: "H-001234" }, now)).toMatchObject({
      day: "2026-12-05",
      status: "picking",
      slot: 12,
      fulfilment: "delivery",
      q: "H-001234",
    });
  });

  it("round-trips the page cursor", () => {
    const cursor = { slotStartsAt: new Date("2026-12-02T08:00:00Z"), number: "H-001234" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor("2026-12-02T08:00:00.000Z_'; drop table")).toBeUndefined();
  });

  it("reads the search box as an e-mail or an order number", () => {
    expect(searchFilter("Jo@Example.test")).toEqual({ email: "Jo@Example.test" });
    expect(searchFilter("1234")).toEqual({ number: "H-001234" });
    expect(searchFilter("h-001234")).toEqual({ number: "H-001234" });
  });

  it("writes links that start a new filter from the first page", () => {
    const params = { day: "2026-12-02", status: "confirmed" as const, after: { slotStartsAt: new Date("2026-12-02T08:00:00Z"), number: "H-001234" } };
    expect(queueHref("lyon-part-dieu", params, { status: "picking" })).toBe("/admin/stores/lyon-part-dieu/orders?day=2026-12-02&status=picking");
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01");
  });
});
