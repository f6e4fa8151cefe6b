import { describe, expect, it } from "vitest";
import { CsvSyntaxError, csvField, csvText, parseCsv, toCsv } from "./csv";

describe("parseCsv", () => {
  it("reads plain and quoted fields, CRLF or LF, with each record's first line", () => {
    const text = 'a,b,c\r\n1,"two, with comma","say ""hi"""\n"multi\nline",,x\r\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["a", "b", "c"] },
      { line: 2, fields: ["1", "two, with comma", 'say "hi"'] },
      { line: 3, fields: ["multi\nline", "", "x"] },
    ]);
  });

  it("skips blank lines and a byte-order mark, and reads a last record without a line break", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,2")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["1", "2"] },
    ]);
    expect(parseCsv("")).toEqual([]);
    expect(parseCsv('""')).toEqual([]);
    expect(parseCsv("a,")).toEqual([{ line: 1, fields: ["a", ""] }]);
  });

  it("names the line of a syntax error", () => {
    expect(() => parseCsv('a\nb"c')).toThrow(new CsvSyntaxError(2, "a quote inside an unquoted field: quote the field and double its quotes."));
    expect(() => parseCsv('a\n"b"c')).toThrow(/Line 2: text after a closing quote/);
    expect(() => parseCsv('a\n\n"never closed\n')).toThrow(/Line 3: a quoted field is never closed/);
  });
});

describe("toCsv", () => {
  it("quotes what must be quoted and round-trips through parseCsv", () => {
    const rows = [
      ["sku", "name", "description"],
      ["A-1", 'Jam "extra"', "Line one\nline two, with comma"],
      ["A-2", "", null],
    ];
    const text = toCsv(rows);
    expect(text).toBe('sku,name,description\r\nA-1,"Jam ""extra""","Line one\nline two, with comma"\r\nA-2,,\r\n');
    expect(parseCsv(text).map((r) => r.fields)).toEqual([rows[0], rows[1], ["A-2", "", ""]]);
  });

  it("keeps spreadsheets from running a field as a formula, and reads it back as typed", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField("+33")).toBe("'+33");
    expect(csvField(-5)).toBe("-5");
    expect(csvText("'=1+1")).toBe("=1+1");
    expect(csvText("'plain")).toBe("'plain");
  });
});
