// The fuzzer's bad inputs, as fast-check arbitraries: wrong types, huge and odd numbers, unicode
// that trips parsers (NUL, control characters, lone surrogates, RTL, combining marks), injection
// strings, deep and huge JSON, broken bodies. Each field mixes them with plausible values, so that
// requests get past the first check too.
import fc from "fast-check";

export const LONE_SURROGATES = ["\uD800", "\uDBFF", "\uDC00", "\uDFFF", "a\uD83Db", "\uDE00\uD83D"];

/** Strings that have broken web apps: injections of every kind, and characters parsers choke on. */
export const NASTY_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "\u0001\u0002\u0003\u0007\u0008\u001b[31m",
  "\t\n\r\u000b\u000c",
  "\u00a0\u2000\u200b\u2028\u2029\ufeff",
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  "'); SELECT pg_sleep(5); --",
  "\\",
  "%",
  "%%",
  "_%",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "{{7*7}}",
  "${7*7}",
  "#{7*7}",
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  '{"$gt":""}',
  "../../../../etc/passwd",
  "..%2F..%2F..%2Fetc%2Fpasswd",
  "....//....//etc/passwd",
  "/..",
  "\\..\\..\\windows\\win.ini",
  "//evil.example",
  "/\\evil.example",
  "https://evil.example/",
  "http://127.0.0.1:1/",
  "\r\nSet-Cookie: pwned=1",
  "%0d%0aLocation:%20https://evil.example",
  "x\r\n\r\n<html>",
  "\u202eevil\u202c",
  "\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627",
  "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319\u0324\u031e\u0349\u035a\u032f\u031e\u0320\u034d",
  "e\u0301\u0301\u0301\u0301\u0301",
  "😀👩‍👩‍👧‍👦🏳️‍🌈",
  "𝕳𝖆𝖑𝖑𝖊𝖘",
  "ﷺ",
  "İı",
  "ß".repeat(50),
  "%s%s%s%n",
  "NaN",
  "Infinity",
  "-Infinity",
  "undefined",
  "null",
  "true",
  "[]",
  "{}",
  "[object Object]",
  ...LONE_SURROGATES,
];

/** Numbers that are wrong in every way a form or query can carry them. */
export const NASTY_NUMBERS = [
  "0",
  "-0",
  "-1",
  "1.5",
  "0.1",
  "1e3",
  "1e308",
  "1e309",
  "-1e309",
  "2147483647",
  "2147483648",
  "4294967296",
  "9007199254740993",
  "99999999999999999999999999999",
  "-2147483649",
  "0x10",
  "0b11",
  "1_000",
  " 42 ",
  "4 2",
  "+1",
  "١٢٣",
  "１２",
  "1,5",
  "NaN",
  "Infinity",
  "1/0",
];

const nasty = fc.constantFrom(...NASTY_STRINGS);
const nastyNumber = fc.constantFrom(...NASTY_NUMBERS);
const unicode = fc.string({ unit: "binary", maxLength: 40 });
const graphemes = fc.string({ unit: "grapheme", maxLength: 20 });
const loneSurrogate = fc.constantFrom(...LONE_SURROGATES);

/** A long string: repeated text up to ~40 KB (URLs and headers cap lower; see `huge` below). */
const long = (max: number) =>
  fc.tuple(fc.constantFrom("a", "9", "é", "😀", "%", "<", "\u0000", "' OR 1=1 -- "), fc.integer({ min: 200, max })).map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)));

/** Any text a client could send where a value is expected. */
export function badText(maxLength = 40_000): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: nasty },
    { weight: 2, arbitrary: nastyNumber },
    { weight: 2, arbitrary: unicode },
    { weight: 1, arbitrary: graphemes },
    { weight: 1, arbitrary: loneSurrogate },
    { weight: 1, arbitrary: fc.double().map(String) },
    { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
    { weight: 1, arbitrary: long(maxLength) },
    { weight: 1, arbitrary: fc.tuple(nasty, unicode, nastyNumber).map((parts) => parts.join("")) },
  );
}

/** A field's value: plausible values most often wrong in some way. */
export function field(plausible: fc.Arbitrary<string>, maxLength?: number): fc.Arbitrary<string> {
  return fc.oneof({ weight: 2, arbitrary: plausible }, { weight: 3, arbitrary: badText(maxLength) });
}

/** JSON of the wrong type, nested deep or wide. */
export function badJson(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, 2 ** 53 + 2, -(2 ** 63), 1e308, "", [], {}) },
    { weight: 1, arbitrary: badText(2_000) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((depth) => deepArray(depth)) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 3_000 }).map((depth) => deepObject(depth)) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 20_000 }).map((n) => Array.from({ length: n }, (_, i) => i)) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))) },
  );
}

export function deepArray(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

export function deepObject(depth: number): unknown {
  let value: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** Request bodies that are not what the endpoint reads: broken JSON, other formats, raw bytes. */
export function brokenBody(): fc.Arbitrary<string | Uint8Array> {
  return fc.oneof(
    fc.constantFrom("", "{", "[", '{"a":', "{'a':1}", "[1,]", '{"a":1}}', "null", "NaN", "\ufeff{}", '{"__proto__":{"polluted":true}}', '{"a":1,"a":2}', "\u0000"),
    fc.uint8Array({ maxLength: 2_000 }),
    fc.constantFrom(Uint8Array.from([0xff, 0xfe, 0xfd]), Uint8Array.from([0xc0, 0xaf]), Uint8Array.from([0xed, 0xa0, 0x80])),
    badText(20_000),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? ""),
  );
}

/** Content types, right, wrong and malformed. */
export const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "application/json; charset=latin1",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "application/octet-stream",
  "a/b;;;=",
  "application/json; charset=\"",
);

/** A URL path segment: plausible ones, bad text percent-encoded, and raw characters. */
export function pathSegment(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 2, arbitrary: plausible.map(encodeURIComponent) },
    { weight: 3, arbitrary: badText(3_000).map(encodeSegment) },
    { weight: 1, arbitrary: fc.constantFrom("%", "%zz", "%E0%A4%A", "%C0%AF", "%ED%A0%80", "%FF", "..", ".", "%2e%2e", "a%2Fb", "%00", ";", "~", "%5C") },
  );
}

/** encodeURIComponent, which throws on lone surrogates: those go as the bytes a broken client sends. */
export function encodeSegment(text: string): string {
  return Array.from(text, (char) => {
    try {
      return encodeURIComponent(char);
    } catch {
      return `%${(char.charCodeAt(0) >> 8).toString(16).toUpperCase()}%${(char.charCodeAt(0) & 0xff).toString(16).toUpperCase()}`;
    }
  }).join("");
}

/** A query string from known keys (and random ones), each value bad or plausible, some repeated. */
export function queryString(keys: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<string> {
  const known = Object.entries(keys).map(([key, plausible]) => fc.tuple(fc.constant(key), field(plausible, 3_000)));
  const random = fc.tuple(fc.oneof(fc.constantFrom("__proto__", "a[]", "a[b]", "", "%", "callbackUrl", "page", "store"), fc.string({ maxLength: 10 })), badText(500));
  const pair = known.length ? fc.oneof({ weight: 4, arbitrary: fc.oneof(...known) }, { weight: 1, arbitrary: random }) : random;
  return fc.array(pair, { maxLength: 8 }).map((pairs) => pairs.map(([k, v]) => `${encodeSegment(k)}=${encodeSegment(v)}`).join("&"));
}
