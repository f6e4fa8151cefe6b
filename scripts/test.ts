// npm test — the whole suite, as CI runs it, in two stages that overlap what waits with what works:
//   1. typecheck (before the build, which empties .next where `next typegen` writes), then lint and
//      unit tests while the end-to-end tests' production build is made;
//   2. Playwright against that build, while the integration tests run, each on a database of its
//      own (the fault drills and worker tests spend most of their minutes waiting on clocks and
//      processes). The drills stay in the integration run: run beside it as well, they and its
//      workers took more connections than the server's 100, and a restart drill more time.
//      Both suites share those 100: the e2e stack's pools hold 4 each (scripts/e2e.ts), and the
//      tests that start stacks of their own take turns (takeStackTurn in scripts/lib/postgres.ts);
//      the peak measured with both suites running is in README.md.
// The output of the build and of both suites goes to .data/ and is shown once its stage ends (the
// build's only if it fails), a failing suite's last: CI keeps the end of the output, which then
// names what failed. E2E_SKIP_BUILD=1 reuses an existing build.
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { testServerUrl } from "./lib/postgres";
import { run } from "./lib/processes";

const BUILD_LOG = ".data/e2e-build.log";
const INTEGRATION_LOG = ".data/integration.log";
const E2E_LOG = ".data/e2e.log";

/** `npm run <script>` with its output in a file; resolves with the exit code. */
function runQuietly(script: string, env: Record<string, string>, logFile: string): Promise<number> {
  mkdirSync(".data", { recursive: true });
  const log = createWriteStream(logFile);
  return new Promise((resolve) => {
    const child = spawn("npm", ["run", script], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    child.on("error", () => resolve(1));
    child.on("close", (code) => log.end(() => resolve(code ?? 1)));
  });
}

/** Resolves with the error instead of rejecting, so that a stage waits for all its parts. */
const settle = (work: Promise<void>) => work.then(() => null, (error: unknown) => error);

async function main(): Promise<void> {
  await run("npm", ["run", "typecheck"]);
  const skipBuild = process.env.E2E_SKIP_BUILD === "1";
  const build = skipBuild ? Promise.resolve(0) : runQuietly("test:e2e", { E2E_BUILD_ONLY: "1" }, BUILD_LOG);
  const checks = settle(
    (async () => {
      for (const script of ["lint", "test:unit"]) await run("npm", ["run", script]);
    })(),
  );
  const [built, checksError] = await Promise.all([build, checks]);
  if (built !== 0) {
    console.error(`The production build failed:\n${readFileSync(BUILD_LOG, "utf8")}`);
    process.exit(1);
  }
  if (checksError) throw checksError;
  if (!skipBuild) console.log(`The production build for the end-to-end tests is made (its output: ${BUILD_LOG}).`);

  const suites = [
    { name: "integration", script: "test:integration", log: INTEGRATION_LOG },
    { name: "end-to-end", script: "test:e2e", log: E2E_LOG },
  ];
  console.log(`The integration and end-to-end tests run side by side; their output follows (and is in ${suites.map((s) => s.log).join(" and ")}).`);
  // One server for both (each makes its own database on it): without DATABASE_URL, the embedded
  // PostgreSQL each would start takes the same port.
  const server = await testServerUrl();
  const env = { E2E_SKIP_BUILD: "1", DATABASE_URL: server.url };
  const results = await Promise.all(suites.map(async (suite) => ({ ...suite, code: await runQuietly(suite.script, env, suite.log) })));
  await server.stop();
  results.sort((a, b) => Number(a.code !== 0) - Number(b.code !== 0));
  for (const { name, log } of results) console.log(`\n--- ${name} tests (${log}) ---\n${readFileSync(log, "utf8")}`);
  const failed = results.filter(({ code }) => code !== 0);
  if (failed.length > 0) throw new Error(failed.map(({ script, code }) => `npm run ${script} failed (exit ${code})`).join("; "));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
