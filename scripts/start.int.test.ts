// npm start with a taken port or a bad port value: one clear message, exit 1, nothing started,
// no stack trace (it used to end in `UnhandledPromiseRejection … reason "undefined"`).
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort, holdPort, type HeldPort } from "@/tests/ports";

let held: HeldPort[] = [];
let dataDir: string | undefined;
afterEach(async () => {
  await Promise.all(held.map((h) => h.release()));
  held = [];
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
});

/** Every port of npm start on a free one (apart from those given), data in a fresh directory. */
async function startEnv(ports: Record<string, string>): Promise<Record<string, string>> {
  dataDir = mkdtempSync(path.join(tmpdir(), "halles-start-"));
  const variables = ["PORT", "HALLES_PG_PORT", "STRIPE_TEST_SERVER_PORT", "MAIL_CAPTURE_SMTP_PORT", "MAIL_CAPTURE_HTTP_PORT"];
  variables.push("ORDER_WORKER_HEALTH_PORT", "NOTIFICATION_WORKER_HEALTH_PORT", "SCHEDULER_HEALTH_PORT");
  const env: Record<string, string> = { HALLES_DATA_DIR: dataDir };
  for (const variable of variables) env[variable] = ports[variable] ?? String(await freePort());
  return env;
}

function runStart(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // DATABASE_URL unset unless `env` sets it: the embedded database's path.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    env: { ...process.env, DATABASE_URL: undefined, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, output })));
}

async function hold(): Promise<string> {
  const port = await holdPort("127.0.0.1");
  held.push(port);
  return String(port.port);
}

describe("start-up and ports (issue 6 item 11): npm start refuses taken ports", () => {
  it("names every taken port, its owner and its variable, and starts nothing", async () => {
    const [web, pg, worker] = [await hold(), await hold(), await hold()];
    const { code, output } = await runStart(await startEnv({ PORT: web, HALLES_PG_PORT: pg, ORDER_WORKER_HEALTH_PORT: worker }));
    expect(code).toBe(1);
    const owner = `(pid ${process.pid}`;
    expect(output).toContain(`Port ${web} (web server) is already in use by`);
    expect(output).toContain(`Port ${pg} (embedded PostgreSQL) is already in use by`);
    expect(output).toContain(`Port ${worker} (order-worker health server) is already in use by`);
    expect(output.split(owner)).toHaveLength(4);
    for (const variable of ["PORT", "HALLES_PG_PORT", "ORDER_WORKER_HEALTH_PORT"]) expect(output).toContain(`set ${variable} to a free port`);
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toContain("UnhandledPromiseRejection");
    expect(existsSync(path.join(dataDir!, "postgres"))).toBe(false); // the database never started
  }, 60_000);

  it("refuses a bad port value, naming the variable", async () => {
    // A database nobody answers on: should the value pass, start-up fails fast rather than building.
    const env = { ...(await startEnv({ SCHEDULER_HEALTH_PORT: "91o3" })), DATABASE_URL: "postgres://127.0.0.1:1/nowhere" };
    const { code, output } = await runStart(env);
    expect(code).toBe(1);
    expect(output).toContain('SCHEDULER_HEALTH_PORT: must be a port number from 1 to 65535, got "91o3"');
    expect(output).not.toMatch(/^\s+at /m);
  }, 60_000);
});
