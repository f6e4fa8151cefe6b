// A worker service run as a real child process (`node --import tsx workers/<entry>.ts`) for
// tests and benches: its JSON log lines are collected and can be awaited, and it can be signalled.
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export type LogLine = { level: number; msg: string; [key: string]: unknown };

export type WorkerProcess = {
  child: ChildProcess;
  pid: number;
  logs: LogLine[];
  /** Resolves with the first log line (past or future) that matches; rejects on timeout or exit. */
  waitForLog(match: (line: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** What the process wrote to stderr so far (start-up failures go there). */
  stderr(): string;
  /** Resolves with the exit code, or the signal that ended the process. */
  exited: Promise<number | NodeJS.Signals>;
  signal(signal: NodeJS.Signals): void;
};

export function spawnWorker(entry: string, env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: LogLine[] = [];
  const waiters = new Set<() => void>();
  const stderr: string[] = [];
  createInterface({ input: child.stdout! }).on("line", (text) => {
    try {
      logs.push(JSON.parse(text) as LogLine);
    } catch {
      logs.push({ level: 30, msg: text });
    }
    for (const wake of waiters) wake();
  });
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => {
    child.once("exit", (code, signal) => {
      resolve(signal ?? code ?? 1);
      for (const wake of waiters) wake();
    });
  });

  const waitForLog = (match: (line: LogLine) => boolean, timeoutMs = 15_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const done = () => {
        waiters.delete(check);
        clearTimeout(timer);
      };
      const check = () => {
        const line = logs.find(match);
        if (line) {
          done();
          resolve(line);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(new Error(`${entry} exited (${child.signalCode ?? child.exitCode}) before the expected log line; stderr: ${stderr.join("")}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${entry}: no matching log line within ${timeoutMs} ms; last lines: ${JSON.stringify(logs.slice(-5))}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    child,
    pid: child.pid!,
    logs,
    stderr: () => stderr.join(""),
    waitForLog,
    exited,
    signal: (signal) => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

/** What a test prints when a worker did not do what it should: exit state, last log lines, stderr. */
export function describeWorker(worker: WorkerProcess): string {
  const exit = worker.child.exitCode ?? worker.child.signalCode ?? "running";
  return `${worker.pid} (${exit}); last lines ${JSON.stringify(worker.logs.slice(-5))}; stderr ${worker.stderr().slice(-2_000)}`;
}
