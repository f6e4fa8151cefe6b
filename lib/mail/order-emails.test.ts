import { describe, expect, it } from "vitest";
import { vatBreakdown, vatOfGross } from "@/lib/basket/pricing";
import { escapeHtml, formatSlot, orderVatBreakdown, renderOrderEmail, type OrderEmailView } from "./order-emails";

function view(overrides: Partial<OrderEmailView> = {}): OrderEmailView {
  return {
    id: "6f1c2b1e-0000-4000-8000-000000000001",
    number: "H-001234",
    status: "confirmed",
    fulfilment: "collection",
    recipientEmail: "ana@example.test",
    customerName: "Ana",
    subtotalCents: 1_318,
    deliveryFeeCents: 0,
    totalCents: 1_318,
    deliveryAddress: null,
    cancelReason: null,
    store: { name: "Lyon Part-Dieu", street: "17 rue du Docteur Bouchut", postcode: "69003", city: "Lyon", phone: null, timezone: "Europe/Paris" },
    // 09:00–10:00 UTC is 10:00–11:00 in Paris in winter.
    slot: { startsAt: new Date("2026-11-28T09:00:00Z"), endsAt: new Date("2026-11-28T10:00:00Z") },
    lines: [
      { productName: "Organic milk", sizeLabel: "1 l", sellingMode: "unit", quantity: 2, unitPriceCents: 129, vatRateBp: 550, lineTotalCents: 258 },
      { productName: "Comté", sizeLabel: "per kg", sellingMode: "weight", quantity: 750, unitPriceCents: 1_290, vatRateBp: 550, lineTotalCents: 968 },
      { productName: "Dish soap", sizeLabel: "500 ml", sellingMode: "unit", quantity: 1, unitPriceCents: 92, vatRateBp: 2_000, lineTotalCents: 92 },
    ],
    ...overrides,
  };
}

describe("VAT", () => {
  it("takes the VAT out of a VAT-inclusive amount, rounding half up", () => {
    expect(vatOfGross(1_200, 2_000)).toBe(200);
    expect(vatOfGross(1_055, 550)).toBe(55);
    expect(vatOfGross(3, 2_000)).toBe(1); // 0.5 → 1
    expect(vatOfGross(1_000, 0)).toBe(0);
  });

  it("sums the gross amounts per rate before computing the VAT once per rate", () => {
    // Per line 5.5 %: 258 → 13.45 → 13 and 968 → 50.47 → 50 (63 in all); on the sum 1226 → 63.91 → 64.
    expect(vatBreakdown([{ grossCents: 258, rateBp: 550 }, { grossCents: 968, rateBp: 550 }, { grossCents: 92, rateBp: 2_000 }])).toEqual([
      { rateBp: 550, grossCents: 1_226, vatCents: 64, netCents: 1_162 },
      { rateBp: 2_000, grossCents: 92, vatCents: 15, netCents: 77 },
    ]);
  });

  it("counts the delivery fee at the standard rate and leaves out empty rates", () => {
    expect(orderVatBreakdown(view({ deliveryFeeCents: 499 }))).toEqual([
      { rateBp: 550, grossCents: 1_226, vatCents: 64, netCents: 1_162 },
      { rateBp: 2_000, grossCents: 591, vatCents: 99, netCents: 492 },
    ]);
    expect(orderVatBreakdown(view()).map((r) => r.rateBp)).toEqual([550, 2_000]);
  });
});

describe("renderOrderEmail", () => {
  it("shows the lines, the slot in the store's time zone, the totals and the VAT breakdown", () => {
    const mail = renderOrderEmail(view(), "confirmed");
    expect(mail.subject).toBe("Your Halles order H-001234 is confirmed");
    expect(mail.text).toContain("Saturday 28 November 2026, 10:00–11:00");
    expect(mail.text).toContain("Click & collect at:");
    expect(mail.text).toContain("17 rue du Docteur Bouchut");
    expect(mail.text).toContain("Organic milk (1 l): 2 × €1.29 = €2.58");
    expect(mail.text).toContain("Total: €13.18");
    expect(mail.text).toContain("5.5 %: €0.64 VAT on €12.26 (net €11.62)");
    expect(mail.text).toContain("20 %: €0.15 VAT on €0.92 (net €0.77)");
    expect(mail.html).toContain("€12.26");
  });

  it("shows the weight of a weighed line, with its price per kg", () => {
    const mail = renderOrderEmail(view(), "confirmed");
    expect(mail.text).toContain("Comté (per kg): 750 g × €12.90 / kg = €9.68");
    expect(mail.html).toContain("750 g × €12.90 / kg");
    const heavy = renderOrderEmail(view({ lines: [{ ...view().lines[1], quantity: 1_250, lineTotalCents: 1_613 }] }), "confirmed");
    expect(heavy.text).toContain("1.25 kg × €12.90 / kg = €16.13");
  });

  it("gives the delivery address for home delivery", () => {
    const mail = renderOrderEmail(
      view({
        fulfilment: "delivery",
        deliveryFeeCents: 499,
        totalCents: 1_817,
        deliveryAddress: { recipient: "Ana Lopez", street: "3 place Bellecour", postcode: "69002", city: "Lyon", phone: null },
      }),
      "confirmed",
    );
    expect(mail.text).toContain("Home delivery to:");
    expect(mail.text).toContain("3 place Bellecour");
    expect(mail.text).toContain("Delivery: €4.99");
    expect(mail.text).not.toContain("Docteur Bouchut");
  });

  it("escapes everything that comes from the order", () => {
    const mail = renderOrderEmail(
      view({
        customerName: `<script>alert("x")</script>`,
        store: { ...view().store, name: "Tom & Jerry's <b>" },
        lines: [{ ...view().lines[0], productName: `<img src=x onerror="steal()">`, sizeLabel: "1 l & more" }],
      }),
      "cancelled",
    );
    expect(mail.html).not.toContain("<script>");
    expect(mail.html).not.toContain("<img");
    expect(mail.html).not.toContain("<b>");
    expect(mail.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(mail.html).toContain("&lt;img src=x onerror=&quot;steal()&quot;&gt;");
    expect(mail.html).toContain("Tom &amp; Jerry&#39;s &lt;b&gt;");
    expect(mail.subject).toBe("Your Halles order H-001234 has been cancelled");
  });

  it("names the cancellation reason in the words of the order page", () => {
    expect(renderOrderEmail(view({ status: "cancelled", cancelReason: "payment failed" }), "cancelled").text).toContain(
      "Your order has been cancelled. The payment was declined. Any amount held",
    );
    const mismatch = renderOrderEmail(view({ status: "cancelled", cancelReason: "payment_mismatch" }), "cancelled");
    expect(mismatch.text).toContain("The payment received did not match this order, so we could not accept it.");
    expect(mismatch.text).not.toContain("payment_mismatch");
    expect(renderOrderEmail(view({ status: "cancelled" }), "cancelled").text).toContain("Your order has been cancelled. Any amount held");
  });
});

describe("renderOrderEmail after picking (issue 7)", () => {
  const picked = () =>
    view({
      status: "ready_for_collection",
      lines: [
        { ...view().lines[0], pickStatus: "missing", pickedQuantity: 1, pickedTotalCents: 129 },
        { ...view().lines[1], pickStatus: "picked", pickedQuantity: 862, pickedTotalCents: 1_112 },
        {
          ...view().lines[2],
          pickStatus: "substituted",
          pickedQuantity: 1,
          pickedTotalCents: 92,
          substitute: { variantId: 7, productName: "Lemon dish soap", sizeLabel: "450 ml", sku: "DS-L", sellingMode: "unit", unitPriceCents: 99, vatRateBp: 2_000, quantity: 1 },
        },
      ],
      payment: { authorizedCents: 1_415, capturedCents: 1_333, refundedCents: 0, finalTotalCents: 1_333 },
    });

  it("lists each change and the amount charged, and what is released", () => {
    const mail = renderOrderEmail(picked(), "picked");
    expect(mail.subject).toBe("Your Halles order H-001234 is picked: the final amount");
    expect(mail.text).toContain("- Organic milk (1 l): only 1 of 2 available, €1.29 instead of €2.58.");
    expect(mail.text).toContain("- Comté (per kg): 862 g instead of 750 g (heavier), €11.12 instead of €9.68.");
    expect(mail.text).toContain("- Dish soap (500 ml): replaced by Lemon dish soap (450 ml), 1 item, €0.92 (ordered: €0.92).");
    expect(mail.text).toContain("Charged to your card: €13.33. The other €0.82 held on your card is released, never charged.");
    // The lines as charged, the substitute under its own name.
    expect(mail.text).toContain("- Lemon dish soap (450 ml): 1 × €0.99 = €0.92");
    expect(mail.text).toContain("Total: €13.33");
    expect(mail.html).toContain("<li>Comté (per kg): 862 g instead of 750 g (heavier), €11.12 instead of €9.68.</li>");
  });

  it("says when the picked total was capped at the authorisation", () => {
    const capped = picked();
    capped.payment = { authorizedCents: 1_300, capturedCents: 1_300, refundedCents: 0, finalTotalCents: 1_333 };
    expect(renderOrderEmail(capped, "picked").text).toContain("Your picked total came to €13.33; we charge no more than the €13.00 you authorised.");
  });

  it("tells a refund's amount and reason, and a cancellation after capture that the charge is refunded", () => {
    const refunded = renderOrderEmail(view({ refund: { amountCents: 258, reason: "damaged milk" } }), "refunded");
    expect(refunded.subject).toBe("A refund for your Halles order H-001234");
    expect(refunded.text).toContain("We have refunded €2.58 to the card you paid with (damaged milk).");
    const cancelled = renderOrderEmail(view({ status: "cancelled", payment: { authorizedCents: 1_415, capturedCents: 1_333, refundedCents: 333, finalTotalCents: 1_333 } }), "cancelled");
    expect(cancelled.text).toContain("The €10.00 charged is being refunded to your card.");
  });
});

describe("helpers", () => {
  it("escapes the five HTML special characters", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("formats a summer slot with the daylight-saving offset", () => {
    expect(formatSlot({ startsAt: new Date("2026-07-01T16:30:00Z"), endsAt: new Date("2026-07-01T17:30:00Z") }, "Europe/Paris")).toBe(
      "Wednesday 1 July 2026, 18:30–19:30",
    );
  });
});
