// npm run bench:gateway -- [--duration 10] [--connections 50] [--client wrk|autocannon] [--port 3430] [--skip-build]
// Cached catalog pages through the gateway (issue 9): the production build on the seeded demo
// catalog, with nginx from deploy/nginx/ in front (deploy/nginx/gateway.ts, as in production but
// on local ports). wrk (Debian's package, the default where installed) or autocannon loads home, a category and a product through Next.js alone and
// through nginx, and a static file through both, in one run, each request sent as a browser
// would (Accept-Encoding: gzip, deflate, br). Prints a Markdown table and writes
// bench/results/gateway.md. Goal: pages through nginx ≥ 0.8 of the static file's throughput through
// nginx, with p99 under 50 ms. A build script of the pages' size, through nginx too, separates
// what the bytes cost from what the cache costs.
import { get } from "node:http";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startGateway, type Gateway } from "../deploy/nginx/gateway";
import { localAuthSecret } from "../scripts/lib/auth-secret";
import { NEXT_BIN, run, startService, waitForUrl, WEB_PRELOAD, type Service } from "../scripts/lib/processes";
import { groupSeconds } from "./lib/cpu";
import { assertPortsFree } from "../lib/net/port-in-use";
import { createBenchDatabase } from "./lib/shoppers";
import { hasWrk, runWrk } from "./lib/wrk";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    port: { type: "string", default: "3430" },
    connections: { type: "string", default: "50" },
    "skip-build": { type: "boolean", default: false },
    // autocannon decodes every body on the same two cores: for gzipped pages it spends 3–5× what nginx does.
    client: { type: "string", default: hasWrk() ? "wrk" : "autocannon" },
  },
});
if (values.client !== "wrk" && values.client !== "autocannon") throw new Error("--client is wrk or autocannon");
const duration = Number(values.duration);
const connections = Number(values.connections);
const webPort = Number(values.port); // nginx on the next one
const web = `http://127.0.0.1:${webPort}`;
const BROWSER_HEADERS = { "accept-encoding": "gzip, deflate, br", accept: "text/html,*/*" };

const PAGES = [
  { name: "home", path: "/" },
  { name: "category", path: "/c/pantry" },
  { name: "product", path: "/p/bananas" },
];
const STATIC = { name: "static file", path: "/logo.svg" };

type Row = { name: string; via: string; rps: number; p50: number; p99: number; errors: number; kb: number; serverUs: number; clientUs: number };

const ownCpuSeconds = () => (process.cpuUsage().user + process.cpuUsage().system) / 1e6;

type Target = { name: string; path: string; headers?: Record<string, string> };

type Measured = Omit<Row, "name" | "via" | "serverUs" | "clientUs"> & { requests: number; clientSeconds: number };

async function withAutocannon(url: string, headers: Record<string, string>): Promise<Measured> {
  const client0 = ownCpuSeconds();
  const result = await autocannon({ url, connections, duration, headers });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    kb: result.throughput.average / Math.max(result.requests.average, 1) / 1024,
    requests: result.requests.total,
    clientSeconds: ownCpuSeconds() - client0,
  };
}

async function withWrk(url: string, headers: Record<string, string>): Promise<Measured> {
  const result = await runWrk({ url, connections, durationSeconds: duration, threads: availableParallelism(), headers });
  return { ...result, kb: result.bytes / Math.max(result.requests, 1) / 1024, clientSeconds: result.cpuSeconds };
}

async function load(base: string, via: string, target: Target, server: number): Promise<Row> {
  const server0 = groupSeconds(server);
  const measure = values.client === "wrk" ? withWrk : withAutocannon;
  const { requests: total, clientSeconds, ...result } = await measure(base + target.path, target.headers ?? BROWSER_HEADERS);
  const requests = Math.max(total, 1);
  const row = {
    name: target.name,
    via,
    ...result,
    // CPU per answer: the server's (nginx, or Next.js), and the load generator's, which shares the cores.
    serverUs: ((groupSeconds(server) - server0) * 1e6) / requests,
    clientUs: (clientSeconds * 1e6) / requests,
  };
  console.log(`${via} ${target.name}: ${row.rps} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.errors} errors`);
  return row;
}

/** Answers by status and cache status ("200 HIT"), from the gateway's access log. */
function cacheStatuses(gateway: Gateway): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, status, cache] of readFileSync(path.join(gateway.dir, "access.log"), "utf8").matchAll(/" (\d{3}) .* cache=(\S*) /g)) {
    const key = `${status} ${cache || "-"}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function main() {
  const database = await createBenchDatabase();
  const services: Service[] = [];
  let gateway: Gateway | undefined;
  const dir = mkdtempSync(path.join(tmpdir(), "halles-bench-gateway-"));
  try {
    // The app is told it is served at its own address, and the gateway passes that Host on (as
    // the end-to-end test does), so that both ways in reach the same pages without a redirect.
    const env = { DATABASE_URL: database.url, PUBLIC_URL: web, NODE_ENV: "production" as const, HALLES_MODE: "demo", AUTH_SECRET: localAuthSecret(), LOG_LEVEL: "warn" };
    // A run that died may have left its servers on these ports: measuring them would be wrong.
    await assertPortsFree([
      { port: webPort, purpose: "the bench's web server", variable: "--port" },
      { port: webPort + 1, purpose: "the bench's nginx", variable: "--port (nginx takes the next one)" },
    ]);
    if (!values["skip-build"]) await run("flock", ["/tmp/halles-build.lock", "npx", "next", "build"], env);
    const server = startService("web", process.execPath, [...WEB_PRELOAD, NEXT_BIN, "start", "-p", String(webPort)], env);
    services.push(server);
    await waitForUrl(`${web}/api/health/ready`, 60_000, server);
    gateway = await startGateway({ dir, port: webPort + 1, upstreams: [`127.0.0.1:${webPort}`], upstreamHost: `127.0.0.1:${webPort}` });
    // Warm both: Next.js's own cache, then the gateway's.
    for (const target of [...PAGES, STATIC]) {
      for (const base of [web, gateway.url]) {
        const response = await fetch(base + target.path, { headers: BROWSER_HEADERS });
        await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${base}${target.path} answered ${response.status}`);
      }
    }
    // A second baseline of the pages' own size: the build's script closest in size to the product
    // page as sent (gzipped), asked for uncompressed, so that nginx only copies it as it does a page.
    const sizeOf = (url: string, encoding: string) =>
      new Promise<number>((resolve, reject) => {
        // node:http, not fetch: fetch would count the bytes unpacked.
        get(url, { headers: { "accept-encoding": encoding } }, (response) => {
          let bytes = 0;
          response.on("data", (chunk: Buffer) => (bytes += chunk.length)).on("end", () => resolve(bytes));
        }).on("error", reject);
      });
    const productBytes = await sizeOf(gateway.url + "/p/bananas", "gzip");
    const html = await (await fetch(gateway.url + "/p/bananas")).text();
    const scripts = [...new Set(html.match(/\/_next\/static\/[^"]+\.js/g) ?? [])];
    const sized = await Promise.all(scripts.map(async (script) => ({ script, bytes: await sizeOf(gateway!.url + script, "identity") })));
    const closest = sized.sort((a, b) => Math.abs(a.bytes - productBytes) - Math.abs(b.bytes - productBytes))[0];
    const sameSize: Target = { name: `build script of ${(closest.bytes / 1024).toFixed(0)} kB, uncompressed`, path: closest.script, headers: { "accept-encoding": "identity" } };
    const load0 = loadavg()[0];
    const rows: Row[] = [];
    const nginx = gateway.pid;
    const next = server.child.pid!;
    rows.push(await load(gateway.url, "nginx", STATIC, nginx));
    rows.push(await load(gateway.url, "nginx", sameSize, nginx));
    for (const page of PAGES) rows.push(await load(gateway.url, "nginx", page, nginx));
    rows.push(await load(web, "Next.js alone", STATIC, next));
    for (const page of PAGES) rows.push(await load(web, "Next.js alone", page, next));
    const load1 = loadavg()[0];
    const statuses = cacheStatuses(gateway);

    const baseline = rows[0].rps;
    const table = [
      `${new Date().toISOString().slice(0, 10)} · ${availableParallelism()} cores shared by ${values.client}, nginx, Next.js and PostgreSQL · ${connections} connections · ${duration} s per row · load average ${load0.toFixed(1)} before, ${load1.toFixed(1)} after`,
      "",
      `| target | through | req/s | p50 (ms) | p99 (ms) | vs. static file through nginx | kB per answer | server CPU µs per answer | ${values.client} CPU µs per answer | errors |`,
      "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ...rows.map(
        (r) =>
          `| ${r.name} | ${r.via} | ${r.rps} | ${r.p50} | ${r.p99} | ${(r.rps / baseline).toFixed(2)} | ${r.kb.toFixed(1)} | ${Math.round(r.serverUs)} | ${Math.round(r.clientUs)} | ${r.errors} |`,
      ),
      "",
      `Gateway cache statuses over the run: ${Object.entries(statuses).map(([status, count]) => `${status} ${count}`).join(", ")}`,
    ].join("\n");
    console.log(`\n${table}\n`);
    mkdirSync("bench/results", { recursive: true });
    writeFileSync("bench/results/gateway.md", table + "\n");
  } finally {
    await gateway?.stop();
    for (const service of services.reverse()) await service.stop();
    await database.drop();
    if (process.env.BENCH_KEEP_GATEWAY) console.log(`Gateway files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
