// The database client's limits (issue 6 item 8): the web app's pool cancels statements that run
// past its statement_timeout, and the API answers that with a 503, not a 500.
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { apiHandler } from "@/lib/api/handler";
import { createDatabase, getDb } from "./client";

const short = createDatabase(process.env.DATABASE_URL!, 1, { statementTimeoutMs: 200 });
afterAll(() => short.sql.end());

describe("limits (issue 6 item 8): statement_timeout", () => {
  it("the web app's pool has one (5 s unless configured)", async () => {
    const [row] = await getDb().execute<{ statement_timeout: string }>(sql`show statement_timeout`);
    expect(row.statement_timeout).toBe("5s");
  });

  it("cancels a statement that runs past it, and the API answers 503", async () => {
    await expect(short.db.execute(sql`select pg_sleep(2)`)).rejects.toMatchObject({ cause: { code: "57014" } });
    const handler = apiHandler(async () => {
      await short.db.execute(sql`select pg_sleep(2)`);
      return Response.json({});
    });
    const response = await handler(new Request("http://localhost/api/v1/slow"), undefined);
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("unavailable");
    // The connection is still good afterwards.
    expect(await short.db.execute(sql`select 1 as one`)).toEqual([{ one: 1 }]);
  });
});
