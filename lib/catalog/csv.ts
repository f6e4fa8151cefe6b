// CSV as RFC 4180 writes it: fields separated by commas, records by CRLF (LF accepted), fields
// that hold a comma, a quote or a line break quoted, quotes doubled inside. Small on purpose:
// the catalog's export and import need nothing more.

export type CsvRecord = {
  /** The line the record starts on, 1-based (a quoted field may span lines). */
  line: number;
  fields: string[];
};

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`Line ${line}: ${message}`);
    this.name = "CsvSyntaxError";
  }
}

/**
 * The records of a CSV text, with the line each starts on. A leading byte-order mark is ignored,
 * blank lines are skipped, and a quote inside an unquoted field, text after a closing quote or an
 * unclosed quote is a CsvSyntaxError naming its line.
 */
export function parseCsv(text: string): CsvRecord[] {
  const input = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  let quoted = false;
  let fieldStarted = false;

  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
    quoted = false;
  };
  const endRecord = () => {
    endField();
    if (!(fields.length === 1 && fields[0] === "")) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"') {
        if (input[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        const next = input[i];
        if (next !== undefined && next !== "," && next !== "\r" && next !== "\n") throw new CsvSyntaxError(line, "text after a closing quote: quote the whole field.");
        continue;
      }
      if (c === "\n") line++;
      field += c;
      i++;
      continue;
    }
    if (c === '"') {
      if (fieldStarted) throw new CsvSyntaxError(line, "a quote inside an unquoted field: quote the field and double its quotes.");
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (c === ",") {
      endField();
      i++;
      continue;
    }
    if (c === "\r" || c === "\n") {
      endRecord();
      i += c === "\r" && input[i + 1] === "\n" ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    field += c;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, "a quoted field is never closed.");
  if (field !== "" || fields.length > 0 || fieldStarted) endRecord();
  return records;
}

/** One field, quoted when it must be. A leading =, +, - or @ is prefixed with ' so spreadsheets never run it as a formula. */
export function csvField(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? "" : String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Records as CSV text, CRLF after each. */
export function toCsv(rows: (string | number | null | undefined)[][]): string {
  return rows.map((row) => row.map(csvField).join(",") + "\r\n").join("");
}

/** Undoes csvField's formula guard: "'=SUM(A1)" → "=SUM(A1)". */
export function csvText(field: string): string {
  return /^'[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}
