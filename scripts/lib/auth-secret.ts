// AUTH_SECRET for the production server that `npm start` and the end-to-end tests run locally:
// the environment's when set, else a random one kept in .data/auth-secret (git-ignored), so that
// sessions survive restarts. Real deployments set AUTH_SECRET themselves (lib/auth/secret.ts).
import { randomBytes } from "node:crypto";
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
