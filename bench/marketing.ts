// npm run bench:marketing -- [--duration 30] [--connections 50] [--skip-build]
// Storefront throughput while a marketer publishes a price every second (issue 8 item 7): cached
// pages (home, the repriced product, its category, another product) are loaded by autocannon
// first without edits, then while a signed-in marketer posts the back office's store-price action
// (the real server action, as the browser sends it) once a second, alternating two prices. Each
// publish is followed until the product page shows the new price. Prints a Markdown table and
// writes bench/results/marketing.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { and, asc, eq } from "drizzle-orm";
import { createUser } from "../db/queries/users";
import { createDatabase } from "../db/client";
import { getDefaultStore } from "../db/queries/stores";
import { categories, products, productVariants } from "../db/schema";
import { PASSWORD } from "../e2e/helpers";
import { CookieJar, send } from "../e2e/fuzz/client";
import { findServerActions } from "../e2e/fuzz/surface";
import { hashPassword } from "../lib/auth/password";
import { formatCents } from "../lib/catalog/pricing";
import { localAuthSecret } from "../scripts/lib/auth-secret";
import { NEXT_BIN, run, startService, waitForUrl, WEB_PRELOAD, type Service } from "../scripts/lib/processes";
import { signIn } from "./lib/http-load";
import { createBenchDatabase, percentiles } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "30" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const port = 3300;
const base = `http://127.0.0.1:${port}`;
const PRICE_ACTION = "lib/backoffice/catalog-actions.ts:setStorePriceAction";

type Row = { name: string; rps: number; p50: number; p99: number; errors: number };

async function load(name: string, paths: string[]): Promise<Row> {
  let i = 0;
  const result = await autocannon({ url: base, connections, duration, requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }] });
  return { name, rps: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx };
}

/** Polls `path` until its HTML contains `text`; the seconds it took. */
async function secondsUntilShown(path: string, text: string, since: number): Promise<number> {
  for (;;) {
    const html = await fetch(base + path).then((r) => r.text());
    if (html.includes(text)) return (performance.now() - since) / 1000;
    if (performance.now() - since > 30_000) throw new Error(`${path} still does not show ${text} after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function main() {
  const database = await createBenchDatabase();
  const { db, sql: pool } = createDatabase(database.url, 2);
  const services: Service[] = [];
  try {
    const env = { DATABASE_URL: database.url, PUBLIC_URL: base, NODE_ENV: "production" as const, HALLES_MODE: "demo", AUTH_SECRET: localAuthSecret(), LOG_LEVEL: "warn" };
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);
    const web = startService("web", process.execPath, [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(port)], env);
    services.push(web);
    await waitForUrl(`${base}/api/health/ready`, 60_000, web);

    // The repriced product: the first unit-sold product with a category, in the default store.
    const store = (await getDefaultStore(db))!;
    const [target] = await db
      .select({ productId: products.id, slug: products.slug, variantId: productVariants.id, priceCents: productVariants.priceCents, category: categories.slug })
      .from(products)
      .innerJoin(productVariants, and(eq(productVariants.productId, products.id), eq(productVariants.isDefault, true), eq(productVariants.sellingMode, "unit")))
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(eq(products.active, true))
      .orderBy(asc(products.id))
      .limit(1);
    const [other] = await db.select({ slug: products.slug }).from(products).where(eq(products.active, true)).orderBy(asc(products.id)).offset(7).limit(1);
    const paths = ["/", `/p/${target.slug}`, `/c/${target.category}`, `/p/${other.slug}`];

    const action = findServerActions().find((a) => a.name === PRICE_ACTION);
    if (!action?.id) throw new Error(`${PRICE_ACTION} is not in the build's server-reference manifest`);
    const marketer = await createUser(db, { email: "bench-marketer@example.test", name: "Bench Marketer", passwordHash: await hashPassword(PASSWORD), role: "marketing" });
    const cookie = await signIn(base, marketer.email, PASSWORD);
    const jar = new CookieJar();
    const publish = async (priceCents: number) => {
      const fields: [string, string][] = [
        ["productId", String(target.productId)],
        ["variantId", String(target.variantId)],
        ["storeId", String(store.id)],
        ["intent", "set"],
        ["price", (priceCents / 100).toFixed(2)],
      ];
      const form = new FormData();
      for (const [key, value] of fields) form.set(key, value);
      const answer = await send(
        base,
        { target: PRICE_ACTION, method: "POST", url: `/admin/catalog/products/${target.productId}`, session: "customer", headers: { cookie }, action: { style: "fetch", id: action.id!, args: [{}, form] } },
        { visitor: jar, guest: jar, customer: jar },
      );
      if (answer.status !== 200 || !answer.text.includes("now charges")) throw new Error(`publishing a price answered ${answer.status}: ${answer.text.slice(0, 300)}`);
    };

    for (const path of paths) await fetch(base + path).then((r) => r.text());
    console.log(`Pages: ${paths.join(", ")}; repriced: ${target.slug} at ${store.name}`);
    await load("warm-up", paths);
    const quiet = await load("cached pages, no edits", paths);
    console.log(`${quiet.name}: ${quiet.rps} req/s, p99 ${quiet.p99} ms`);

    // The marketer: a price every second, each followed until the product page shows it.
    const freshness: number[] = [];
    const afterAnswer: number[] = [];
    const publishLatency: number[] = [];
    let publishing = true;
    const marketerLoop = (async () => {
      for (let n = 1; publishing; n++) {
        const started = performance.now();
        const priceCents = target.priceCents + (n % 2 === 0 ? 1 : 2) * 10;
        await publish(priceCents);
        const answered = performance.now();
        publishLatency.push(answered - started);
        freshness.push(await secondsUntilShown(`/p/${target.slug}`, formatCents(priceCents), started));
        afterAnswer.push(performance.now() / 1000 - answered / 1000);
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - started))));
      }
    })();
    const busy = await load("cached pages, a price published every second", paths);
    publishing = false;
    await marketerLoop;
    console.log(`${busy.name}: ${busy.rps} req/s, p99 ${busy.p99} ms`);

    const publishP = percentiles(publishLatency);
    const fresh = percentiles(freshness.map((s) => s * 1000));
    const shownAfterAnswer = percentiles(afterAnswer.map((s) => s * 1000));
    const ratio = busy.rps / quiet.rps;
    const table = [
      `Marketing bench: ${connections} connections · ${duration} s per phase · pages ${paths.join(", ")} · ${new Date().toISOString().slice(0, 10)}`,
      "",
      "| phase | req/s | p50 (ms) | p99 (ms) | errors |",
      "| --- | ---: | ---: | ---: | ---: |",
      ...[quiet, busy].map((r) => `| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} |`),
      "",
      `Throughput kept while publishing: **${(ratio * 100).toFixed(0)} %** (goal ≥ 80 %).`,
      `Prices published: ${publishLatency.length}; the action answered in p50 ${publishP.p50.toFixed(0)} ms, p99 ${publishP.p99.toFixed(0)} ms; ` +
        `the product page showed the new price p50 ${(fresh.p50 / 1000).toFixed(2)} s, max ${Math.max(...freshness).toFixed(2)} s after the click ` +
        `(p50 ${(shownAfterAnswer.p50 / 1000).toFixed(2)} s, max ${Math.max(...afterAnswer).toFixed(2)} s after the action answered) (goal ≤ 5 s).`,
    ].join("\n");
    console.log(`\n${table}\n`);
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/marketing.md", table + "\n");
  } finally {
    for (const service of services.reverse()) await service.stop();
    await pool.end();
    await database.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
