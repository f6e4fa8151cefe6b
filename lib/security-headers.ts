// The security headers of every response (next.config.ts). Fixed at build time, like the pages
// they protect: docs/security.md explains why the Content-Security-Policy is what it is.
// Imported by next.config.ts, so it imports only what a build can run.
import type { BuildMode } from "./deployment";

/** Where a payment form may send the browser: Stripe Checkout, or the local Stripe test server. */
function formTargets(mode: BuildMode): string[] {
  return mode === "production" ? ["https://checkout.stripe.com"] : ["https://checkout.stripe.com", "http://127.0.0.1:*", "http://localhost:*"];
}

export function contentSecurityPolicy(mode: BuildMode): string {
  const development = mode === "development";
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // Next.js streams its data in inline scripts; pages served from a cache cannot carry a
    // per-response nonce, so inline scripts are allowed, and nothing else from outside.
    "script-src": ["'self'", "'unsafe-inline'", ...(development ? ["'unsafe-eval'"] : [])],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(development ? ["ws:"] : [])],
    "frame-src": ["'none'"],
    "frame-ancestors": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'", ...formTargets(mode)],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (mode === "production") policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

export function securityHeaders(mode: BuildMode): { key: string; value: string }[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(mode) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
    // Real deployments are served over HTTPS (browsers ignore the header over plain HTTP).
    ...(mode === "production" ? [{ key: "Strict-Transport-Security", value: "max-age=31536000" }] : []),
  ];
}
