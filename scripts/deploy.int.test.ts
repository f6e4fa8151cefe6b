// npm run deploy's refusals, with stand-in bundles (no build needed): a release whose migrations
// take away what the live release uses is refused before anything runs, and a release whose web
// server does not start fails the deploy, leaving nothing running and no state. The switch itself
// is proved end to end by e2e/blue-green.spec.ts.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runningGatewayPid } from "@/deploy/nginx/gateway";
import { migrationsFolder } from "@/db/migrate";
import { portIsFree } from "@/lib/net/port-in-use";
import { BUNDLE_ENTRY } from "./bundle";
import { afterSwitch, planDeploy, stateFile, writeState } from "./lib/blue-green";
import { colourProcesses } from "./lib/release-stack";

const work = mkdtempSync(path.join(tmpdir(), "halles-deploy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A stand-in bundle: a web server that is `server` (with an empty preload), a migration step that does nothing, and the migrations folder up to `lastMigration`. */
function standInBundle(dir: string, server: string, lastMigration?: number): string {
  mkdirSync(path.join(dir, "web", ".next"), { recursive: true });
  writeFileSync(path.join(dir, "web", "server.js"), server);
  mkdirSync(path.join(dir, "web", path.dirname(BUNDLE_ENTRY.preload)), { recursive: true });
  writeFileSync(path.join(dir, "web", BUNDLE_ENTRY.preload), "");
  writeFileSync(path.join(dir, "web", ".next", "BUILD_ID"), "stand-in\n");
  cpSync(migrationsFolder, path.join(dir, "web", "migrate", "migrations"), { recursive: true });
  writeFileSync(path.join(dir, "web", "migrate", "db-migrate.mjs"), 'console.log("Migrations are up to date.");\n');
  if (lastMigration !== undefined) {
    const journal = path.join(dir, "web", "migrate", "migrations", "meta", "_journal.json");
    const parsed = JSON.parse(readFileSync(journal, "utf8")) as { entries: { idx: number }[] };
    writeFileSync(journal, JSON.stringify({ ...parsed, entries: parsed.entries.filter((entry) => entry.idx <= lastMigration) }));
  }
  return dir;
}

function deploy(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { PATH: process.env.PATH, DATABASE_URL: process.env.DATABASE_URL, PUBLIC_URL: "http://127.0.0.1:9", MEDIA_DIR: path.join(work, "media") };
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/deploy.ts", ...args], { env: env as unknown as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/** A port base whose blue and green ports, and the one before it for the gateway, are all free now. */
async function freePortBase(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 40_000);
    const ports = Array.from({ length: 21 }, (_, i) => base - 1 + i);
    if ((await Promise.all(ports.map((port) => portIsFree(port, "127.0.0.1")))).every(Boolean)) return base;
  }
}

describe("npm run deploy (issue 9): what it refuses", () => {
  it("refuses a release whose migrations drop what the live release uses, before running anything", async () => {
    const releasesDir = path.join(work, "contraction");
    // The live release was built before migration 0006, which drops users.store_id.
    standInBundle(path.join(releasesDir, "r5"), "process.exit(1);", 5);
    const first = { gateway: { dir: path.join(work, "gw"), host: "127.0.0.1", port: 1 }, portBase: 3000 };
    writeState(releasesDir, afterSwitch(null, planDeploy(null, "r5", first), new Date(), first));
    const state = readFileSync(stateFile(releasesDir), "utf8");
    const next = standInBundle(path.join(work, "bundle-r6"), "process.exit(1);");

    const { code, output } = await deploy([next, "--release", "r6", "--releases-dir", releasesDir]);
    expect(code, output).toBe(1);
    expect(output).toContain("Refused: migrations of r6 take away what the live release r5 uses");
    expect(output).toContain("drops column users.store_id, which the previous release uses");
    expect(output).not.toContain("migrations applied");
    expect(readFileSync(stateFile(releasesDir), "utf8")).toBe(state);
    expect(colourProcesses(releasesDir, "green")).toEqual([]);
  });

  it("fails a first deploy whose web server exits, saying why, and leaves no process, gateway or state behind", async () => {
    const releasesDir = path.join(work, "broken");
    const base = await freePortBase();
    const bundle = standInBundle(path.join(work, "bundle-broken"), 'console.error("cannot start: stand-in failure"); process.exit(3);');

    const { code, output } = await deploy([bundle, "--release", "broken", "--releases-dir", releasesDir, "--gateway-port", String(base - 1), "--gateway-dir", path.join(work, "gateway-broken"), "--port-base", String(base)]);
    expect(code, output).toBe(1);
    expect(output).toContain("blue web exited before it was ready");
    expect(output).toContain("cannot start: stand-in failure");
    expect(output).toContain("Stopped blue; nothing was serving.");
    expect(existsSync(stateFile(releasesDir))).toBe(false);
    expect(colourProcesses(releasesDir, "blue")).toEqual([]);
    expect(runningGatewayPid(path.join(work, "gateway-broken"))).toBeNull();
  });
});
