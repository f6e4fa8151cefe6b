// Stopping a group of services while it is still starting: every process group is gone, and
// nothing more is launched.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/tests/ports";
import { groupAlive } from "./processes";
import { createServiceGroup, StartStoppedError, type ServiceGroup, type ServiceSpec } from "./service-group";

/** Answers 200 on any request. */
const readyServer = (port: number): ServiceSpec => ({
  name: "ready",
  args: ["-e", `require("node:http").createServer((req, res) => res.end("ok")).listen(${port}, "127.0.0.1")`],
  env: {},
  readyUrl: `http://127.0.0.1:${port}/`,
});

/** Starts a child of its own, then accepts connections and never answers: it never becomes ready. */
const stuckServer = (port: number, marker: string): ServiceSpec => ({
  name: "stuck",
  args: [
    "-e",
    `const child = require("node:child_process").spawn("sleep", ["300"], { stdio: "ignore" });
     require("node:http").createServer(() => {}).listen(${port}, "127.0.0.1", () =>
       require("node:fs").writeFileSync(${JSON.stringify(marker)}, String(child.pid)));`,
  ],
  env: {},
  readyUrl: `http://127.0.0.1:${port}/`,
});

const neverLaunched: ServiceSpec = { name: "later", args: ["-e", "setInterval(() => {}, 1000)"], env: {}, readyUrl: "http://127.0.0.1:1/" };

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Alive and not a zombie. */
function processRuns(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

let group: ServiceGroup | undefined;
let dir: string | undefined;

afterEach(async () => {
  await group?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  group = dir = undefined;
});

describe("start-up and ports (issue 6 item 11): stopping during start-up", () => {
  it("stops the started services, their children too, and launches nothing more", async () => {
    dir = mkdtempSync(path.join(tmpdir(), "halles-group-"));
    const marker = path.join(dir, "grandchild.pid");
    group = createServiceGroup([[readyServer(await freePort())], [stuckServer(await freePort(), marker)], [neverLaunched]], { readyTimeoutMs: 60_000 });
    const starting = group.start();
    starting.catch(() => {}); // asserted below
    await until(() => existsSync(marker) && readFileSync(marker, "utf8") !== "");
    const grandchild = Number(readFileSync(marker, "utf8"));
    expect(group.services.map((s) => s.name)).toEqual(["ready", "stuck"]);
    expect(processRuns(grandchild)).toBe(true);

    const stopped = Date.now();
    await group.stop();
    await expect(starting).rejects.toBeInstanceOf(StartStoppedError);
    expect(Date.now() - stopped).toBeLessThan(5_000); // not the 60 s readiness timeout

    for (const service of group.services) expect(groupAlive(service.child.pid!)).toBe(false);
    expect(processRuns(grandchild)).toBe(false);
    expect(group.services.map((s) => s.name)).toEqual(["ready", "stuck"]);
  });

  it("stops a service that has only just been launched", async () => {
    group = createServiceGroup([[readyServer(await freePort())], [neverLaunched]]);
    const starting = group.start();
    starting.catch(() => {});
    expect(group.services).toHaveLength(1);
    await group.stop();
    await expect(starting).rejects.toBeInstanceOf(StartStoppedError);
    expect(groupAlive(group.services[0].child.pid!)).toBe(false);
    expect(group.services).toHaveLength(1);
  });

  it("stops the services of a step that started together when one of them fails", async () => {
    const failing: ServiceSpec = { name: "failing", args: ["-e", "process.exit(3)"], env: {}, readyUrl: "http://127.0.0.1:1/" };
    const crashes: string[] = [];
    group = createServiceGroup([[readyServer(await freePort()), failing], [neverLaunched]], { onCrash: (service) => crashes.push(service.name) });
    await expect(group.start()).rejects.toThrow("failing exited with code 3");
    for (const service of group.services) expect(groupAlive(service.child.pid!)).toBe(false);
    expect(group.services.map((s) => s.name)).toEqual(["ready", "failing"]);
    expect(crashes).toEqual(["failing"]);
  });
});
