// Ids as the database stores them: integer (int4) keys and UUIDs. Anything else cannot name a row,
// so it is refused before a query (a too-large number would be a database error, not a 404).

/** The largest value of a PostgreSQL `integer` column. */
export const INT4_MAX = 2_147_483_647;

export function isIntId(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= INT4_MAX;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
