// Names a request path by the route it reaches, for the latency histogram's `route` label: a
// bounded set of patterns ("/p/:slug", "/api/v1/orders/[id]"), never the raw URL. Built from the
// build's .next/routes-manifest.json: the rewrites' sources first (the storefront's public URLs,
// next.config.ts), then the app's pages and routes. Anything else is "/_next/static", "/_next/image"
// or "other" (public files, unknown paths).

import { readFileSync } from "node:fs";
import path from "node:path";

/** `/p/:slug([a-z0-9]+…)` → `/p/:slug`: the label keeps the parameter's name, not its regex. */
function labelOf(source) {
  let label = "";
  for (let i = 0; i < source.length; i++) {
    label += source[i];
    if (source[i] === ":" ) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i + 1))?.[0] ?? "";
      label += name;
      i += name.length;
      if (source[i + 1] === "(") {
        let depth = 0;
        for (i = i + 1; i < source.length; i++) {
          if (source[i] === "(") depth++;
          else if (source[i] === ")" && --depth === 0) break;
        }
      }
    }
  }
  return label;
}

/** The matchers of a routes manifest, in the order they are tried. */
export function routeMatchers(manifest) {
  const matchers = [];
  const seen = new Set();
  const add = (label, regex) => {
    if (!regex || seen.has(label)) return;
    seen.add(label);
    matchers.push({ label, regex: new RegExp(regex) });
  };
  const rewrites = Array.isArray(manifest?.rewrites) ? manifest.rewrites : (manifest?.rewrites?.beforeFiles ?? []);
  for (const rewrite of rewrites) add(labelOf(rewrite.source), rewrite.regex);
  for (const route of [...(manifest?.staticRoutes ?? []), ...(manifest?.dynamicRoutes ?? [])]) add(route.page, route.regex);
  return matchers;
}

export function loadRouteMatchers(distDir = path.resolve(".next")) {
  try {
    return routeMatchers(JSON.parse(readFileSync(path.join(distDir, "routes-manifest.json"), "utf8")));
  } catch {
    return [];
  }
}

/** The route label of a request URL (path and query; only the path counts). */
export function routeOf(url, matchers) {
  const pathname = (url ?? "/").split("?", 1)[0] || "/";
  if (pathname.startsWith("/_next/static/")) return "/_next/static";
  if (pathname === "/_next/image") return "/_next/image";
  for (const { label, regex } of matchers) if (regex.test(pathname)) return label;
  return "other";
}
