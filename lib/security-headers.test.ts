import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "./security-headers";

const header = (mode: Parameters<typeof securityHeaders>[0], key: string) => securityHeaders(mode).find((h) => h.key === key)?.value;

describe("security headers (issue 6 item 6)", () => {
  it("sends HSTS from production builds only", () => {
    expect(header("production", "Strict-Transport-Security")).toBe("max-age=31536000");
    expect(header("demo", "Strict-Transport-Security")).toBeUndefined();
    expect(header("development", "Strict-Transport-Security")).toBeUndefined();
  });

  it("forbids framing, sniffing and cross-site referrers everywhere", () => {
    for (const mode of ["production", "demo", "development"] as const) {
      expect(header(mode, "X-Frame-Options")).toBe("DENY");
      expect(header(mode, "X-Content-Type-Options")).toBe("nosniff");
      expect(header(mode, "Referrer-Policy")).toBe("strict-origin-when-cross-origin");
      expect(contentSecurityPolicy(mode)).toContain("frame-ancestors 'none'");
    }
  });

  it("lets scripts come only from the site, eval only in development, and forms go only to Stripe", () => {
    expect(contentSecurityPolicy("production")).toContain("script-src 'self' 'unsafe-inline';");
    expect(contentSecurityPolicy("development")).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy("production")).toContain("form-action 'self' https://checkout.stripe.com;");
    expect(contentSecurityPolicy("production")).toMatch(/upgrade-insecure-requests$/);
    // The demo's payment page is the local Stripe test server.
    expect(contentSecurityPolicy("demo")).toContain("http://127.0.0.1:*");
    expect(contentSecurityPolicy("demo")).not.toContain("upgrade-insecure-requests");
  });
});
