// What a service of the end-to-end stack logged while a test ran: scripts/e2e.ts also writes each
// service's output to E2E_LOG_DIR/<service>.log. A test notes where the log ends, does its work,
// then reads what was written since and looks for errors nobody handled.
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export function serviceLogPath(service: string): string {
  const dir = process.env.E2E_LOG_DIR;
  if (!dir) throw new Error("E2E_LOG_DIR is not set: run the end-to-end tests with npm run test:e2e, which logs each service there");
  return join(dir, `${service}.log`);
}

const sizeOf = (file: string) => (existsSync(file) ? statSync(file).size : 0);

export type LogMark = { file: string; offset: number };

/** The end of the service's log now: read from here later. */
export function markLog(service: string): LogMark {
  const file = serviceLogPath(service);
  return { file, offset: sizeOf(file) };
}

/** The lines written since `mark`, once the log has stopped growing for a moment (the last lines are in). */
export async function linesSince(mark: LogMark, quietMs = 500): Promise<string[]> {
  let size = sizeOf(mark.file);
  for (let waited = 0; waited < 10_000; waited += quietMs) {
    await sleep(quietMs);
    const now = sizeOf(mark.file);
    if (now === size) break;
    size = now;
  }
  if (size <= mark.offset) return [];
  const buffer = Buffer.alloc(size - mark.offset);
  const fd = openSync(mark.file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, mark.offset);
  } finally {
    closeSync(fd);
  }
  // Colours are kept for the console (scripts/lib/processes.ts): not part of the text.
  return buffer.toString("utf8").replace(/\u001b\[[0-9;]*m/g, "").split("\n").filter((line) => line.trim() !== "");
}

/**
 * Lines that report an error nobody handled: a pino entry at level error (50) or fatal (60), the
 * route wrapper's "unhandled API error", an error Next.js printed (its ⨯ lines and "…Error:"
 * stack traces), an unhandled promise rejection.
 */
export function unhandledErrors(lines: string[]): string[] {
  return lines.filter((line) => {
    const text = line.trim();
    if (text.startsWith("{")) {
      try {
        const entry = JSON.parse(text) as { level?: unknown; msg?: unknown };
        return (typeof entry.level === "number" && entry.level >= 50) || entry.msg === "unhandled API error";
      } catch {
        // not JSON after all: judged as text below
      }
    }
    return /^⨯|\b[A-Za-z]*Error:|unhandled API error|UnhandledPromiseRejection|unhandledRejection/.test(text);
  });
}
