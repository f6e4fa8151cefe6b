// npm run bench:checkout -- [--shoppers 50] [--orders 3000] [--pool 8] [--profile]
// Checkout throughput: N concurrent shoppers, each with their own basket (2–4 lines, one of them
// weighed), place orders through `startCheckout` (the real stripe SDK against the Stripe test
// server, run as a child process), then through `placeOrder` alone. Fresh database; stock and
// slot capacity large enough that no order is refused. Prints a Markdown table (with the CPU time
// per order of each process) and writes bench/results/checkout.md.
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { createDatabase } from "../db/client";
import { placeOrder } from "../db/queries/checkout";
import * as schema from "../db/schema";
import { startCheckout } from "../lib/checkout/start-checkout";
import { createStripe } from "../lib/payments/stripe";
import { typescript, waitForUrl } from "../scripts/lib/processes";
import { cpuMeter } from "./lib/cpu";
import { createBenchDatabase, percentiles, prepareShoppers, type Shopper } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    shoppers: { type: "string", default: "50" },
    orders: { type: "string", default: "3000" },
    pool: { type: "string", default: "8" },
    profile: { type: "boolean", default: false },
  },
});
const shoppers = Number(values.shoppers);
const ordersPerPhase = Number(values.orders);
const poolSize = Number(values.pool);
const STRIPE_PORT = 12_190;
const WEBHOOK_SECRET = "whsec_bench_checkout";
const PUBLIC_URL = "http://127.0.0.1:3000";

type Phase = { name: string; orders: number; perSecond: number; p50: number; p99: number; refused: number; cpu: Record<string, number> };

/** Runs `work` for every shopper, `concurrency` at a time. */
async function drive(name: string, list: Shopper[], concurrency: number, work: (s: Shopper) => Promise<boolean>, meter?: ReturnType<typeof cpuMeter>): Promise<Phase> {
  const latencies: number[] = [];
  let refused = 0;
  let next = 0;
  const before = await meter?.sample();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < list.length) {
        const shopper = list[next++];
        const t0 = performance.now();
        if (!(await work(shopper))) refused++;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await meter?.sample();
  const orders = list.length - refused;
  return {
    name,
    orders,
    perSecond: orders / seconds,
    ...percentiles(latencies),
    refused,
    cpu: before && after ? meter!.perUnit(before, after, list.length) : {},
  };
}

async function main() {
  const database = await createBenchDatabase();
  // Its request log is not wanted here: stdout is dropped.
  const stripeServer = spawn(process.execPath, typescript("tools/stripe-test-server/cli.ts"), {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, STRIPE_TEST_SERVER_PORT: String(STRIPE_PORT), STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET, STRIPE_WEBHOOK_URL: undefined },
  });
  const { db, sql: pool } = createDatabase(database.url, poolSize);
  const meter = cpuMeter(database.url, { "stripe-test-server": stripeServer.pid });
  try {
    const stripe = createStripe({
      STRIPE_SECRET_KEY: "sk_test_bench",
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: STRIPE_PORT,
      STRIPE_API_PROTOCOL: "http",
    });
    await waitForUrl(`http://127.0.0.1:${STRIPE_PORT}/`, 30_000);

    const warmup = await prepareShoppers(db, 400, "warmup");
    const forCheckout = await prepareShoppers(db, ordersPerPhase, "checkout");
    const forPlace = await prepareShoppers(db, ordersPerPhase, "place");
    await pool`vacuum analyze`;

    const checkout = async (s: Shopper) => (await startCheckout(db, stripe, { ...s, publicUrl: PUBLIC_URL })).ok;
    const place = async (s: Shopper) => (await placeOrder(db, s)).ok;
    await drive("warm-up", warmup.slice(0, 200), shoppers, checkout);
    await drive("warm-up", warmup.slice(200), shoppers, place);

    if (values.profile) {
      // One connection whose every statement is counted (BEGIN and COMMIT included).
      let statements = 0;
      const traced = postgres(database.url, { max: 1, onnotice: () => {}, debug: () => statements++ });
      const tracedDb = drizzle(traced, { schema, casing: "snake_case" });
      const [one, two] = await prepareShoppers(tracedDb, 2, "profile");
      statements = 0;
      await placeOrder(tracedDb, one);
      const perPlace = statements;
      statements = 0;
      await startCheckout(tracedDb, stripe, { ...two, publicUrl: PUBLIC_URL });
      console.log(`statements per placeOrder: ${perPlace}; per startCheckout: ${statements}`);
      await traced.end();
    }

    const phases: Phase[] = [];
    phases.push(await drive("startCheckout (placeOrder + Checkout Session + empty basket)", forCheckout, shoppers, checkout, meter));
    const inspector = values.profile ? new Session() : null;
    if (inspector) {
      inspector.connect();
      await inspector.post("Profiler.enable");
      await inspector.post("Profiler.start");
    }
    phases.push(await drive("placeOrder alone", forPlace, shoppers, place, meter));
    if (inspector) {
      const { profile } = await inspector.post("Profiler.stop");
      mkdirSync("bench/results", { recursive: true });
      writeFileSync("bench/results/checkout-place-order.cpuprofile", JSON.stringify(profile));
      inspector.disconnect();
    }

    const cpuCell = (p: Phase) =>
      Object.entries(p.cpu)
        .filter(([, ms]) => ms >= 0.05)
        .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
        .join(", ");
    const table = [
      `${shoppers} concurrent shoppers · ${ordersPerPhase} orders per row · pool ${poolSize} · ${cpus().length} cores · ${new Date().toISOString().slice(0, 10)}`,
      "",
      "| path | orders/s | p50 (ms) | p99 (ms) | refused | CPU ms per order |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      ...phases.map((p) => `| ${p.name} | ${p.perSecond.toFixed(0)} | ${p.p50.toFixed(1)} | ${p.p99.toFixed(1)} | ${p.refused} | ${cpuCell(p)} |`),
    ].join("\n");
    console.log(`\n${table}\n`);
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/checkout.md", table + "\n");
  } finally {
    await meter.close();
    await pool.end({ timeout: 5 });
    stripeServer.kill("SIGTERM");
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error("bench failed:", error);
  process.exit(1);
});
