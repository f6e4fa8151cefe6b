// Child processes for the scripts: run to completion, or keep a service running and stop it cleanly.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

type Env = Record<string, string | undefined>;

const READY_ATTEMPT_MS = 2_000;

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

/**
 * Runs a command with inherited output; rejects when it exits non-zero. With `signal`, the command
 * runs in its own process group (like a service) and an abort stops the whole group, e.g. a
 * `next build` and its workers on Ctrl-C; the promise then rejects once the group is gone.
 * `cwd`, without `signal`: where the command runs (this process's folder by default).
 */
export async function run(command: string, args: string[], env: Env = {}, options: { signal?: AbortSignal; cwd?: string } = {}): Promise<void> {
  const { signal, cwd } = options;
  const failed = (code: number | null, exitSignal: NodeJS.Signals | null) =>
    new Error(`${command} ${args.join(" ")} failed (${exitSignal ?? `exit ${code}`})`);
  if (!signal) {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: "inherit", env: { ...process.env, ...env }, cwd });
      child.on("error", reject);
      child.on("exit", (code, exitSignal) => (code === 0 ? resolve() : reject(failed(code, exitSignal))));
    });
  }
  signal.throwIfAborted();
  const task = startService(command, command, args, env);
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    task.child.once("exit", (code, exitSignal) => resolve([code, exitSignal]));
    task.child.once("error", reject);
  });
  const stopOnAbort = () => void task.stop();
  signal.addEventListener("abort", stopOnAbort, { once: true });
  const [code, exitSignal] = await exited;
  signal.removeEventListener("abort", stopOnAbort);
  if (signal.aborted) {
    await task.stop(); // the leader may go first: wait for the rest of its group
    signal.throwIfAborted();
  }
  if (code !== 0) throw failed(code, exitSignal);
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

export type ServiceOptions = {
  graceMs?: number;
  /**
   * Also appends the service's stdout and stderr to this file (the console still shows them), so
   * that a test can read what the service logged while it ran.
   */
  logFile?: string;
  /** With `logFile`: false writes the output to the file only, not to the console. */
  echo?: boolean;
};

/**
 * Starts a long-running service in its own process group (next start spawns children of its
 * own); `stop` sends SIGTERM to the group and waits, with SIGKILL after the grace period.
 */
export function startService(name: string, command: string, args: string[], env: Env = {}, options: ServiceOptions = {}): Service {
  const { graceMs = 10_000, logFile, echo = true } = options;
  // Piped output is not a terminal: colours are kept as they were on the console.
  const colour = logFile && process.stdout.isTTY && env.NO_COLOR === undefined && process.env.NO_COLOR === undefined ? { FORCE_COLOR: "1" } : {};
  const child = spawn(command, args, { stdio: ["ignore", logFile ? "pipe" : "inherit", logFile ? "pipe" : "inherit"], env: { ...colour, ...process.env, ...env }, detached: true });
  let logClosed: Promise<void> = Promise.resolve();
  if (logFile) {
    const log = createWriteStream(logFile, { flags: "a" });
    logClosed = new Promise((resolve) => log.once("close", () => resolve()));
    child.stdout!.on("data", (chunk: Buffer) => (echo && process.stdout.write(chunk), log.write(chunk)));
    child.stderr!.on("data", (chunk: Buffer) => (echo && process.stderr.write(chunk), log.write(chunk)));
    // Both pipes drained (they close after the process exits): nothing more can be written.
    let open = 2;
    const drained = () => --open === 0 && log.end();
    child.stdout!.once("close", drained);
    child.stderr!.once("close", drained);
  }
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
      // Drained once the group is gone; a pipe kept open elsewhere must not hold up the stop.
      await Promise.race([logClosed, sleep(2_000)]);
    },
  };
}

/** Whether any process of the group still runs (zombies waiting to be reaped do not count). */
export function groupAlive(pgid: number): boolean {
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

/**
 * Polls a URL until it answers 2xx, or fails after `timeoutMs`, when `service` exits, or when
 * `signal` aborts (a stop during start-up). A server that accepts but never answers counts as not ready.
 */
export async function waitForUrl(url: string, timeoutMs = 60_000, service?: Service, signal?: AbortSignal): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    signal?.throwIfAborted();
    if (service && service.child.exitCode !== null) throw new Error(`${service.name} exited with code ${service.child.exitCode}`);
    try {
      const attempt = AbortSignal.timeout(READY_ATTEMPT_MS);
      const response = await fetch(url, { signal: signal ? AbortSignal.any([signal, attempt]) : attempt });
      if (response.ok) return;
    } catch {
      // not listening yet, or not answering
    }
    await sleep(250, undefined, { signal }).catch(() => {});
  }
  throw new Error(`${url} did not become ready within ${timeoutMs / 1000} s`);
}
