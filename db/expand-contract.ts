// Expand/contract: during a blue-green switch the previous release and the new one run on one
// database, after the new release's migrations. So a migration may only add (expand); it must not
// take away or change what the previous release reads and writes (contract, in a later release).
// The previous release uses what its Drizzle snapshot describes: its schema is what its code knows.
//
// Refused, when the table or column is in the previous release's snapshot:
// - DROP TABLE, ALTER TABLE … RENAME TO, DROP TYPE (an enum);
// - DROP COLUMN, RENAME COLUMN, ALTER COLUMN … TYPE;
// - a NOT NULL that the previous release's inserts cannot satisfy: SET NOT NULL, or ADD COLUMN …
//   NOT NULL, on a column the new snapshot gives no default.
// Contracting therefore takes two releases: the first stops using a column and drops it from the
// schema without dropping it in the database; the next drops it (see docs/operations.md).

export type Snapshot = {
  tables: Record<string, { name: string; columns: Record<string, { name: string; notNull?: boolean; default?: unknown }> }>;
  enums?: Record<string, { name: string }>;
};

export type Contraction = { migration: string; statement: string; reason: string };

const NAME = String.raw`(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
const QUALIFIED = String.raw`(?:${NAME}\s*\.\s*)?${NAME}`;

/** `"public"."users"` or `users` → `users` (the table's own name; the app uses one schema). */
function bareName(qualified: string): string {
  const last = qualified.trim().match(new RegExp(`${NAME}$`, "i"))![0];
  return last.startsWith('"') ? last.slice(1, -1).replaceAll('""', '"') : last.toLowerCase();
}

/** Statements of a drizzle-kit migration: split at its breakpoints and semicolons, comments dropped. */
export function statementsOf(sql: string): string[] {
  return sql
    .replace(/--[^\n]*/g, "")
    .split(";")
    .map((statement) => statement.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

function tablesOf(snapshot: Snapshot): Map<string, Snapshot["tables"][string]> {
  return new Map(Object.values(snapshot.tables).map((table) => [table.name, table]));
}

/**
 * What in `migrations` (name → SQL, in order) would break the release whose schema is `previous`,
 * given the schema `next` the migrations lead to.
 */
export function findContractions(migrations: { name: string; sql: string }[], previous: Snapshot, next: Snapshot): Contraction[] {
  const before = tablesOf(previous);
  const after = tablesOf(next);
  const enums = new Set(Object.values(previous.enums ?? {}).map((type) => type.name));
  const used = (table: string, column?: string) => {
    const known = before.get(table);
    return known !== undefined && (column === undefined || Object.values(known.columns).some((c) => c.name === column));
  };
  const hasDefault = (table: string, column: string) =>
    Object.values(after.get(table)?.columns ?? {}).some((c) => c.name === column && c.default !== undefined);

  const found: Contraction[] = [];
  for (const { name, sql } of migrations) {
    for (const statement of statementsOf(sql)) {
      const refuse = (reason: string) => found.push({ migration: name, statement, reason });
      const dropTables = statement.match(new RegExp(`^DROP TABLE (?:IF EXISTS )?(${QUALIFIED}(?:\\s*,\\s*${QUALIFIED})*)`, "i"));
      if (dropTables) {
        for (const table of dropTables[1].split(",").map(bareName)) if (used(table)) refuse(`drops table ${table}, which the previous release uses`);
        continue;
      }
      const dropType = statement.match(new RegExp(`^DROP TYPE (?:IF EXISTS )?(${QUALIFIED})`, "i"));
      if (dropType) {
        if (enums.has(bareName(dropType[1]))) refuse(`drops type ${bareName(dropType[1])}, which the previous release uses`);
        continue;
      }
      const alter = statement.match(new RegExp(`^ALTER TABLE (?:IF EXISTS )?(?:ONLY )?(${QUALIFIED}) (.*)$`, "i"));
      if (!alter) continue;
      const table = bareName(alter[1]);
      const action = alter[2];
      let match: RegExpMatchArray | null;
      if ((match = action.match(new RegExp(`^RENAME TO (${NAME})`, "i")))) {
        if (used(table)) refuse(`renames table ${table}, which the previous release uses`);
      } else if ((match = action.match(new RegExp(`^RENAME (?:COLUMN )?(${NAME}) TO`, "i")))) {
        if (used(table, bareName(match[1]))) refuse(`renames column ${table}.${bareName(match[1])}, which the previous release uses`);
      } else if ((match = action.match(new RegExp(`^DROP (?:COLUMN )?(?:IF EXISTS )?(${NAME})(?:\\s|$)`, "i"))) && !/^DROP CONSTRAINT /i.test(action)) {
        if (used(table, bareName(match[1]))) refuse(`drops column ${table}.${bareName(match[1])}, which the previous release uses`);
      } else if ((match = action.match(new RegExp(`^ALTER (?:COLUMN )?(${NAME}) (?:SET DATA )?TYPE `, "i")))) {
        if (used(table, bareName(match[1]))) refuse(`changes the type of ${table}.${bareName(match[1])}, which the previous release uses`);
      } else if ((match = action.match(new RegExp(`^ALTER (?:COLUMN )?(${NAME}) SET NOT NULL`, "i")))) {
        const column = bareName(match[1]);
        if (used(table) && !hasDefault(table, column)) refuse(`makes ${table}.${column} NOT NULL without a default: the previous release's inserts leave it empty`);
      } else if ((match = action.match(new RegExp(`^ADD (?:COLUMN )?(?:IF NOT EXISTS )?(${NAME}) (.*)$`, "i")))) {
        const column = bareName(match[1]);
        if (used(table) && /\bNOT NULL\b/i.test(match[2]) && !/\bDEFAULT\b/i.test(match[2]) && !/\bGENERATED\b/i.test(match[2])) {
          refuse(`adds ${table}.${column} NOT NULL without a default: the previous release's inserts leave it empty`);
        }
      }
    }
  }
  return found;
}

/** Reads a file of a migrations folder by its path inside it (`meta/_journal.json`, `0007_marketing.sql`). */
export type MigrationFiles = (file: string) => string;

type Journal = { entries: { idx: number; tag: string }[] };

const snapshotFile = (idx: number) => `meta/${String(idx).padStart(4, "0")}_snapshot.json`;

/**
 * The contractions in `next`'s migrations for the release whose migrations folder is `previous`:
 * the migrations `previous` does not have, checked against its last snapshot. Either folder may be
 * a git ref's (scripts/check-migrations.ts) or a release bundle's (scripts/deploy.ts).
 */
export function contractionsBetween(previous: MigrationFiles, next: MigrationFiles): Contraction[] {
  const journal = JSON.parse(next("meta/_journal.json")) as Journal;
  const previousJournal = JSON.parse(previous("meta/_journal.json")) as Journal;
  const known = new Set(previousJournal.entries.map((entry) => entry.tag));
  const added = journal.entries.filter((entry) => !known.has(entry.tag));
  if (added.length === 0) return [];
  return findContractions(
    added.map(({ tag }) => ({ name: tag, sql: next(`${tag}.sql`) })),
    JSON.parse(previous(snapshotFile(previousJournal.entries.at(-1)!.idx))) as Snapshot,
    JSON.parse(next(snapshotFile(journal.entries.at(-1)!.idx))) as Snapshot,
  );
}
