// npm run bench -- [--products 400] [--duration 20] [--connections 50]
// Load-tests the production build on a fresh database seeded with N products: home, a category,
// a product and a search page, plus uncached searches through the API, against a static file
// served by the same server as the baseline. Prints a Markdown table and writes bench/results/.
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { createTemporaryDatabase, testServerUrl } from "../scripts/lib/postgres";
import { run, startService, waitForUrl } from "../scripts/lib/processes";

const { values } = parseArgs({
  options: {
    products: { type: "string", default: "400" },
    duration: { type: "string", default: "20" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
  },
});
const products = Number(values.products);
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = 3300;
const base = `http://127.0.0.1:${port}`;

const SEARCH_WORDS = ["bananna", "yoghourt", "cheese", "pasta", "tomato", "organic milk", "chocolate", "coffee", "apple juice", "chiken", "bread", "olive oil"];

type Target = { name: string; path?: string; paths?: string[]; connections?: number };
const targets: Target[] = [
  { name: "static file (baseline)", path: "/logo.svg" },
  { name: "home", path: "/" },
  { name: "category", path: "/c/pantry" },
  { name: "category, filtered", path: "/c/pantry?diet=organic&sort=price-asc" },
  { name: "product", path: "/p/bananas" },
  { name: "search page (cached per query)", path: "/search?q=bananna" },
  { name: "search API (uncached, 12 queries)", paths: SEARCH_WORDS.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}`) },
  {
    name: "search API (uncached, 1 connection)",
    paths: SEARCH_WORDS.map((q) => `/api/v1/products?q=${encodeURIComponent(q)}`),
    connections: 1,
  },
];

type Row = { name: string; rps: number; p50: number; p99: number; errors: number };

async function load(target: Target): Promise<Row> {
  let i = 0;
  const paths = target.paths ?? [target.path!];
  const result = await autocannon({
    url: base,
    connections: target.connections ?? connections,
    duration,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  return {
    name: target.name,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

async function main() {
  const server = await testServerUrl();
  const database = await createTemporaryDatabase(server.url, "halles_bench");
  const web = { stop: async () => {} };
  try {
    await runMigrations(database.url);
    const { db, sql } = createDatabase(database.url, 4);
    const started = Date.now();
    await seedDatabase(db, { products });
    await sql.end();
    console.log(`Seeded ${products} products in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const env = { DATABASE_URL: database.url, PUBLIC_URL: base, NODE_ENV: "production", LOG_LEVEL: "warn" };
    if (!values["skip-build"]) await run("npx", ["next", "build"], env);
    const service = startService("web", "npx", ["next", "start", "-p", String(port)], env);
    web.stop = service.stop;
    await waitForUrl(`${base}/api/health/ready`, 60_000, service);
    for (const t of targets) for (const p of t.paths ?? [t.path!]) await fetch(base + p).then((r) => r.text());

    const rows: Row[] = [];
    for (const target of targets) {
      rows.push(await load(target));
      console.log(`${target.name}: ${rows.at(-1)!.rps} req/s, p99 ${rows.at(-1)!.p99} ms`);
    }
    const baseline = rows[0].rps;
    const table = [
      `Catalog: ${products} products · ${connections} connections · ${duration} s per page · ${new Date().toISOString().slice(0, 10)}`,
      "",
      "| page | req/s | p50 (ms) | p99 (ms) | vs. static | errors |",
      "| --- | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${(r.rps / baseline).toFixed(2)} | ${r.errors} |`),
    ].join("\n");
    console.log(`\n${table}\n`);
    mkdirSync("bench/results", { recursive: true });
    writeFileSync(`bench/results/storefront-${products}.md`, table + "\n");
  } finally {
    await web.stop();
    await database.drop();
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
