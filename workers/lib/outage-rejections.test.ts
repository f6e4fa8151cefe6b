import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/** Runs a tiny worker-like script that installs the policy, then leaves `rejection` unhandled. */
function runWith(rejection: string) {
  const script = `
    import pino from "pino";
    import { Registry } from "prom-client";
    import { tolerateOutageRejections } from "./workers/lib/outage-rejections.ts";
    tolerateOutageRejections({ log: pino({ level: "error" }), registry: new Registry() });
    Promise.reject(${rejection});
    setTimeout(() => { console.log("still running"); }, 50);
  `;
  return spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", cwd: process.cwd() });
}

describe("unhandled rejections in a worker process", () => {
  it("logs one that says the database is unreachable, and the process goes on", () => {
    const result = runWith(`Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })`);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("still running");
    expect(result.stdout).toContain("unhandled rejection while the database was unreachable");
  });

  it("still ends the process for any other", () => {
    const result = runWith(`new TypeError("a real bug")`);
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain("still running");
    expect(result.stderr).toContain("a real bug");
  });
});
