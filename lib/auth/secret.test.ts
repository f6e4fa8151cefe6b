import { describe, expect, it } from "vitest";
import { authSecret, DEVELOPMENT_ONLY_AUTH_SECRET } from "./secret";

const strong = "kJ8s0Qm2Zr7vXw4Lp9Tn3Yb6Hc1Fd5Ge-_aB";

describe("authSecret", () => {
  it("uses AUTH_SECRET when set", () => {
    expect(authSecret({ AUTH_SECRET: strong, NODE_ENV: "production" })).toBe(strong);
    expect(authSecret({ AUTH_SECRET: "short", NODE_ENV: "development" })).toBe("short");
  });

  it("falls back to the marked development secret outside production only", () => {
    expect(authSecret({ NODE_ENV: "development" })).toBe(DEVELOPMENT_ONLY_AUTH_SECRET);
    expect(authSecret({ NODE_ENV: "test" })).toBe(DEVELOPMENT_ONLY_AUTH_SECRET);
    expect(() => authSecret({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET is required in production/);
    expect(() => authSecret({ NODE_ENV: "production", AUTH_SECRET: "  " })).toThrow(/required/);
  });

  it("refuses weak or published secrets in production", () => {
    expect(() => authSecret({ NODE_ENV: "production", AUTH_SECRET: "too-short" })).toThrow(/at least 32/);
    expect(() => authSecret({ NODE_ENV: "production", AUTH_SECRET: DEVELOPMENT_ONLY_AUTH_SECRET })).toThrow(/at least 32/);
    expect(() => authSecret({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(43) })).toThrow(/at least 32/);
  });
});
