// The container images' contents, without a container engine (issue 9, "Containers"): each
// service's production bundle is made exactly as its recipe makes it (`scripts/bundle.ts`, which
// Dockerfile and workers/Dockerfile RUN; web from this run's `next build`), into a temporary folder
// outside the repository, then run as its container would run it (the recipes' and Kubernetes'
// commands and settings) on a fresh database: the migration step, the web server, the three
// workers. Each must turn ready, serve, and stop on SIGTERM; none may hold tsx or a dev dependency.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { createDatabase } from "../db/client";
import { seedDatabase } from "../db/seed";
import { BUNDLE_ENTRY, SERVICES, type BundledService } from "../scripts/bundle";
import { createTemporaryDatabase } from "../scripts/lib/postgres";
import { freePort } from "../tests/ports";
import { expect, takeStackTurnFor, test } from "./fixtures";

const repo = process.cwd();
const WORKERS = SERVICES.filter((s): s is Exclude<BundledService, "web"> => s !== "web");
const lock = JSON.parse(readFileSync(path.join(repo, "package-lock.json"), "utf8")) as { packages: Record<string, { dev?: boolean }> };

/** A recipe's stages: each FROM … AS <name> with its lines, the final unnamed one as "final". */
function stages(dockerfile: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  let current: string[] = [];
  for (const line of readFileSync(path.join(repo, dockerfile), "utf8").split("\n")) {
    const from = /^FROM \S+(?: AS (\S+))?$/.exec(line);
    if (from) result.set(from[1] ?? "final", (current = []));
    else current.push(line);
  }
  return result;
}
/** The stage's `RUN … node --import tsx scripts/bundle.ts /bundle <service>…` as node arguments, `/bundle` → `out`. */
const bundleStep = (lines: string[], out: string) =>
  lines.flatMap((line) => /^RUN .*\bnode (--import tsx scripts\/bundle\.ts \/bundle [a-z -]+)$/.exec(line)?.[1].split(" ") ?? []).map((arg) => (arg === "/bundle" ? out : arg));
/** The stage's CMD (exec form). */
const command = (lines: string[]) => JSON.parse(lines.find((line) => line.startsWith("CMD "))!.slice(4)) as string[];

type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

/** Runs `command` in `cwd` with only `env` (and PATH), as a container's process sees it. */
function start(cwd: string, command: string[], env: Record<string, string>): Running {
  const [file, ...args] = command[0] === "node" ? [process.execPath, ...command.slice(1)] : command;
  // Not this process's environment: nothing of the test run (NODE_OPTIONS, …) may help the bundle.
  const containerEnv: Record<string, string> = { PATH: process.env.PATH!, ...env };
  const child = spawn(file, args, { cwd, env: containerEnv as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function succeeds(cwd: string, command: string[], env: Record<string, string> = {}): Promise<string> {
  const run = start(cwd, command, env);
  const code = await run.exited;
  expect(code, `${command.join(" ")} in ${cwd}:\n${run.output()}`).toBe(0);
  return run.output();
}

/** Polls until `ready()`; fails at once if the process ends first, else after 30 s. */
async function waitFor(what: string, service: Running, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (service.child.exitCode !== null) throw new Error(`exited with ${service.child.exitCode} before ${what}:\n${service.output()}`);
    if (await ready()) return;
    if (Date.now() > deadline) throw new Error(`not ${what} within 30 s:\n${service.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const answers200 = (url: string) => () => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.status === 200, () => false);

/**
 * SIGTERM, as the container runtime sends it: the process must end on its own once it has
 * finished, with 0, or 143 from Next.js's server, which exits so after closing its connections (a
 * process killed by the signal has no exit code at all).
 */
async function stopsGracefully(name: string, service: Running): Promise<void> {
  service.child.kill("SIGTERM");
  const code = await Promise.race([service.exited, new Promise<"hung">((resolve) => setTimeout(() => resolve("hung"), 15_000))]);
  if (code === "hung") service.child.kill("SIGKILL");
  expect(name === "web" ? [0, 143] : [0], `${name} after SIGTERM: ${code}\n${service.output()}`).toContain(code);
}

/** Whether `name` resolves from inside `dir`, as the bundle's own code would resolve it. */
const resolvable = (dir: string, name: string) => {
  try {
    createRequire(path.join(dir, "entry.js")).resolve(name);
    return true;
  } catch {
    return false;
  }
};

/** The packages in a node_modules folder: "next", "@img/sharp-linux-x64", … (nested ones too). */
function installedPackages(nodeModules: string, prefix = "node_modules"): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules).flatMap((entry) => {
    if (entry.startsWith(".")) return [];
    if (entry.startsWith("@")) return readdirSync(path.join(nodeModules, entry)).flatMap((name) => packageAndNested(nodeModules, `${entry}/${name}`, prefix));
    return packageAndNested(nodeModules, entry, prefix);
  });
}
const packageAndNested = (nodeModules: string, name: string, prefix: string) => [
  `${prefix}/${name}`,
  ...installedPackages(path.join(nodeModules, name, "node_modules"), `${prefix}/${name}/node_modules`),
];

test("each service's production bundle builds as its recipe does, starts, serves and stops (issue 9)", async () => {
  // A web server and three workers: one such stack at a time on the server (scripts/lib/postgres.ts).
  const turn = await takeStackTurnFor(120_000);
  const out = mkdtempSync(path.join(os.tmpdir(), "halles-bundles-"));
  const database = await createTemporaryDatabase(process.env.DATABASE_URL!, "halles_bundle");
  const running: Running[] = [];
  try {
    // The recipes' RUN lines, side by side, with /bundle in the temporary folder; the final
    // stages COPY /bundle/<service> to their working directory and run their CMD there.
    const web = stages("Dockerfile");
    const workerRecipe = stages("workers/Dockerfile");
    await Promise.all([web.get("build")!, workerRecipe.get("build")!].map((lines) => succeeds(repo, ["node", ...bundleStep(lines, out)])));
    const dir = (service: BundledService) => path.join(out, service);

    // Production dependencies only: the workers have no node_modules at all, and every package the
    // web server traced is a production one in package-lock.json; tsx, TypeScript and esbuild
    // resolve from none of them.
    for (const service of WORKERS) expect(readdirSync(dir(service)), service).toEqual([BUNDLE_ENTRY.worker(service)]);
    const packages = installedPackages(path.join(dir("web"), "node_modules"));
    expect(packages).toContain("node_modules/next");
    expect(packages.filter((p) => !lock.packages[p] || lock.packages[p].dev)).toEqual([]);
    for (const service of SERVICES) for (const dev of ["tsx", "typescript", "esbuild"]) expect(resolvable(dir(service), dev), `${dev} from ${service}`).toBe(false);
    // Read at run time from node_modules (serverExternalPackages), so it must have been traced in.
    expect(existsSync(path.join(dir("web"), "node_modules/@iconify-json/fluent-emoji-flat/icons.json"))).toBe(true);

    // The settings of deploy/k8s (ConfigMap, each Deployment's env) and of the recipes' ENV lines,
    // in demo mode since this run's build is the demo's (the services refuse a mismatch).
    const [webPort, ...healthPorts] = await Promise.all([freePort(), ...WORKERS.map(() => freePort())]);
    const publicUrl = `http://127.0.0.1:${webPort}`;
    const shared = {
      DATABASE_URL: database.url,
      NODE_ENV: "production",
      HALLES_MODE: "demo",
      PUBLIC_URL: publicUrl,
      // The key the build was made with (scripts/e2e.ts), as a real deployment's Secret holds it.
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "",
      LOG_LEVEL: "info",
      AUTH_SECRET: "containers-test-secret-0123456789abcdef",
      STRIPE_SECRET_KEY: "sk_test_halles_local",
      STRIPE_WEBHOOK_SECRET: "whsec_halles_local",
      SMTP_URL: "smtp://127.0.0.1:9",
      MAIL_FROM: "Halles <orders@example.com>",
    };
    // The web image's CMD: the migration step on the empty database, then the server.
    const webServer = start(dir("web"), command(web.get("final")!), { ...shared, PORT: String(webPort), HOSTNAME: "0.0.0.0" });
    running.push(webServer);
    await waitFor("migrated", webServer, async () => webServer.output().includes("Migrations are up to date."));
    const workers = WORKERS.map((service, i) => ({
      service,
      port: healthPorts[i],
      process: start(dir(service), command(workerRecipe.get(service)!), { ...shared, HEALTH_PORT: String(healthPorts[i]), HEALTH_HOST: "0.0.0.0" }),
    }));
    running.push(...workers.map((w) => w.process));
    // Meanwhile (the server and the workers starting) the demo catalog, so that a product page has something to show (the test's doing, not the image's).
    const { db, sql } = createDatabase(database.url, 2);
    await seedDatabase(db);
    await sql.end();
    await Promise.all([
      waitFor("ready", webServer, answers200(`${publicUrl}/api/health/ready`)),
      ...workers.map((w) => waitFor("ready", w.process, answers200(`http://127.0.0.1:${w.port}/health/ready`))),
    ]);

    // A page from the database, its stylesheet (.next/static), a file of public/, a product picture
    // drawn with the Fluent Emoji set, and the preload's redirect of another host to PUBLIC_URL's.
    const page = await fetch(`${publicUrl}/p/bananas`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<h1[^>]*>Bananas<\/h1>/);
    const stylesheet = /<link rel="stylesheet" href="([^"]+\.css)"/.exec(html)?.[1];
    expect(stylesheet, "a stylesheet link").toBeDefined();
    expect((await fetch(`${publicUrl}${stylesheet}`)).status).toBe(200);
    expect((await fetch(`${publicUrl}/logo.svg`)).headers.get("content-type")).toContain("image/svg+xml");
    const picture = await fetch(`${publicUrl}/images/products/bananas.svg`);
    expect(picture.status).toBe(200);
    expect(await picture.text()).toContain('data-icon="banana"');
    const otherHost = await fetch(`http://localhost:${webPort}/p/bananas`, { redirect: "manual" });
    expect([otherHost.status, otherHost.headers.get("location")]).toEqual([307, `${publicUrl}/p/bananas`]);
    for (const w of workers) expect(await (await fetch(`http://127.0.0.1:${w.port}/health/ready`)).json(), w.service).toMatchObject({ service: w.service, ready: true });

    await Promise.all([stopsGracefully("web", webServer), ...workers.map((w) => stopsGracefully(w.service, w.process))]);
    for (const w of workers) expect(w.process.output(), w.service).toContain('"msg":"stopped"');
  } finally {
    for (const service of running) if (service.child.exitCode === null && service.child.signalCode === null) service.child.kill("SIGKILL");
    await Promise.all(running.map((service) => service.exited));
    await database.drop();
    // rm: Node.js's rmSync takes several times as long on Next.js's ~3,000 files.
    execFileSync("rm", ["-rf", out]);
    await turn.release();
  }
});
