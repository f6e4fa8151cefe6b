// npm run bench:blue-green -- [--duration 60] [--connections 50] [--skip-build]
// Blue-green under load (issue 9, "What it must show" 1): the production build bundled once
// (scripts/bundle.ts) and deployed as release bench-a with `npm run deploy`, a real nginx in front
// (deploy/nginx/), on a fresh seeded database. autocannon then loads the gateway for `duration`
// seconds at `connections` connections with a mix of cached pages and requests that reach the web
// instances (liveness, REST v1, the basket summary, a page past the cache), and a third of the
// way in deploys the same bundle again as release bench-b (HALLES_VERSION differs: /api/health
// says which release answers). A second run rolls back (`npm run rollback`) in the same way. Each
// run must end with 0 non-2xx answers, errors and timeouts. Writes bench/results/blue-green.md.
import { spawn } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { stopGatewayDaemon } from "../deploy/nginx/gateway";
import { LOCAL_STRIPE } from "../scripts/lib/stack";
import { bundle } from "../scripts/bundle";
import { localAuthSecret, localServerActionsKey } from "../scripts/lib/auth-secret";
import { COLOURS, readState } from "../scripts/lib/blue-green";
import { groupAlive, run } from "../scripts/lib/processes";
import { colourProcesses, stopColour } from "../scripts/lib/release-stack";
import { answeringRelease } from "../scripts/lib/smoke-check";
import { createBenchDatabase } from "./lib/shoppers";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "60" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const GATEWAY_PORT = 3600;
const PORT_BASE = 3610; // blue 3610–3614, green 3620–3624
const gatewayUrl = `http://127.0.0.1:${GATEWAY_PORT}`;
const host = `127.0.0.1:${GATEWAY_PORT}`;

/**
 * Cached pages, and requests the gateway passes to the web instance every time. Not readiness: it
 * answers 503 by design when the database takes over 3 s, which a machine at load 15 makes it do.
 */
const MIX = [
  { path: "/", via: "cache" },
  { path: "/api/health", via: "web" },
  { path: "/p/bananas", via: "cache" },
  { path: "/api/v1/products?limit=5", via: "web" },
  { path: "/api/storefront/basket", via: "web" },
  { path: "/c/pantry?_rsc=bench", via: "web" }, // an _rsc parameter bypasses the page cache
];

type Run = {
  action: string;
  total: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statuses: string;
  actionSeconds: number;
  versions: string;
  oldProcessesLeft: number;
  load: [number, number];
  /** The gateway's access log over the run: answers by status and cache status ("200 HIT"). */
  gatewayLog: string;
  /** nginx's error log over the run: its error and critical lines (an upstream that failed, a retry). */
  gatewayErrors: string[];
};

/**
 * Answers by status and cache status in the gateway's access log from byte `offset` on. A 499 is
 * a request the client gave up: those logged in the second autocannon stopped (`endedAt`) are the
 * requests it had in flight then, and are counted apart.
 */
function accessLogSince(file: string, offset: number, endedAt: number): string {
  const counts: Record<string, number> = {};
  const lines = readFileSync(file).subarray(offset).toString("utf8").matchAll(/\[(\d+)\/(\w+)\/(\d+):(\d+:\d+:\d+) ([+-]\d{4})\] "[^"]*" (\d{3}) .* cache=(\S*) /g);
  for (const [, day, month, year, time, zone, status, cache] of lines) {
    const at = Date.parse(`${day} ${month} ${year} ${time} ${zone}`);
    const key = status === "499" && at >= Math.floor(endedAt / 1000) * 1000 - 1000 ? "499 (in flight when autocannon stopped)" : `${status} ${cache || "-"}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return Object.entries(counts).sort((x, y) => y[1] - x[1]).map(([key, count]) => `${key} ${count}`).join(", ");
}

/** `npm run deploy|rollback` as an operator runs it, its output prefixed; resolves with its exit code. */
function script(name: "deploy" | "rollback", args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    const began = performance.now();
    // Each line with the seconds since the command started, to line up with the failures' times.
    const echo = (chunk: Buffer) => process.stdout.write(chunk.toString().replace(/^(?=.)/gm, () => `  | +${((performance.now() - began) / 1000).toFixed(1)} s `));
    child.stdout.on("data", echo);
    child.stderr.on("data", echo);
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

/** Which release answers /api/health through the gateway, every 250 ms on a new connection: the changes, in order. */
function watchVersions(): { stop: () => Promise<string[]> } {
  const seen: string[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const version = await answeringRelease(gatewayUrl, host).catch((error: Error) => `error: ${error.message}`);
      if (seen.at(-1) !== version) seen.push(String(version));
      await sleep(250);
    }
  })();
  return { stop: async () => ((running = false), await done, seen) };
}

async function underLoad(action: string, releasesDir: string, work: () => Promise<number>): Promise<Run> {
  const before = readState(releasesDir)!;
  const accessLog = path.join(before.gateway.dir, "access.log");
  await sleep(1_500); // the access log is flushed every second
  const logOffset = statSync(accessLog).size;
  const errorLog = path.join(before.gateway.dir, "error.log");
  const errorOffset = statSync(errorLog).size;
  const oldPids = colourProcesses(releasesDir, before.live.colour).map((p) => p.pid);
  const load0 = loadavg()[0];
  const versions = watchVersions();
  const statuses: Record<string, number> = {};
  /** When each failed request was counted, in seconds since the deploy or rollback started. */
  const failedAt: string[] = [];
  let actionStarted: number | null = null;
  const cannon = new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: gatewayUrl, connections, duration, requests: MIX.map(({ path: p }) => ({ method: "GET", path: p })) }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    instance.on("response", (_client, status) => void (statuses[status] = (statuses[status] ?? 0) + 1));
    instance.on("reqError", (error: NodeJS.ErrnoException) => {
      const kind = error.code ?? error.message ?? String(error);
      statuses[kind] = (statuses[kind] ?? 0) + 1;
      failedAt.push(actionStarted === null ? "before" : `+${((performance.now() - actionStarted) / 1000).toFixed(1)} s`);
    });
  });
  await sleep((duration * 1000) / 3);
  actionStarted = performance.now();
  const code = await work();
  const actionSeconds = (performance.now() - actionStarted) / 1000;
  if (code !== 0) throw new Error(`${action} failed (exit ${code})`);
  const result = await cannon;
  const endedAt = Date.now();
  const seen = await versions.stop();
  await sleep(1_500);
  const row: Run = {
    action,
    total: result.requests.total,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses: Object.entries(statuses).map(([status, count]) => `${status}: ${count}`).join(", "),
    actionSeconds,
    versions: seen.join(" → "),
    oldProcessesLeft: oldPids.filter(groupAlive).length,
    load: [load0, loadavg()[0]],
    gatewayLog: accessLogSince(accessLog, logOffset, endedAt),
    gatewayErrors: readFileSync(errorLog).subarray(errorOffset).toString("utf8").split("\n").filter((line) => /\[(?:error|crit|alert|emerg)\]/.test(line)),
  };
  console.log(row);
  if (failedAt.length > 0) console.log(`Failed requests counted at: ${failedAt.join(", ")} (since the ${action} started)`);
  return row;
}

async function main() {
  const work = mkdtempSync(path.join(tmpdir(), "halles-bench-blue-green-"));
  chmodSync(work, 0o755); // nginx's workers (nobody) reach the gateway's cache through it
  const releasesDir = path.join(work, "releases");
  const gatewayDir = path.join(work, "gateway");
  const database = await createBenchDatabase();
  const authSecret = localAuthSecret();
  // The services' environment, as an operator's shell would hold it. No order is placed, so the
  // Stripe key and SMTP address are never used (nothing listens on port 9).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    PUBLIC_URL: gatewayUrl,
    NODE_ENV: "production",
    HALLES_MODE: "demo",
    AUTH_SECRET: authSecret,
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: localServerActionsKey(authSecret),
    STRIPE_SECRET_KEY: LOCAL_STRIPE.secretKey,
    STRIPE_WEBHOOK_SECRET: LOCAL_STRIPE.webhookSecret,
    SMTP_URL: "smtp://127.0.0.1:9",
    MAIL_FROM: "Halles <orders@example.com>",
    MEDIA_DIR: path.join(work, "media"),
    LOG_LEVEL: "warn",
  };
  const common = ["--releases-dir", releasesDir];
  const runs: Run[] = [];
  try {
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);
    await bundle(["web", "order-worker", "notification-worker", "scheduler"], path.join(work, "bundle"));
    const bundleDir = path.join(work, "bundle");
    if ((await script("deploy", [bundleDir, "--release", "bench-a", "--gateway-port", String(GATEWAY_PORT), "--gateway-dir", gatewayDir, "--port-base", String(PORT_BASE), ...common], env)) !== 0) {
      throw new Error("the first deploy failed");
    }
    for (const { path: p } of MIX) await (await fetch(gatewayUrl + p)).arrayBuffer(); // warm the gateway's page cache
    runs.push(await underLoad("deploy bench-b", releasesDir, () => script("deploy", [bundleDir, "--release", "bench-b", ...common], env)));
    runs.push(await underLoad("rollback to bench-a", releasesDir, () => script("rollback", common, env)));
  } finally {
    for (const colour of COLOURS) await stopColour(releasesDir, colour).catch(() => []);
    await stopGatewayDaemon(gatewayDir).catch((error: Error) => console.error(error.message));
    await database.drop();
    if (process.env.BENCH_KEEP_DIR) console.log(`Releases and gateway kept in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const table = [
    `${new Date().toISOString().slice(0, 10)} · ${availableParallelism()} cores shared by autocannon, nginx, both stacks and PostgreSQL · ${connections} connections · ${duration} s per run`,
    "",
    "| run | requests | req/s | p50 (ms) | p99 (ms) | max (ms) | non-2xx | errors | timeouts | deploy or rollback took (s) | releases answering /api/health | old stack's processes left | load average before → after |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |",
    ...runs.map(
      (r) =>
        `| ${r.action} | ${r.total} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.max} | ${r.non2xx} | ${r.errors} | ${r.timeouts} | ${r.actionSeconds.toFixed(1)} | ${r.versions} | ${r.oldProcessesLeft} | ${r.load[0].toFixed(1)} → ${r.load[1].toFixed(1)} |`,
    ),
    "",
    ...runs.map(
      (r) =>
        `During "${r.action}": autocannon saw ${r.statuses}; the gateway logged ${r.gatewayLog}; nginx's error log has ${r.gatewayErrors.length} error lines${r.gatewayErrors.length > 0 ? `:\n${r.gatewayErrors.slice(0, 5).join("\n")}` : ""}.`,
    ),
  ].join("\n");
  console.log(`\n${table}\n`);
  mkdirSync("bench/results", { recursive: true });
  writeFileSync("bench/results/blue-green.md", table + "\n");
  const failed = runs.filter((r) => r.non2xx + r.errors + r.timeouts > 0 || r.oldProcessesLeft > 0);
  if (failed.length > 0) {
    console.error(`Failed: ${failed.map((r) => r.action).join(", ")}`);
    process.exitCode = 1;
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
