import { describe, expect, it } from "vitest";
import { captureSplit, parseEuroAmount, planRefund, refundedPerLine, type RefundBasis } from "./amounts";

describe("captureSplit (issue 7)", () => {
  it("captures a picked total below the authorisation and releases the rest", () => {
    expect(captureSplit(4_210, 5_000)).toEqual({ captureCents: 4_210, releasedCents: 790 });
  });

  it("captures exactly the authorisation when the total equals it", () => {
    expect(captureSplit(5_000, 5_000)).toEqual({ captureCents: 5_000, releasedCents: 0 });
  });

  it("caps a total above the authorisation at the authorisation: the excess is never charged", () => {
    expect(captureSplit(5_400, 5_000)).toEqual({ captureCents: 5_000, releasedCents: 0 });
  });

  it("refuses to capture nothing (an empty order is cancelled instead)", () => {
    expect(() => captureSplit(0, 5_000)).toThrow(RangeError);
  });
});

const basis = (overrides: Partial<RefundBasis> = {}): RefundBasis => ({
  capturedCents: 3_000,
  committedCents: 0,
  lines: [
    { id: "a", chargedCents: 1_000, refundedCents: 0 },
    { id: "b", chargedCents: 2_000, refundedCents: 500 },
    { id: "c", chargedCents: 0, refundedCents: 0 },
  ],
  ...overrides,
});

describe("planRefund (issue 7)", () => {
  it("refunds the whole order as what is left of the capture", () => {
    expect(planRefund({ kind: "whole" }, basis({ committedCents: 500 }))).toEqual({ ok: true, amountCents: 2_500, lines: [] });
  });

  it("refuses any refund once everything captured is refunded or asked for", () => {
    expect(planRefund({ kind: "whole" }, basis({ committedCents: 3_000 }))).toEqual({ ok: false, code: "nothing_to_refund" });
    expect(planRefund({ kind: "amount", amountCents: 1 }, basis({ committedCents: 3_000 }))).toEqual({ ok: false, code: "nothing_to_refund" });
  });

  it("refunds an amount up to what is left, and no further", () => {
    expect(planRefund({ kind: "amount", amountCents: 2_000 }, basis({ committedCents: 1_000 }))).toEqual({ ok: true, amountCents: 2_000, lines: [] });
    expect(planRefund({ kind: "amount", amountCents: 2_001 }, basis({ committedCents: 1_000 }))).toEqual({ ok: false, code: "over_refundable", refundableCents: 2_000 });
  });

  it("limits each line to what it was charged minus what was refunded for it", () => {
    expect(planRefund({ kind: "lines", lines: [{ orderLineId: "b", amountCents: 1_500 }] }, basis())).toEqual({
      ok: true,
      amountCents: 1_500,
      lines: [{ orderLineId: "b", amountCents: 1_500 }],
    });
    expect(planRefund({ kind: "lines", lines: [{ orderLineId: "b", amountCents: 1_501 }] }, basis())).toEqual({
      ok: false,
      code: "line_over_refundable",
      orderLineId: "b",
      refundableCents: 1_500,
    });
    // A line missing in full was charged nothing, so nothing can be refunded on it.
    expect(planRefund({ kind: "lines", lines: [{ orderLineId: "c", amountCents: 1 }] }, basis())).toMatchObject({ code: "line_over_refundable", refundableCents: 0 });
  });

  it("adds up a line named twice before checking its limit, and skips zero amounts", () => {
    const twice = { kind: "lines" as const, lines: [{ orderLineId: "a", amountCents: 600 }, { orderLineId: "a", amountCents: 500 }, { orderLineId: "b", amountCents: 0 }] };
    expect(planRefund(twice, basis())).toMatchObject({ ok: false, code: "line_over_refundable", orderLineId: "a", refundableCents: 1_000 });
    expect(planRefund({ kind: "lines", lines: [{ orderLineId: "b", amountCents: 0 }] }, basis())).toEqual({ ok: false, code: "no_lines" });
  });

  it("refuses an unknown line, and lines that together pass what is left of the order", () => {
    expect(planRefund({ kind: "lines", lines: [{ orderLineId: "zz", amountCents: 1 }] }, basis())).toEqual({ ok: false, code: "unknown_line", orderLineId: "zz" });
    const lines = [{ orderLineId: "a", amountCents: 1_000 }, { orderLineId: "b", amountCents: 1_000 }];
    expect(planRefund({ kind: "lines", lines }, basis({ committedCents: 1_500 }))).toEqual({ ok: false, code: "over_refundable", refundableCents: 1_500 });
  });

  it("sums each line's share over earlier refunds", () => {
    const sums = refundedPerLine([{ lines: [{ orderLineId: "a", amountCents: 100 }] }, { lines: [] }, { lines: [{ orderLineId: "a", amountCents: 50 }, { orderLineId: "b", amountCents: 7 }] }]);
    expect(Object.fromEntries(sums)).toEqual({ a: 150, b: 7 });
  });
});

describe("parseEuroAmount (issue 7)", () => {
  it("reads euros with a point or a comma into cents", () => {
    expect(parseEuroAmount("12")).toBe(1_200);
    expect(parseEuroAmount("12.5")).toBe(1_250);
    expect(parseEuroAmount(" 12,05 ")).toBe(1_205);
    expect(parseEuroAmount("€0.99")).toBe(99);
  });

  it("refuses anything else", () => {
    for (const text of ["", "abc", "1.234", "-3", "1e3", "12.50.1", "1 000"]) expect(parseEuroAmount(text)).toBeNull();
  });
});
