// Child processes for the scripts: run to completion, or keep a service running and stop it cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";

type Env = Record<string, string | undefined>;

/*
 * Services run straight under node (`startService(name, process.execPath, …)`), never through
 * the npx or tsx wrappers: tsx's wrapper SIGKILLs a child that is slow to acknowledge Ctrl-C,
 * which would cut a graceful shutdown short and orphan what the child had started.
 */
/** Node arguments that run a TypeScript entry point. */
export const typescript = (entry: string) => ["--import", "tsx", entry];
/** The Next.js CLI, to run with node. */
export const NEXT_BIN = "node_modules/next/dist/bin/next";
/** Node arguments the web server runs with: the client's true address and one canonical host. */
export const WEB_PRELOAD = ["--import", "./lib/http/web-server-preload.mjs"];

/** Runs a command with inherited output; rejects when it exits non-zero. */
export function run(command: string, args: string[], env: Env = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

/** Like `run`, but resolves with the exit code instead of rejecting. */
export function runForExitCode(command: string, args: string[], env: Env = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", () => resolve(1));
    child.on("exit", (code) => resolve(code ?? 1));
  });
}

export type Service = { name: string; child: ChildProcess; stop: () => Promise<void> };

/**
 * Starts a long-running service in its own process group (next start spawns children of its
 * own); `stop` sends SIGTERM to the group and waits, with SIGKILL after the grace period.
 */
export function startService(name: string, command: string, args: string[], env: Env = {}, graceMs = 10_000): Service {
  const child = spawn(command, args, { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, ...env }, detached: true });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, s);
    } catch {
      // already gone
    }
  };
  return {
    name,
    child,
    // The leader may exit before its children, so wait until the whole group is gone.
    stop: async () => {
      signal("SIGTERM");
      const deadline = Date.now() + graceMs;
      while (groupAlive(child.pid!)) {
        if (Date.now() > deadline) signal("SIGKILL");
        await new Promise((r) => setTimeout(r, 100));
      }
      await exited;
    },
  };
}

/** Whether any process of the group still runs (zombies waiting to be reaped do not count). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  const rows = spawnSync("ps", ["-eo", "pgid=,stat="], { encoding: "utf8" }).stdout.split("\n");
  return rows.some((row) => {
    const [group, stat] = row.trim().split(/\s+/);
    return Number(group) === pgid && stat !== undefined && !stat.startsWith("Z");
  });
}

/** Polls a URL until it answers 2xx, or fails after `timeoutMs`. */
export async function waitForUrl(url: string, timeoutMs = 60_000, service?: Service): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service && service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
}
