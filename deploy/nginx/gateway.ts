// The gateway's configuration rendered from deploy/nginx/*.conf, and nginx started on it: for the
// tests, the bench and blue-green runs (a run folder of its own: config, pid, logs, temp, cache),
// and for production (`render` writes halles.conf, upstream.conf and route.conf for /etc/nginx).
//   node --import tsx deploy/nginx/gateway.ts --listen 8080 --upstream 127.0.0.1:3000 [--dir .data/gateway]
//   node --import tsx deploy/nginx/gateway.ts render --out /etc/nginx/halles --listen 80 --upstream 10.0.0.5:3000 …
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startService, waitForUrl, type Service } from "../../scripts/lib/processes";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const NGINX_BIN = process.env.NGINX_BIN ?? "/usr/sbin/nginx";
const MODULES_DIR = process.env.NGINX_MODULES_DIR ?? "/usr/lib/nginx/modules";

/** `host:port`, `[v6]:port` or `unix:/path`: what nginx's `server` directive takes. */
const serverAddress = z.string().regex(/^(?:unix:\/\S+|\[[0-9a-fA-F:.]+\]:\d{1,5}|[A-Za-z0-9.-]+:\d{1,5})$/, "must be host:port or unix:/path");

const optionsSchema = z
  .object({
    /** Where this gateway's files go (for `render`, only the config). */
    dir: z.string().min(1),
    /** What `listen` takes: a port, or address:port. */
    listen: z.union([z.number().int().min(1).max(65_535), z.string().regex(/^(?:\S+:)?\d{1,5}$/)]),
    /** The web instances serving now. */
    upstreams: z.array(serverAddress).min(1).optional(),
    /**
     * Instead of `upstreams`: both colours of blue-green deploys (scripts/deploy.ts), green serving
     * while the file `<dir>/live-green` exists, blue otherwise (switchColour).
     */
    blueGreen: z.object({ blue: z.array(serverAddress).min(1), green: z.array(serverAddress).min(1) }).optional(),
    /** The build before a blue-green switch, asked for static assets the current one does not have. */
    previousUpstreams: z.array(serverAddress).min(1).optional(),
    /** The Host header passed on: the client's by default; a test sets PUBLIC_URL's host. */
    upstreamHost: z.string().regex(/^(?:\$http_host|[A-Za-z0-9.:[\]-]+)$/).default("$http_host"),
    /** Where the caches live (default: <dir>/cache). */
    cacheDir: z.string().optional(),
    workerProcesses: z.union([z.number().int().min(1), z.literal("auto")]).default("auto"),
    /** The buffered access log's file (default <dir>/access.log), or false for none (the bench). */
    accessLog: z.union([z.string().min(1), z.literal(false)]).optional(),
  })
  .refine((options) => (options.upstreams === undefined) !== (options.blueGreen === undefined), "give either upstreams or blueGreen");
export type GatewayOptions = z.input<typeof optionsSchema>;

/** Replaces every {{name}}; a name without a value is a mistake in the template. */
export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    if (!(name in values)) throw new Error(`deploy/nginx: no value for {{${name}}}`);
    return values[name];
  });
}

/** The upstream include: the instances serving and the previous build's (switchGatewayUpstream rewrites it, then reloads nginx). */
export function renderUpstream(current: string[], previous: string[] = current): string {
  return `# Written by deploy/nginx/gateway.ts.\n${upstreamBlock("halles_web", current)}\n${upstreamBlock("halles_web_previous", previous)}\n`;
}

/**
 * Every folder above `folder` must let others through (o+x): otherwise nginx's workers, which run
 * as nobody, cannot open the cache and answer 500 for every page ("Permission denied" in error.log).
 */
function assertSearchableByOthers(folder: string): void {
  for (let above = path.dirname(folder); above !== path.dirname(above); above = path.dirname(above)) {
    if ((statSync(above).mode & 0o001) === 0) {
      throw new Error(`nginx's workers run as nobody and cannot reach ${folder}: ${above} does not let others through (chmod o+x it, or put the gateway's folder elsewhere)`);
    }
  }
}

/**
 * An upstream group with up to 64 idle keep-alive connections per nginx worker, each closed by nginx
 * after 4 s idle: before Node.js's server closes it (keepAliveTimeout, 5 s), since nginx sending a
 * request on a connection the server is closing at that instant gets a reset (a GET is retried, a
 * POST answered 502).
 */
const upstreamBlock = (name: string, servers: string[]) =>
  [`upstream ${name} {`, ...servers.map((s) => `    server ${serverAddress.parse(s)};`), "    keepalive 64;", "    keepalive_timeout 4s;", "}"].join("\n");

/** Blue-green's upstream include: both colours, always. */
export function renderColours(colours: { blue: string[]; green: string[] }): string {
  return `# Written by deploy/nginx/gateway.ts for blue-green deploys.\n${upstreamBlock("halles_web_blue", colours.blue)}\n${upstreamBlock("halles_web_green", colours.green)}\n`;
}

/**
 * The server-level include that picks the upstream. For blue-green, per request: green while
 * `liveGreen` exists. A switch is then a file created or removed, with no reload: a reload makes
 * nginx's old workers close their idle keep-alive connections, and a client that sent its next
 * request at that moment gets a reset (autocannon counted 38 in 18 reloads at 50 connections). A
 * request's colour is fixed once chosen, and each colour keeps its own keep-alive connections.
 * The previous build's assets: carried into the live release by the deploy, so the live colour.
 */
export function renderRoute(liveGreen: string | null): string {
  if (liveGreen === null) return "set $halles_upstream halles_web;\nset $halles_previous_upstream halles_web_previous;\n";
  return [
    "set $halles_upstream halles_web_blue;",
    `if (-f ${liveGreen}) {`,
    "    set $halles_upstream halles_web_green;",
    "}",
    "set $halles_previous_upstream $halles_upstream;",
    "",
  ].join("\n");
}

const liveGreenFile = (dir: string) => path.join(path.resolve(dir), "live-green");

/** Which colour a blue-green gateway sends new requests to. */
export function liveColour(dir: string): "blue" | "green" {
  return existsSync(liveGreenFile(dir)) ? "green" : "blue";
}

/** Sends every request from now on to `colour` (the file nginx checks per request); requests already sent on finish where they are. */
export function switchColour(dir: string, colour: "blue" | "green"): void {
  const file = liveGreenFile(dir);
  if (colour === "blue") rmSync(file, { force: true });
  else {
    writeFileSync(`${file}.tmp`, "green serves while this file exists (scripts/deploy.ts)\n");
    renameSync(`${file}.tmp`, file);
  }
}

/** Whether the gateway in `dir` was rendered for blue-green deploys. */
export const isBlueGreenGateway = (dir: string) => existsSync(path.join(dir, "route.conf")) && readFileSync(path.join(dir, "route.conf"), "utf8").includes("halles_web_green");

/** Writes halles.conf, upstream.conf, route.conf and nginx.conf into `dir`; returns nginx.conf's path. */
export function renderGateway(input: GatewayOptions): string {
  const options = optionsSchema.parse(input);
  const dir = path.resolve(options.dir);
  const cacheDir = path.resolve(options.cacheDir ?? path.join(dir, "cache"));
  mkdirSync(path.join(dir, "temp"), { recursive: true });
  mkdirSync(cacheDir, { recursive: true });
  // Started as root, nginx's workers run as nobody: they must reach the cache and temp folders.
  for (const folder of [dir, path.join(dir, "temp"), cacheDir]) chmodSync(folder, 0o755);
  if (process.getuid?.() === 0) for (const folder of [dir, cacheDir]) assertSearchableByOthers(folder);
  const template = (name: string) => readFileSync(path.join(HERE, name), "utf8");
  const { blueGreen } = options;
  writeFileSync(path.join(dir, "upstream.conf"), blueGreen ? renderColours(blueGreen) : renderUpstream(options.upstreams!, options.previousUpstreams));
  writeFileSync(path.join(dir, "route.conf"), renderRoute(blueGreen ? liveGreenFile(dir) : null));
  writeFileSync(
    path.join(dir, "halles.conf"),
    fillTemplate(template("halles.conf"), {
      listen: String(options.listen),
      cache_dir: cacheDir,
      upstream_conf: path.join(dir, "upstream.conf"),
      route_conf: path.join(dir, "route.conf"),
      upstream_host: options.upstreamHost,
      access_log: options.accessLog === false ? "off" : `${options.accessLog ?? path.join(dir, "access.log")} halles buffer=64k flush=1s`,
    }),
  );
  const workers = options.workerProcesses === "auto" ? String(availableParallelism()) : String(options.workerProcesses);
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, fillTemplate(template("nginx.conf"), { dir, modules_dir: MODULES_DIR, worker_processes: workers }));
  return conf;
}

/** nginx's arguments for the run folder `dir` (its nginx.conf, pid file and error log). */
const nginxArgs = (dir: string, ...args: string[]) => [...args, "-p", dir, "-c", path.join(dir, "nginx.conf"), "-e", path.join(dir, "error.log")];

function nginx(dir: string, ...args: string[]): void {
  const result = spawnSync(NGINX_BIN, nginxArgs(dir, ...args), { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`nginx ${args.join(" ")} failed:\n${result.stderr}`);
}

/**
 * Points the gateway of run folder `dir` at other web instances without dropping a request:
 * rewrites upstream.conf and reloads nginx, whose new workers take the new connections while the
 * old ones finish their requests and exit. Checked first (nginx -t): a reload nginx cannot apply
 * leaves it on the old configuration and only says so in its error log.
 */
export function switchGatewayUpstream(dir: string, current: string[], previous?: string[]): void {
  const file = path.join(dir, "upstream.conf");
  const before = readFileSync(file, "utf8");
  writeFileSync(file, renderUpstream(current, previous));
  try {
    nginx(dir, "-t", "-q");
  } catch (error) {
    writeFileSync(file, before);
    throw error;
  }
  nginx(dir, "-s", "reload");
}

/** The master's pid from `dir`/nginx.pid while that process runs, else null. */
export function runningGatewayPid(dir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dir, "nginx.pid"), "utf8").trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/** Renders the configuration, checks it, and runs nginx as a daemon that outlives this process (scripts/deploy.ts). */
export async function startGatewayDaemon(input: Omit<GatewayOptions, "listen"> & { port: number; host?: string }): Promise<{ url: string; pid: number }> {
  const dir = path.resolve(input.dir);
  const { host = "127.0.0.1", ...options } = input;
  renderGateway({ ...options, dir, listen: `${host}:${input.port}` });
  nginx(dir, "-t", "-q");
  nginx(dir); // returns once the master has forked and written its pid file
  const url = `http://127.0.0.1:${input.port}`;
  await waitForUrl(`${url}/gateway-health`, 15_000);
  const pid = runningGatewayPid(dir);
  if (pid === null) throw new Error(`nginx started but ${path.join(dir, "nginx.pid")} names no running process`);
  return { url, pid };
}

/** Stops the daemon of run folder `dir` gracefully (nginx -s quit) and waits until it is gone. */
export async function stopGatewayDaemon(dir: string, timeoutMs = 30_000): Promise<void> {
  const pid = runningGatewayPid(dir);
  if (pid === null) return;
  nginx(dir, "-s", "quit");
  const deadline = Date.now() + timeoutMs;
  while (runningGatewayPid(dir) === pid) {
    if (Date.now() > deadline) throw new Error(`nginx (pid ${pid}) still runs ${timeoutMs / 1000} s after nginx -s quit`);
    await sleep(100);
  }
}

export type Gateway = {
  /** http://127.0.0.1:<port> */
  url: string;
  dir: string;
  /** nginx's master, leader of the process group its workers are in. */
  pid: number;
  /** Points the gateway at other web instances, without dropping a request (switchGatewayUpstream). */
  switchUpstream: (current: string[], previous?: string[]) => void;
  stop: () => Promise<void>;
};

/** Renders the configuration and runs nginx on it until `stop()`; resolves once it answers. */
export async function startGateway(input: Omit<GatewayOptions, "listen"> & { port: number }): Promise<Gateway> {
  const dir = path.resolve(input.dir);
  renderGateway({ ...input, dir, listen: `127.0.0.1:${input.port}` });
  nginx(dir, "-t", "-q");
  const service: Service = startService("gateway", NGINX_BIN, nginxArgs(dir, "-g", "daemon off;"));
  const url = `http://127.0.0.1:${input.port}`;
  try {
    await waitForUrl(`${url}/gateway-health`, 15_000, service);
  } catch (error) {
    await service.stop();
    throw error;
  }
  return {
    url,
    dir,
    pid: service.child.pid!,
    switchUpstream: (current, previous) => switchGatewayUpstream(dir, current, previous),
    stop: service.stop,
  };
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: "string" },
      dir: { type: "string", default: ".data/gateway" },
      listen: { type: "string", default: "8080" },
      upstream: { type: "string", multiple: true, default: ["127.0.0.1:3000"] },
      host: { type: "string" },
    },
  });
  const common = { upstreams: values.upstream, upstreamHost: values.host };
  if (positionals[0] === "render") {
    if (!values.out) throw new Error("render needs --out <folder>");
    // Production: Debian's nginx.conf loads the modules and includes <out>/halles.conf from conf.d.
    const listen = /^\d+$/.test(values.listen) ? Number(values.listen) : values.listen;
    renderGateway({ ...common, listen, dir: values.out, cacheDir: "/var/cache/nginx/halles", accessLog: "/var/log/nginx/halles.access.log" });
    console.log(`Wrote ${values.out}/halles.conf, upstream.conf and route.conf (and a standalone nginx.conf).`);
    return;
  }
  const port = Number(values.listen.split(":").at(-1));
  const gateway = await startGateway({ ...common, dir: values.dir, port });
  console.log(`Gateway on ${gateway.url} → ${values.upstream.join(", ")} (files in ${values.dir}); Ctrl-C stops it.`);
  process.once("SIGINT", () => void gateway.stop().then(() => process.exit(0)));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
