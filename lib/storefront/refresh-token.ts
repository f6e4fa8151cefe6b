// The token Halles's own scripts and tests present to the web app's internal refresh endpoint:
// derived from AUTH_SECRET, which every service already holds, so there is no second secret.
import { createHmac, timingSafeEqual } from "node:crypto";

export function refreshToken(secret: string): string {
  return createHmac("sha256", secret).update("halles:refresh-storefront").digest("base64url");
}

export function isRefreshToken(authorization: string | null, secret: string): boolean {
  const given = Buffer.from(authorization?.replace(/^Bearer /, "") ?? "");
  const expected = Buffer.from(refreshToken(secret));
  return given.length === expected.length && timingSafeEqual(given, expected);
}
