import { describe, expect, it } from "vitest";
import { orderStatus } from "@/db/schema/orders";
import { cancelReasonText, formatDate, formatDateTime, formatSlotShort, ORDER_STATUS_LABELS, timelineLabel } from "./labels";

describe("order labels", () => {
  it("names every status, and the last step by how the order was fulfilled", () => {
    for (const status of orderStatus.enumValues) {
      expect(ORDER_STATUS_LABELS[status]).toMatch(/^[A-Z]/);
      expect(timelineLabel(status, "collection")).toMatch(/^[A-Z]/);
    }
    expect(timelineLabel("completed", "delivery")).toBe("Delivered");
    expect(timelineLabel("completed", "collection")).toBe("Collected");
  });

  it("explains cancellations in the shopper's words, known or not", () => {
    expect(cancelReasonText("requested by the customer")).toBe("You cancelled this order.");
    expect(cancelReasonText("checkout expired")).toBe("The payment was not completed in time.");
    expect(cancelReasonText("payment_mismatch")).toBe("The payment received did not match this order, so we could not accept it.");
    expect(cancelReasonText("agent: out of stock")).toBe("This order was cancelled (agent: out of stock).");
    expect(cancelReasonText("payment expired")).toMatch(/authorisation expired/);
    expect(cancelReasonText(null)).toBe("This order was cancelled.");
  });

  it("shows times in Paris, winter and summer", () => {
    expect(formatDateTime(new Date("2026-11-27T15:05:00Z"))).toBe("27 Nov 2026, 16:05");
    expect(formatDateTime(new Date("2026-07-01T22:30:00Z"))).toBe("2 Jul 2026, 00:30");
    expect(formatDate(new Date("2026-07-01T22:30:00Z"))).toBe("2 Jul 2026");
    expect(formatSlotShort({ startsAt: new Date("2026-11-28T09:00:00Z"), endsAt: new Date("2026-11-28T11:00:00Z") })).toBe("Sat 28 Nov, 10:00–12:00");
  });
});
