// One colour's stack of a release (scripts/lib/blue-green.ts): its services started from the
// release's bundles (scripts/bundle.ts) as their containers would run them, detached so that they
// outlive the deploy command, with a pid file each; waited on until ready; stopped gracefully.
import { spawn } from "node:child_process";
import { closeSync, cpSync, existsSync, mkdirSync, openSync, readFileSync, readlinkSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { assertPortsFree } from "../../lib/net/port-in-use";
import { BUNDLE_ENTRY } from "../bundle";
import { RELEASE_SERVICES, type Colour, type ColourPorts, type ReleaseService } from "./blue-green";
import { groupAlive, run } from "./processes";

export const releaseDir = (releasesDir: string, release: string) => path.join(path.resolve(releasesDir), release);
const pidFile = (releasesDir: string, colour: Colour, service: ReleaseService) => path.join(path.resolve(releasesDir), "run", colour, `${service}.pid`);

/** The services bundled in a release folder: web, and the workers whose folders it has. */
export function bundledServices(dir: string): ReleaseService[] {
  if (!existsSync(path.join(dir, "web", "server.js"))) throw new Error(`${dir} holds no web bundle (web/server.js): make it with scripts/bundle.ts <dir> web order-worker notification-worker scheduler`);
  return RELEASE_SERVICES.filter((service) => service === "web" || existsSync(path.join(dir, service, BUNDLE_ENTRY.worker(service as Exclude<ReleaseService, "web">))));
}

export type StackEnv = Record<string, string | undefined>;

/**
 * Each service's environment: the deploy command's own (DATABASE_URL, PUBLIC_URL, secrets…), the
 * colour's ports, and HALLES_VERSION = the release. The web server sits behind the gateway (one
 * trusted proxy hop unless said otherwise) and listens on 127.0.0.1. Paths are made absolute, since
 * each service runs in its own release folder.
 */
export function serviceEnv(base: StackEnv, service: ReleaseService, ports: ColourPorts, release: string): NodeJS.ProcessEnv {
  const common = { ...base, NODE_ENV: "production" as const, HALLES_VERSION: release, MEDIA_DIR: path.resolve(base.MEDIA_DIR ?? ".data/media") };
  if (service === "web") {
    return { ...common, PORT: String(ports.web), HOSTNAME: "127.0.0.1", METRICS_PORT: String(ports.webMetrics), TRUSTED_PROXY_HOPS: base.TRUSTED_PROXY_HOPS ?? "1" };
  }
  return { ...common, HEALTH_PORT: String(ports[service]), HEALTH_HOST: "127.0.0.1" };
}

const commandOf = (service: ReleaseService) =>
  service === "web" ? ["--import", `./${BUNDLE_ENTRY.preload}`, "server.js"] : [BUNDLE_ENTRY.worker(service)];

/** The release's migration step (migrate/db-migrate.mjs of its web bundle), as the web image runs it before serving. */
export async function migrateRelease(dir: string, env: StackEnv): Promise<void> {
  await run(process.execPath, [path.join(dir, "web", BUNDLE_ENTRY.migrate)], { ...env, NODE_ENV: "production" });
}

/**
 * Copies the build assets of release `from` into release `to` (`.next/static`, content-hashed, so
 * nothing is overwritten), before `to` starts: pages of `from` still open in browsers, or held by
 * the gateway's page cache, find their scripts and styles at `to` once `from` is stopped.
 */
export function carryBuildAssets(from: string, to: string): void {
  const assets = path.join(".next", "static");
  if (existsSync(path.join(from, "web", assets))) cpSync(path.join(from, "web", assets), path.join(to, "web", assets), { recursive: true, force: false });
}

export type ColourStack = { releasesDir: string; colour: Colour; release: string; ports: ColourPorts; env: StackEnv };

/**
 * Starts the release's services on the colour's ports, each in its own process group, output in
 * `<release>/logs/`: one after another, each waited on until it answers its readiness (web first),
 * so that the machine still serving the old colour takes one start-up at a time, not four at once.
 * Fails at once if a service exits (its log's end attached), or after `timeoutMs` in all.
 */
export async function startColour(stack: ColourStack, timeoutMs = 90_000): Promise<void> {
  const dir = releaseDir(stack.releasesDir, stack.release);
  const services = bundledServices(dir);
  await assertPortsFree(
    services.flatMap((service) => [
      { port: stack.ports[service], host: "127.0.0.1", purpose: `${stack.colour} ${service}`, variable: "--port-base" },
      ...(service === "web" ? [{ port: stack.ports.webMetrics, host: "127.0.0.1", purpose: `${stack.colour} web metrics`, variable: "--port-base" }] : []),
    ]),
  );
  mkdirSync(path.join(dir, "logs"), { recursive: true });
  mkdirSync(path.dirname(pidFile(stack.releasesDir, stack.colour, "web")), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (const service of services) {
    const log = openSync(path.join(dir, "logs", `${stack.colour}-${service}.log`), "a");
    const child = spawn(process.execPath, commandOf(service), {
      cwd: path.join(dir, service),
      env: serviceEnv(stack.env, service, stack.ports, stack.release),
      detached: true,
      stdio: ["ignore", log, log],
    });
    closeSync(log);
    child.unref();
    writeFileSync(pidFile(stack.releasesDir, stack.colour, service), `${child.pid}\n`);
    await waitServiceReady(stack, service, deadline, timeoutMs);
  }
}

const readyUrl = (service: ReleaseService, ports: ColourPorts) =>
  service === "web" ? `http://127.0.0.1:${ports.web}/api/health/ready` : `http://127.0.0.1:${ports[service]}/health/ready`;

async function waitServiceReady(stack: ColourStack, service: ReleaseService, deadline: number, timeoutMs: number): Promise<void> {
  const dir = releaseDir(stack.releasesDir, stack.release);
  for (;;) {
    const running = colourProcesses(stack.releasesDir, stack.colour).some((p) => p.service === service);
    if (!running) throw new Error(`${stack.colour} ${service} exited before it was ready:\n${logTail(dir, stack.colour, service)}`);
    const ok = await fetch(readyUrl(service, stack.ports), { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    if (Date.now() > deadline) throw new Error(`${stack.colour} not ready within ${timeoutMs / 1000} s: ${service}`);
    await sleep(250);
  }
}

function logTail(dir: string, colour: Colour, service: ReleaseService, lines = 15): string {
  try {
    return readFileSync(path.join(dir, "logs", `${colour}-${service}.log`), "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

export type ColourProcess = { service: ReleaseService; pid: number; release: string };

/**
 * The colour's processes that run now: a pid file whose process still runs in a release folder
 * of `releasesDir` (a pid reused by another program since does not count).
 */
export function colourProcesses(releasesDir: string, colour: Colour): ColourProcess[] {
  const root = realpathSync(path.resolve(releasesDir));
  return RELEASE_SERVICES.flatMap((service) => {
    try {
      const pid = Number(readFileSync(pidFile(releasesDir, colour, service), "utf8").trim());
      const cwd = readlinkSync(`/proc/${pid}/cwd`);
      const relative = path.relative(root, cwd).split(path.sep);
      if (relative.length !== 2 || relative[1] !== service || relative[0].startsWith("..")) return [];
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      if (stat.slice(stat.lastIndexOf(")") + 2).startsWith("Z")) return []; // exited, not yet reaped
      return [{ service, pid, release: relative[0] }];
    } catch {
      return []; // no pid file, or no such process
    }
  });
}

/**
 * SIGTERM to each of the colour's process groups at once, as a container runtime stops them: the
 * web server answers readiness 503 and finishes its requests in flight (WEB_SHUTDOWN_GRACE_MS,
 * 25 s), the workers their jobs. SIGKILL for what still runs after `graceMs`. Removes the pid files.
 */
export async function stopColour(releasesDir: string, colour: Colour, graceMs = 40_000): Promise<ColourProcess[]> {
  const processes = colourProcesses(releasesDir, colour);
  const signal = (pid: number, name: NodeJS.Signals) => {
    try {
      process.kill(-pid, name);
    } catch {
      // already gone
    }
  };
  for (const { pid } of processes) signal(pid, "SIGTERM");
  const deadline = Date.now() + graceMs;
  while (processes.some(({ pid }) => groupAlive(pid))) {
    if (Date.now() > deadline) for (const { pid } of processes) signal(pid, "SIGKILL");
    await sleep(100);
  }
  rmSync(path.join(path.resolve(releasesDir), "run", colour), { recursive: true, force: true });
  return processes;
}
