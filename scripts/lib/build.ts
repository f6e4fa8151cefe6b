// Decides whether the production build is older than the sources, so `npm start` rebuilds only when needed.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "db", "public", "proxy.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((max, name) => Math.max(max, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

/** The mode the build was made for (next.config.ts puts it in the build's config), or null. */
function builtMode(root: string): string | null {
  try {
    const files = JSON.parse(readFileSync(path.join(root, ".next", "required-server-files.json"), "utf8")) as { config?: { env?: Record<string, string> } };
    return files.config?.env?.HALLES_BUILD_MODE ?? null;
  } catch {
    return null;
  }
}

/** True when there is no build, it is older than the sources, or it was made for another mode. */
export function buildIsStale(root = ".", mode = "demo"): boolean {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!existsSync(buildId) || builtMode(root) !== mode) return true;
  const built = statSync(buildId).mtimeMs;
  return SOURCES.some((s) => newestMtime(path.join(root, s)) > built);
}
