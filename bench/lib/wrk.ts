// wrk (Debian's `wrk` package), for loads where autocannon's own CPU would be the bottleneck: wrk
// counts the bytes of an answer and never decodes its body. Runs it under bash so that `times`
// reports its CPU; parses its --latency report.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";

export const WRK_BIN = process.env.WRK_BIN ?? "/usr/bin/wrk";
export const hasWrk = () => existsSync(WRK_BIN);

export type WrkResult = { rps: number; requests: number; bytes: number; p50: number; p99: number; errors: number; cpuSeconds: number };

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };
const BYTES: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };

/** Milliseconds from wrk's "15.85ms", "812.00us", "1.02s". */
function millis(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(text);
  if (!match) throw new Error(`wrk: not a duration: ${text}`);
  return Number(match[1]) * UNIT_MS[match[2]];
}

/** Reads wrk's report (with --latency) followed by bash's `times` (shell, then children). */
export function parseWrk(output: string): WrkResult {
  const need = (pattern: RegExp) => {
    const match = pattern.exec(output);
    if (!match) throw new Error(`wrk: no ${pattern} in its output:\n${output}`);
    return match;
  };
  const [, requests, amount, unit] = need(/(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read/);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  const non2xx = /Non-2xx or 3xx responses: (\d+)/.exec(output);
  const times = [...output.matchAll(/^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/gm)];
  const children = times.at(-1);
  return {
    rps: Math.round(Number(need(/Requests\/sec:\s+([\d.]+)/)[1])),
    requests: Number(requests),
    bytes: Number(amount) * BYTES[unit],
    p50: millis(need(/^\s+50%\s+(\S+)\s*$/m)[1]),
    p99: millis(need(/^\s+99%\s+(\S+)\s*$/m)[1]),
    errors: (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0) + (non2xx ? Number(non2xx[1]) : 0),
    cpuSeconds: children ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]) : 0,
  };
}

export function runWrk(options: { url: string; connections: number; durationSeconds: number; threads: number; headers: Record<string, string> }): Promise<WrkResult> {
  const args = ["-t", String(options.threads), "-c", String(options.connections), "-d", `${options.durationSeconds}s`, "--latency"];
  for (const [name, value] of Object.entries(options.headers)) args.push("-H", `${name}: ${value}`);
  const quoted = [WRK_BIN, ...args, options.url].map((word) => `'${word.replaceAll("'", "'\\''")}'`).join(" ");
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["-c", `${quoted}; status=$?; times; exit $status`], { stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      // Thrown in this handler, a parse error would end the process before the bench's cleanup.
      try {
        if (code !== 0) throw new Error(`wrk exited with ${code}:\n${output}`);
        resolve(parseWrk(output));
      } catch (error) {
        reject(error);
      }
    });
  });
}
