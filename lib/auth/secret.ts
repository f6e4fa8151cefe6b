// The key that signs and encrypts session cookies (AUTH_SECRET).

/**
 * For `next dev` and tests only, never in production: sessions signed with a key published in the
 * source code can be forged by anyone. Production (NODE_ENV=production) must set AUTH_SECRET;
 * `npm start` and `npm run test:e2e` generate one (scripts/lib/auth-secret.ts).
 */
export const DEVELOPMENT_ONLY_AUTH_SECRET = "halles-development-only-secret-do-not-use-in-production";

/** Too short, published, or made of too few different characters to be a random key. */
export function isWeakSecret(secret: string | undefined): boolean {
  const value = secret?.trim() ?? "";
  return value.length < 32 || value === DEVELOPMENT_ONLY_AUTH_SECRET || new Set(value).size < 12;
}

export function authSecret(env: Record<string, string | undefined> = process.env): string {
  const secret = env.AUTH_SECRET?.trim();
  if (secret) {
    if (env.NODE_ENV === "production" && isWeakSecret(secret)) {
      throw new Error("AUTH_SECRET must be a random value of at least 32 characters (e.g. `openssl rand -base64 32`).");
    }
    return secret;
  }
  if (env.NODE_ENV === "production") {
    throw new Error("AUTH_SECRET is required in production: set it to a random value (e.g. `openssl rand -base64 32`).");
  }
  return DEVELOPMENT_ONLY_AUTH_SECRET;
}
