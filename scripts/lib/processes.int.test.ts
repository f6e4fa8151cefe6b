// A command run to completion (the production build) stops with its whole process group when
// start-up is interrupted.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { groupAlive, run, startService } from "./processes";

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("start-up and ports (issue 6 item 11): an interrupted build", () => {
  it("kills the command and the processes it started, then rejects", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "halles-run-"));
    const marker = path.join(dir, "pids");
    // Like `next build`: a leader that starts workers of its own, and takes its time.
    const script = `const worker = require("node:child_process").spawn("sleep", ["300"], { stdio: "ignore" });
      require("node:fs").writeFileSync(${JSON.stringify(marker)}, process.pid + " " + worker.pid);
      setInterval(() => {}, 1000);`;
    const interrupt = new AbortController();
    const building = run(process.execPath, ["-e", script], {}, { signal: interrupt.signal });
    building.catch(() => {}); // asserted below
    const deadline = Date.now() + 15_000;
    while (!existsSync(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const [leader] = readFileSync(marker, "utf8").split(" ").map(Number);
    expect(groupAlive(leader)).toBe(true);

    interrupt.abort();
    await expect(building).rejects.toMatchObject({ name: "AbortError" });
    expect(groupAlive(leader)).toBe(false); // the worker (same group) is gone too
  });

  it("refuses to start once interrupted", async () => {
    await expect(run(process.execPath, ["-e", ""], {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ name: "AbortError" });
  });

  it("still reports a failing command", async () => {
    await expect(run(process.execPath, ["-e", "process.exit(2)"], {}, { signal: new AbortController().signal })).rejects.toThrow("failed (exit 2)");
  });
});

describe("a service's output in a log file (issue 6 item 15)", () => {
  it("appends stdout and stderr to the file while the console still gets them, until the service stops", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "halles-log-"));
    const logFile = path.join(dir, "service.log");
    const script = `console.log("to stdout"); console.error("to stderr"); process.on("SIGTERM", () => { console.log("stopping"); process.exit(0); }); setInterval(() => {}, 1000);`;
    const service = startService("logged", process.execPath, ["-e", script], {}, { logFile });
    const deadline = Date.now() + 15_000;
    const logged = () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : "");
    while (!logged().includes("to stderr") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await service.stop();
    expect(logged().split("\n").sort()).toEqual(["", "stopping", "to stderr", "to stdout"]);
  });
});
