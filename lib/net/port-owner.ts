// Which process listens on a TCP port of this machine, to name it when a port is taken: from
// /proc on Linux, else from `lsof` (macOS); null when neither can tell (another user's process).
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import { basename } from "node:path";

export type PortOwner = { pid: number; name: string; command: string };

const LISTEN = "0A"; // the TCP state column of /proc/net/tcp{,6}

export function findPortOwner(port: number): PortOwner | null {
  return ownerFromProc(port) ?? ownerFromLsof(port);
}

/** Inodes of the sockets listening on `port`, from /proc/net/tcp and tcp6 (columns: sl, local, remote, state, …, inode). */
function listeningSocketInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let rows: string[];
    try {
      rows = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const row of rows) {
      const fields = row.trim().split(/\s+/);
      const localPort = Number.parseInt(fields[1]?.split(":")[1] ?? "", 16);
      if (fields[3] === LISTEN && localPort === port && fields[9] !== "0") inodes.add(fields[9]);
    }
  }
  return inodes;
}

function ownerFromProc(port: number): PortOwner | null {
  const inodes = listeningSocketInodes(port);
  if (inodes.size === 0) return null;
  const links = new Set([...inodes].map((inode) => `socket:[${inode}]`));
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or another user's
    }
    for (const fd of fds) {
      try {
        if (links.has(readlinkSync(`/proc/${entry}/fd/${fd}`))) return describeProcess(Number(entry));
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** The name is the program's file name from its command line (`comm` is cut at 15 characters). */
function describeProcess(pid: number): PortOwner {
  const read = (file: string) => {
    try {
      return readFileSync(`/proc/${pid}/${file}`, "utf8");
    } catch {
      return "";
    }
  };
  const [program, ...args] = read("cmdline").split("\0").filter(Boolean);
  const name = program ? basename(program) : read("comm").trim() || "unknown";
  return { pid, name, command: [name, ...args].join(" ") };
}

function ownerFromLsof(port: number): PortOwner | null {
  const lsof = spawnSync("lsof", ["-nP", `-iTCP:${port}`, "-sTCP:LISTEN", "-Fpc"], { encoding: "utf8", timeout: 3_000 });
  if (lsof.error || !lsof.stdout) return null;
  const pid = /^p(\d+)$/m.exec(lsof.stdout)?.[1];
  const name = /^c(.+)$/m.exec(lsof.stdout)?.[1];
  return pid && name ? { pid: Number(pid), name, command: name } : null;
}

/** `node (pid 1234: node --import tsx workers/order-worker.ts)`, `mariadbd (pid 812)`, or "another program". */
export function describePortOwner(owner: PortOwner | null): string {
  if (!owner) return "another program";
  const oneLine = owner.command.replace(/\s+/g, " "); // `python3 -c "…"` may hold a whole script
  const command = oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
  return command === owner.name ? `${owner.name} (pid ${owner.pid})` : `${owner.name} (pid ${owner.pid}: ${command})`;
}
