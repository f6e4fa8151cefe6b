// What the fuzzer attacks, found from the source and the build rather than listed by hand, so
// that a new route or action is fuzzed without anyone remembering to: every route.ts under app/
// with its exported HTTP methods, and every action exported by a "use server" module under app/,
// lib/ or components/ with its id from the build's server-reference manifest.
import { readdirSync, readFileSync } from "node:fs";
import { join, sep } from "node:path";

const ROOT = process.cwd();
const SOURCE = /\.(ts|tsx)$/;
const TEST = /\.test\.(ts|tsx)$/;
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => SOURCE.test(f) && !TEST.test(f))
    .map((f) => join(dir, f).split(sep).join("/"))
    .sort();
}

export type Route = {
  /** The route as the file system names it, e.g. /api/v1/products/[slug]. */
  pattern: string;
  file: string;
  methods: HttpMethod[];
};

/** The HTTP methods a route file exports: `export const GET =`, `export async function POST`, `export const { GET, POST } =`. */
export function exportedMethods(source: string): HttpMethod[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function|const|let)\s+([A-Z]+)\b/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s*\{([^}]*)\}/g)) for (const name of m[1].split(",")) names.add(name.trim().split(/\s*:\s*/).at(-1)!);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of m[1].split(",")) names.add(name.trim().split(/\s+as\s+/).at(-1)!);
  return HTTP_METHODS.filter((method) => names.has(method));
}

/** Every route handler under app/: its URL pattern (route groups dropped) and its methods. */
export function findRoutes(): Route[] {
  return sourceFiles("app")
    .filter((f) => /(^|\/)route\.(ts|tsx)$/.test(f))
    .map((file) => {
      const segments = file.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
      return { pattern: `/${segments.join("/")}`, file, methods: exportedMethods(readFileSync(join(ROOT, file), "utf8")) };
    });
}

/** A module whose first statement is the "use server" directive: every export is a server action. */
export const isServerActionModule = (source: string) => /^(?:\s*(?:\/\/[^\n]*|\/\*[\s\S]*?\*\/))*\s*["']use server["']/.test(source);
/** "use server" elsewhere in a file: an inline action, which the fuzzer could not find by name. */
export const hasInlineServerAction = (source: string) => /["']use server["']/.test(source) && !isServerActionModule(source);

const ACTION_DIRS = ["app", "lib", "components"];

export function actionSourceFiles(): string[] {
  return ACTION_DIRS.flatMap(sourceFiles);
}

/** The names a "use server" module exports (every one of them is callable over HTTP). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?(?:function\*?|const|let|var)\s+([A-Za-z_$][\w$]*)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) for (const name of m[1].split(",")) if (name.trim()) names.add(name.trim().split(/\s+as\s+/).at(-1)!);
  return [...names].sort();
}

export type ServerAction = {
  /** module:export, e.g. lib/auth/actions.ts:signUp */
  name: string;
  file: string;
  exportName: string;
  /** The id the browser sends in the Next-Action header, or undefined when the build has none. */
  id?: string;
  /** The pages whose forms can post it (the manifest's workers), e.g. app/(storefront)/at/[store]/sign-in/page. */
  pages: string[];
};

type ReferenceManifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

/** Every exported server action, with its id and pages from .next/server/server-reference-manifest.json. */
export function findServerActions(manifestPath = join(ROOT, ".next", "server", "server-reference-manifest.json")): ServerAction[] {
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as ReferenceManifest;
  const entries = Object.entries(manifest.node);
  return actionSourceFiles()
    .filter((file) => isServerActionModule(readFileSync(join(ROOT, file), "utf8")))
    .flatMap((file) =>
      exportedNames(readFileSync(join(ROOT, file), "utf8")).map((exportName) => {
        const found = entries.find(([, entry]) => entry.filename === file && entry.exportedName === exportName);
        return { name: `${file}:${exportName}`, file, exportName, id: found?.[0], pages: found ? Object.keys(found[1].workers).sort() : [] };
      }),
    );
}

/** Inline "use server" functions anywhere the fuzzer looks: it could not call them, so there must be none. */
export function filesWithInlineActions(): string[] {
  return actionSourceFiles().filter((file) => hasInlineServerAction(readFileSync(join(ROOT, file), "utf8")));
}

/**
 * The URL of a page from its manifest key, e.g. app/(storefront)/at/[store]/p/[slug]/page →
 * /at/_default/p/bananas: route groups dropped, each [param] filled by `fill`.
 */
export function pageUrl(page: string, fill: (param: string) => string): string {
  const segments = page.split("/").slice(1, -1).filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.map((s) => (/^\[.*\]$/.test(s) ? fill(s.slice(1, -1).replace(/^\.\.\./, "")) : s)).join("/")}`;
}
