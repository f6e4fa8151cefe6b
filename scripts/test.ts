// npm test — the whole suite, as CI runs it: typecheck, lint and unit tests; then the integration
// tests while the end-to-end tests' production build is made beside them (the fault drills spend
// minutes waiting on the clock); then Playwright against that build. The build's output goes to
// .data/e2e-build.log and is shown if it fails. E2E_SKIP_BUILD=1 reuses an existing build.
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { run } from "./lib/processes";

const BUILD_LOG = ".data/e2e-build.log";

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

async function main(): Promise<void> {
  for (const script of ["typecheck", "lint", "test:unit"]) await run("npm", ["run", script]);
  const skipBuild = process.env.E2E_SKIP_BUILD === "1";
  const build = skipBuild ? Promise.resolve(0) : runQuietly("test:e2e", { E2E_BUILD_ONLY: "1" }, BUILD_LOG);
  const integration = run("npm", ["run", "test:integration"]).then(
    () => null,
    (error: unknown) => error,
  );
  const [built, integrationError] = await Promise.all([build, integration]);
  if (built !== 0) {
    console.error(`The production build failed:\n${readFileSync(BUILD_LOG, "utf8")}`);
    process.exit(1);
  }
  if (!skipBuild) console.log(`The production build for the end-to-end tests is made (its output: ${BUILD_LOG}).`);
  if (integrationError) throw integrationError;
  await run("npm", ["run", "test:e2e"], { E2E_SKIP_BUILD: "1" });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
