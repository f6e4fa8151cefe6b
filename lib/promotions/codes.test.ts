import { describe, expect, it } from "vitest";
import { codeRefusal, codeRefusalMessage, normalizeCode, type CodeState } from "./codes";

const now = new Date("2026-12-02T10:00:00Z");
const code: CodeState = {
  active: true,
  startsAt: new Date("2026-12-01T00:00:00Z"),
  endsAt: new Date("2026-12-31T00:00:00Z"),
  minBasketCents: 2_000,
  maxUses: 10,
  usesCount: 3,
  maxUsesPerCustomer: 1,
};
const at = { now, subtotalCents: 2_500, customerUses: 0 };

describe("promotion codes", () => {
  it("accepts a live code on a basket at its minimum", () => {
    expect(codeRefusal(code, at)).toBeNull();
    expect(codeRefusal(code, { ...at, subtotalCents: 2_000 })).toBeNull();
  });

  it("refuses each case with its reason", () => {
    expect(codeRefusal(null, at)).toEqual({ code: "unknown" });
    expect(codeRefusal({ ...code, active: false }, at)).toEqual({ code: "unknown" });
    expect(codeRefusal({ ...code, endsAt: now }, at)).toEqual({ code: "expired" });
    expect(codeRefusal({ ...code, startsAt: new Date("2026-12-03T00:00:00Z") }, at)).toMatchObject({ code: "not_yet_valid" });
    expect(codeRefusal(code, { ...at, subtotalCents: 1_250 })).toEqual({ code: "min_basket", missingCents: 750, minBasketCents: 2_000 });
    expect(codeRefusal({ ...code, usesCount: 10 }, at)).toEqual({ code: "used_up" });
    expect(codeRefusal(code, { ...at, customerUses: 1 })).toEqual({ code: "already_used" });
  });

  it("words refusals for the shopper, with how much is missing", () => {
    expect(codeRefusalMessage({ code: "min_basket", missingCents: 750, minBasketCents: 2_000 }, "SPRING")).toBe("The code SPRING needs a basket of €20.00: add €7.50 more.");
    expect(codeRefusalMessage({ code: "not_yet_valid", startsAt: new Date("2026-12-03T00:00:00Z") }, "X")).toBe("The code X is valid from 3 December 2026.");
    expect(codeRefusalMessage({ code: "unknown" }, "NOPE")).toContain("NOPE");
  });

  it("normalises what shoppers type", () => {
    expect(normalizeCode(" welcome 10 ")).toBe("WELCOME10");
  });
});
