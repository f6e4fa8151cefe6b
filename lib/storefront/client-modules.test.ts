// What the catalog pages ship to the browser: every module a "use client" file reachable from the
// root and storefront layouts and the home, category and product pages imports, followed through
// the source (docs/web.md, "What runs on the client"). A new client component or library on these
// pages must be added here on purpose: each one costs the shopper's phone download, parsing and
// hydration (bench/README.md, Lighthouse).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const STOREFRONT = "app/(storefront)/at/[store]";
const ENTRIES = ["app/layout.tsx", `${STOREFRONT}/layout.tsx`, `${STOREFRONT}/page.tsx`, `${STOREFRONT}/c/[slug]/[query]/page.tsx`, `${STOREFRONT}/p/[slug]/page.tsx`];

const IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']/gm;

function resolveModule(specifier: string, from: string): string {
  if (!specifier.startsWith(".") && !specifier.startsWith("@/")) return specifier; // a package
  const base = specifier.startsWith("@/") ? join(ROOT, specifier.slice(2)) : resolve(dirname(join(ROOT, from)), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts")]) {
    if (existsSync(candidate) && !candidate.endsWith("/")) {
      try {
        readFileSync(candidate);
        return relative(ROOT, candidate);
      } catch {
        // a directory: try the next candidate
      }
    }
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** The modules `file` imports for their values (type-only imports are left out, as the bundler does). */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), "utf8");
  return [...source.matchAll(IMPORT)].map((m) => resolveModule(m[1], file));
}

/** The directive at the top of a module ("use client", "use server"), after any comments. */
const directive = (file: string) => /^(?:\s*\/\/.*\n)*\s*["'](use client|use server)["']/.exec(readFileSync(join(ROOT, file), "utf8"))?.[1];

/** Every module in the browser bundle of the entries: client components and what they import (packages by name). */
function clientModules(): Set<string> {
  const seen = new Set<string>();
  const client = new Set<string>();
  const visit = (file: string, inClient: boolean) => {
    const key = `${inClient}:${file}`;
    if (seen.has(key)) return;
    seen.add(key);
    const isPackage = !file.includes("/") || !existsSync(join(ROOT, file));
    if (isPackage) {
      if (inClient) client.add(file);
      return;
    }
    // A server-action module imported by a client component ships as references only.
    if (inClient && directive(file) === "use server") return void client.add(file);
    const nowClient = inClient || directive(file) === "use client";
    if (nowClient) client.add(file);
    for (const imported of importsOf(file)) visit(imported, nowClient);
  };
  for (const entry of ENTRIES) visit(entry, false);
  return client;
}

describe("the catalog pages' client JavaScript", () => {
  const modules = clientModules();

  it("holds only the components that need the browser, and no query, icon or image library", () => {
    expect([...modules].sort()).toEqual(
      [
        "components/account/form-field.tsx",
        "components/basket/add-to-basket-form.tsx",
        "components/basket/basket-button.tsx",
        "components/basket/use-basket.ts",
        "components/catalog/auto-submit.tsx",
        "components/layout/hydration-marker.tsx",
        "components/layout/icons.tsx",
        "components/layout/link-navigation.tsx",
        "components/layout/shop-link.tsx",
        "lib/basket/actions.ts",
        "lib/catalog/pricing.ts",
        "next/navigation",
        "react",
      ].sort(),
    );
  });

  it("follows imports into client components (the walk itself works)", () => {
    expect(modules.has("components/basket/use-basket.ts")).toBe(true);
    expect([...modules].some((m) => m.startsWith("@tanstack/") || m.startsWith("lucide-react") || m === "next/image")).toBe(false);
  });
});
