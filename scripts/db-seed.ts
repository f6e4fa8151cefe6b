// npm run db:seed [-- --products N]: seeds DATABASE_URL (or the embedded database), migrating it first.
import { parseArgs } from "node:util";
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { HANDWRITTEN_PRODUCT_COUNT, seedDatabase } from "../db/seed";
import { openDatabase } from "./database";

const MAX_PRODUCTS = 1_000_000;
const USAGE = `Usage: npm run db:seed -- [--products N]

Seeds 3 stores, the category tree, brands and the ${HANDWRITTEN_PRODUCT_COUNT} hand-written products
into DATABASE_URL (or the embedded database of npm start). With --products N (up to ${MAX_PRODUCTS.toLocaleString("en")}), synthetic products
bring the catalog to N products. Safe to run again: it updates the same rows.`;

class UsageError extends Error {}

function readOptions(argv: string[]): { products?: number; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { products: { type: "string" }, help: { type: "boolean", short: "h" } }, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { products, help = false } = parsed.values;
  if (products === undefined) return { help };
  if (!/^\d+$/.test(products) || Number(products) < 1 || Number(products) > MAX_PRODUCTS) {
    throw new UsageError(`--products must be a whole number from 1 to ${MAX_PRODUCTS}, got "${products}"`);
  }
  return { products: Number(products), help };
}

async function main(): Promise<number> {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`seed: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }

  const database = await openDatabase();
  await runMigrations(database.url);
  const { db, sql } = createDatabase(database.url, 1);
  const started = performance.now();
  try {
    const summary = await seedDatabase(db, {
      products: options.products,
      onProgress: (written, total) => {
        if (total >= 10_000 && (written % 10_000 === 0 || written === total)) console.error(`seed: ${written}/${total} products`);
      },
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Seeded ${summary.stores} stores, ${summary.categories} categories, ${summary.brands} brands, ` +
        `${summary.products} products and ${summary.variants} variants in ${seconds} s` +
        (summary.demoAccounts > 0 ? `, with the ${summary.demoAccounts} demo accounts.` : "; no demo accounts (a real deployment's database never gets them)."),
    );
    return 0;
  } finally {
    await sql.end();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`seed: failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
