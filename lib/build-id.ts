// The build id next.config.ts gives Next.js: web instances built apart from one release must agree
// on it, or a page from one instance asks another for assets and data it does not have. Relative
// imports only, as next.config.ts reads it.
import { execFileSync } from "node:child_process";

/** HALLES_BUILD_ID, else the git commit being built, else null (Next.js then makes a random one). */
export function buildId(env: Record<string, string | undefined> = process.env, gitCommit: () => string | null = currentCommit): string | null {
  return env.HALLES_BUILD_ID?.trim() || gitCommit();
}

function currentCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() || null;
  } catch {
    // No git, or not a checkout (a container build context): Next.js's own id.
    return null;
  }
}
