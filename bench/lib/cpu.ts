// CPU time of the processes a bench drives, read from /proc (Linux, PostgreSQL on this machine):
// this process, child processes by pid or by process group, and the PostgreSQL backends connected
// to one database.
import { readdirSync, readFileSync } from "node:fs";
import postgres from "postgres";

const TICKS_PER_SECOND = 100;

/** CPU seconds the whole machine spent busy (all cores), from /proc/stat. */
function machineSeconds(): number {
  try {
    const [, ...fields] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The fields of /proc/<pid>/stat after the command name (field 3 onwards), or null when gone. */
function statFields(pid: number | string): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** User + system CPU seconds of a process, or 0 when it cannot be read. */
function processSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND : 0;
}

/**
 * User + system CPU seconds of every live process in a process group: a service started with
 * startService (next start and its server process, nginx's master and workers).
 */
export function groupSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    const fields = statFields(pid);
    if (fields && Number(fields[2]) === pgid) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / TICKS_PER_SECOND;
}

export type CpuSample = Record<string, number>;

/**
 * Samples CPU seconds per group: `bench` (this process), each named child pid, each named process
 * group (`groups`, by leader pid), `postgres` (the backends connected to `databaseUrl`'s database,
 * found in pg_stat_activity), and `others`: the rest of the machine.
 */
export function cpuMeter(databaseUrl: string, children: Record<string, number | undefined>, groups: Record<string, number | undefined> = {}) {
  const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const sample = async (): Promise<CpuSample> => {
    const backends = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`;
    const result: CpuSample = { bench: process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6 };
    for (const [name, pid] of Object.entries(children)) if (pid) result[name] = processSeconds(pid);
    for (const [name, pgid] of Object.entries(groups)) if (pgid) result[name] = groupSeconds(pgid);
    result.postgres = backends.reduce((sum, b) => sum + processSeconds(b.pid), 0);
    // Everything else running on the machine meanwhile (other work disturbs the figures).
    result.others = machineSeconds() - Object.values(result).reduce((sum, s) => sum + s, 0);
    return result;
  };
  return {
    sample,
    /** CPU milliseconds per unit of work between two samples, per group. */
    perUnit(before: CpuSample, after: CpuSample, units: number): Record<string, number> {
      return Object.fromEntries(Object.keys(after).map((k) => [k, ((after[k] - (before[k] ?? 0)) * 1000) / units]));
    },
    close: () => admin.end(),
  };
}
