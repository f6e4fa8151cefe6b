// AUTH_SECRET for the production server that `npm start` and the end-to-end tests run locally:
// the environment's when set, else a random one kept in .data/auth-secret (git-ignored), so that
// sessions survive restarts. Real deployments set AUTH_SECRET themselves (lib/auth/secret.ts).
// The server actions' key is derived from it, so that every local web instance agrees on it.
import { createHmac, randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function localAuthSecret(dataDir = ".data"): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) {
    const saved = readFileSync(file, "utf8").trim();
    if (saved.length >= 32) return saved;
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * NEXT_SERVER_ACTIONS_ENCRYPTION_KEY for the local stack: an AES-256 key derived from its
 * AUTH_SECRET, the same for the build and every web instance. Real deployments set their own.
 */
export function localServerActionsKey(authSecret: string): string {
  return createHmac("sha256", authSecret).update("halles next-server-actions-encryption-key").digest("base64");
}
