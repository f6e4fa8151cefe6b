// Blue-green deploys (issue 9): `npm run deploy` twice and `npm run rollback`, as an operator runs
// them, on this run's build bundled as its recipe bundles it (scripts/bundle.ts: the web server and
// one worker, to keep it short), with a real nginx in front and a fresh seeded database. A load
// runs through the gateway during the second deploy and the rollback: every answer must be a 2xx,
// and each time the stack switched from must be gone. bench/blue-green.ts is the long version
// (50 connections for 60 s, every worker).
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { createDatabase } from "../db/client";
import { runMigrations } from "../db/migrate";
import { seedDatabase } from "../db/seed";
import { stopGatewayDaemon } from "../deploy/nginx/gateway";
import { bundle } from "../scripts/bundle";
import { COLOURS, readState } from "../scripts/lib/blue-green";
import { groupAlive } from "../scripts/lib/processes";
import { colourProcesses, stopColour } from "../scripts/lib/release-stack";
import { createTemporaryDatabase } from "../scripts/lib/postgres";
import { answeringRelease } from "../scripts/lib/smoke-check";
import { expect, takeStackTurnFor, test } from "./fixtures";

const repo = process.cwd();
// Within the e2e run's port range: the gateway at E2E_PORT + 30, blue from + 40, green from + 50.
const appPort = Number(new URL(process.env.BASE_URL ?? "http://127.0.0.1:3100").port);
const gatewayPort = appPort + 30;
const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;

/** Runs scripts/<name>.ts with `env` only (and PATH); resolves with its exit code and output. */
function script(name: "deploy" | "rollback", args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `scripts/${name}.ts`, ...args], {
      cwd: repo,
      env: { PATH: process.env.PATH!, ...env } as unknown as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** `work` while 10 connections load the gateway with cached pages and requests that reach the web server; the load's result. */
async function underLoad(work: () => Promise<void>): Promise<autocannon.Result> {
  let instance: autocannon.Instance | undefined;
  const result = new Promise<autocannon.Result>((resolve, reject) => {
    const paths = ["/", "/api/health", "/p/bananas", "/api/v1/products?limit=2", "/c/pantry?_rsc=e2e"];
    instance = autocannon({ url: gatewayUrl, connections: 10, duration: 120, requests: paths.map((p) => ({ method: "GET", path: p })) }, (error, r) =>
      error ? reject(error) : resolve(r),
    );
  });
  await work();
  instance!.stop();
  return result;
}

test("npm run deploy switches releases behind nginx under load with no failed request, and npm run rollback switches back (issue 9)", async () => {
  // Two stacks at the switch: not beside the integration suite's scale-out test (scripts/lib/postgres.ts).
  const turn = await takeStackTurnFor(180_000);
  const work = mkdtempSync(path.join(os.tmpdir(), "halles-blue-green-"));
  chmodSync(work, 0o755); // nginx's workers (nobody) reach the gateway's cache through it
  const releasesDir = path.join(work, "releases");
  const database = await createTemporaryDatabase(process.env.DATABASE_URL!, "halles_blue_green");
  try {
    await runMigrations(database.url);
    const { db, sql } = createDatabase(database.url, 2);
    await seedDatabase(db);
    await sql.end();
    await bundle(["web", "scheduler"], path.join(work, "bundle"));
    const env = {
      DATABASE_URL: database.url,
      PUBLIC_URL: gatewayUrl,
      NODE_ENV: "production",
      HALLES_MODE: "demo",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY ?? "",
      AUTH_SECRET: "blue-green-test-secret-0123456789abcdef",
      STRIPE_SECRET_KEY: "sk_test_halles_local",
      STRIPE_WEBHOOK_SECRET: "whsec_halles_local",
      SMTP_URL: "smtp://127.0.0.1:9",
      MAIL_FROM: "Halles <orders@example.com>",
      MEDIA_DIR: path.join(work, "media"),
      LOG_LEVEL: "warn",
      DATABASE_POOL_MAX: "4", // a web server's pool: two colours' at the switch, beside the e2e stack
    };
    const common = ["--releases-dir", releasesDir];
    const deploy = async (release: string, ...args: string[]) => {
      const { code, output } = await script("deploy", [path.join(work, "bundle"), "--release", release, ...args, ...common], env);
      expect(code, output).toBe(0);
    };

    await deploy("e2e-a", "--gateway-port", String(gatewayPort), "--gateway-dir", path.join(work, "gateway"), "--port-base", String(appPort + 40));
    expect(await answeringRelease(gatewayUrl, `127.0.0.1:${gatewayPort}`)).toBe("e2e-a");

    for (const [release, switchTo] of [
      ["e2e-b", () => deploy("e2e-b")],
      ["e2e-a", () => script("rollback", common, env).then(({ code, output }) => expect(code, output).toBe(0))],
    ] as const) {
      const before = readState(releasesDir)!;
      const old = colourProcesses(releasesDir, before.live.colour);
      expect(old.map((p) => p.service).sort()).toEqual(["scheduler", "web"]);
      const load = await underLoad(switchTo);
      expect(load.requests.total, "requests sent during the switch").toBeGreaterThan(100);
      expect({ non2xx: load.non2xx, errors: load.errors, timeouts: load.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
      expect(await answeringRelease(gatewayUrl, `127.0.0.1:${gatewayPort}`)).toBe(release);
      const after = readState(releasesDir)!;
      expect([after.live.release, after.previous]).toEqual([release, before.live.release]);
      expect(old.filter((p) => groupAlive(p.pid)), "the old stack's processes").toEqual([]);
      expect(colourProcesses(releasesDir, before.live.colour)).toEqual([]);
    }
  } finally {
    for (const colour of COLOURS) await stopColour(releasesDir, colour).catch(() => []);
    await stopGatewayDaemon(path.join(work, "gateway")).catch(() => {});
    await database.drop();
    execFileSync("rm", ["-rf", work]);
    await turn.release();
  }
});
