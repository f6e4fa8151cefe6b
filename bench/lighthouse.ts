// npm run bench:lighthouse -- [--runs 5] [--skip-build] [--port 3900] [--against <app directory>] [--floor]
// Lighthouse on a phone: the production build (`next start`, demo mode as `npm start` runs it) on a
// fresh database with the demo catalog; Lighthouse's default mobile form factor and simulated
// throttling (slow 4G, 4× CPU slowdown), in Debian's headless Chromium. The home page, a category
// and a product page are each measured `--runs` times after one warm-up load; the table gives
// each figure's median. Every report is kept in bench/results/lighthouse/ (open one in the
// Lighthouse viewer for its treemap and diagnostics); the table goes to bench/results/lighthouse.md.
// --against: another checkout with its own production build (e.g. a worktree of main, built the
// same way, with node_modules linked): served beside this one on port+1, both measured turn about.
// --floor: also a blank Next.js app (bench/floor/), built in a temporary folder and measured turn
// about on the next free port: the most a page on this framework scores on this machine.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import type { Result } from "lighthouse";
import { localAuthSecret } from "../scripts/lib/auth-secret";
import { NEXT_BIN, run, startService, waitForUrl, WEB_PRELOAD, type Service } from "../scripts/lib/processes";
import { createBenchDatabase } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "5" },
    port: { type: "string", default: "3900" },
    "skip-build": { type: "boolean", default: false },
    against: { type: "string" },
    floor: { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const port = Number(values.port);
const base = `http://127.0.0.1:${port}`;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RESULTS = "bench/results/lighthouse";

const PAGES = [
  { name: "home", path: "/" },
  { name: "category", path: "/c/pantry" },
  { name: "product", path: "/p/bananas" },
];

type Figures = { score: number; lcp: number; tbt: number; cls: number; fcp: number; si: number; jsKb: number };

/** The figures of one report: score 0–100, times in ms, transferred JavaScript in kB. */
function figuresOf(lhr: Result): Figures {
  const numeric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (typeof value !== "number") throw new Error(`the report has no ${id}`);
    return value;
  };
  const requests = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
  const jsBytes = requests.filter((r) => r.resourceType === "Script").reduce((sum, r) => sum + (r.transferSize ?? 0), 0);
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    lcp: numeric("largest-contentful-paint"),
    tbt: numeric("total-blocking-time"),
    cls: numeric("cumulative-layout-shift"),
    fcp: numeric("first-contentful-paint"),
    si: numeric("speed-index"),
    jsKb: jsBytes / 1000,
  };
}

/**
 * One Lighthouse run in a fresh headless Chromium; a run whose trace Chromium failed to record
 * (NO_NAVSTART, NO_FCP on a busy machine) is tried again.
 */
async function audit(url: string, attempts = 3): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    const browser = await launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    try {
      const result = await lighthouse(url, { port: browser.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { runtimeError } = result.lhr;
      if (!runtimeError) return result.lhr;
      if (attempt >= attempts) throw new Error(`Lighthouse on ${url}: ${runtimeError.message}`);
      console.warn(`Lighthouse on ${url}: ${runtimeError.code}, trying again`);
    } finally {
      browser.kill();
    }
  }
}

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * bench/floor/ built in a folder of its own, outside this project (Next.js would otherwise pick up
 * the project's proxy.ts and instrumentation.ts), with node_modules hard-linked in: Turbopack does
 * not follow a symbolic link out of its root. Built from inside that folder, or the prerender
 * loads a second React. Removed when the process ends.
 */
async function buildFloor(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "halles-floor-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  cpSync("bench/floor", dir, { recursive: true });
  await run("cp", ["-al", "node_modules", join(dir, "node_modules")], env);
  await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env, { cwd: dir });
  return dir;
}

async function main() {
  const database = await createBenchDatabase();
  const services: Service[] = [];
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      for (const service of services.reverse()) await service.stop();
      await database.drop();
    })());
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  try {
    const env = { DATABASE_URL: database.url, NODE_ENV: "production", HALLES_MODE: "demo", AUTH_SECRET: localAuthSecret(), LOG_LEVEL: "warn" };
    // One build at a time on this machine.
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);
    // This checkout's build, and the one to compare it with: measured turn about, so that both see the same machine.
    const builds = [{ name: values.against || values.floor ? "this build" : "", dir: ".", base }];
    if (values.against) builds.push({ name: values.against, dir: values.against, base: `http://127.0.0.1:${port + builds.length}` });
    if (values.floor) builds.push({ name: "blank Next.js page", dir: await buildFloor(env), base: `http://127.0.0.1:${port + builds.length}` });
    for (const build of builds) {
      const web = startService("web", process.execPath, [...WEB_PRELOAD, NEXT_BIN, "start", build.dir, "-p", new URL(build.base).port], { ...env, PUBLIC_URL: build.base });
      services.push(web);
      await waitForUrl(`${build.base}/api/health/ready`, 60_000, web);
      // The first render of a page can take seconds on a busy machine: not in Lighthouse's trace.
      for (const page of PAGES) await fetch(build.base + page.path).then((r) => r.text());
    }

    mkdirSync(RESULTS, { recursive: true });
    const conditions = `${cpus().length} cores (${cpus()[0]?.model.trim()}), load average ${loadavg().map((l) => l.toFixed(1)).join(" / ")} at the start`;
    console.log(conditions);

    const rows = builds.flatMap((build) => PAGES.map((page) => ({ ...page, build, figures: [] as Figures[], benchmarkIndex: [] as number[] })));
    let version = "";
    // Run 0 is a warm-up that fills Next.js's cache for each page and this store; it is not counted.
    for (let i = 0; i <= runs; i++) {
      for (const row of rows) {
        const lhr = await audit(row.build.base + row.path);
        version = lhr.lighthouseVersion;
        if (i === 0) continue;
        const label = `${row.build.name ? `${row.build.name}: ` : ""}${row.name}`;
        writeFileSync(`${RESULTS}/${label.replace(/[^a-z0-9]+/gi, "-")}-${i}.json`, JSON.stringify(lhr));
        const figures = figuresOf(lhr);
        row.figures.push(figures);
        row.benchmarkIndex.push(lhr.environment.benchmarkIndex);
        console.log(`${label} #${i}: ${figures.score} · LCP ${seconds(figures.lcp)} s · TBT ${Math.round(figures.tbt)} ms · CLS ${figures.cls.toFixed(3)} · JS ${figures.jsKb.toFixed(0)} kB`);
      }
    }

    const m = (row: (typeof rows)[number], key: keyof Figures) => median(row.figures.map((f) => f[key]));
    const name = (row: (typeof rows)[number]) => `${row.build.name ? `${row.build.name}: ` : ""}${row.name} (\`${row.path}\`)`;
    const table = [
      `Lighthouse ${version}, mobile (simulated throttling) · median of ${runs} runs · ${new Date().toISOString().slice(0, 16)}Z · ${conditions}`,
      "",
      "| page | score | LCP (s) | TBT (ms) | CLS | FCP (s) | Speed Index (s) | JS transferred (kB) | benchmark index |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map(
        (r) =>
          `| ${name(r)} | ${m(r, "score")} | ${seconds(m(r, "lcp"))} | ${Math.round(m(r, "tbt"))} | ${m(r, "cls").toFixed(3)} | ${seconds(m(r, "fcp"))} | ${seconds(m(r, "si"))} | ${m(r, "jsKb").toFixed(0)} | ${Math.round(median(r.benchmarkIndex))} |`,
      ),
      "",
      `Scores per run: ${rows.map((r) => `${r.build.name ? `${r.build.name} ` : ""}${r.name} ${r.figures.map((f) => f.score).join(", ")}`).join(" · ")}`,
    ].join("\n");
    console.log(`\n${table}\n`);
    writeFileSync("bench/results/lighthouse.md", table + "\n");
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
