// Readiness: the database answers and has every migration this build knows about.
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import journal from "../migrations/meta/_journal.json";

export type MigrationStatus = { current: boolean; applied: number; expected: number };

export async function migrationStatus(db: Executor): Promise<MigrationStatus> {
  const expected = journal.entries.length;
  const latest = Math.max(...journal.entries.map((e) => e.when));
  const [row] = await db.execute<{ applied: number; latest: string | null }>(sql`
    select count(*)::int as applied, max(created_at)::text as latest
    from drizzle.__drizzle_migrations`);
  const applied = row?.applied ?? 0;
  return { current: applied >= expected && Number(row?.latest) >= latest, applied, expected };
}
