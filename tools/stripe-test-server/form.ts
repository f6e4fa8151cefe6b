// Parses Stripe-style form bodies (`a[b][0][c]=1&expand[]=x`) into nested objects and arrays.

export type FormValue = string | FormValue[] | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

// While building, every container is a null-prototype record (so keys such as
// `__proto__` stay plain data); containers whose keys are all indexes become arrays at the end.
type Draft = { [key: string]: DraftValue };
type DraftValue = string | Draft;

const APPEND = "";

/** Splits `line_items[0][price_data][currency]` into `["line_items", "0", "price_data", "currency"]`. */
export function parseKeyPath(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const path = [key.slice(0, open)];
  const rest = key.slice(open);
  const segment = /\[([^\]]*)\]/g;
  let consumed = 0;
  for (let match = segment.exec(rest); match; match = segment.exec(rest)) {
    if (match.index !== consumed) break;
    path.push(match[1]);
    consumed = match.index + match[0].length;
  }
  // Anything after the last well-formed bracket (`a[b]c`) is kept verbatim, like PHP/Rack do.
  if (consumed < rest.length) path[path.length - 1] += rest.slice(consumed);
  return path;
}

function newDraft(): Draft {
  return Object.create(null) as Draft;
}

function nextIndex(container: Draft): string {
  let max = -1;
  for (const key of Object.keys(container)) {
    if (/^\d+$/.test(key)) max = Math.max(max, Number(key));
  }
  return String(max + 1);
}

function assign(root: Draft, path: string[], value: string): void {
  let container = root;
  for (let i = 0; i < path.length; i += 1) {
    const segment = path[i] === APPEND && i > 0 ? nextIndex(container) : path[i];
    if (i === path.length - 1) {
      container[segment] = value;
      return;
    }
    const existing = container[segment];
    if (typeof existing === "object") {
      container = existing;
    } else {
      // A later nested key wins over an earlier scalar with the same name.
      const child = newDraft();
      container[segment] = child;
      container = child;
    }
  }
}

function isIndexKeyed(draft: Draft): boolean {
  const keys = Object.keys(draft);
  return keys.length > 0 && keys.every((key) => /^\d+$/.test(key));
}

function finish(value: DraftValue): FormValue {
  if (typeof value === "string") return value;
  if (isIndexKeyed(value)) {
    // Sparse indexes (`a[0]`, `a[3]`) are compacted in index order, as Stripe does.
    return Object.keys(value)
      .map(Number)
      .sort((a, b) => a - b)
      .map((index) => finish(value[String(index)]));
  }
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, finish(child)]));
}

/** Parses an `application/x-www-form-urlencoded` body or query string into nested params. */
export function parseForm(body: string): FormObject {
  const root = newDraft();
  for (const [key, value] of new URLSearchParams(body)) {
    if (key === "") continue;
    assign(root, parseKeyPath(key), value);
  }
  const result = finish(root);
  return Array.isArray(result) || typeof result === "string" ? {} : result;
}

/** Stable JSON of parsed params, used to compare idempotent requests regardless of key order. */
export function canonicalJson(value: FormValue): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(",")}}`;
}

/** Decodes a percent-encoded path segment; malformed input is kept as is (it then simply matches no id). */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Formats a param path the way Stripe reports it in errors: `line_items[0][quantity]`. */
export function formatParam(path: ReadonlyArray<PropertyKey>): string {
  const [head, ...rest] = path.map(String);
  return (head ?? "") + rest.map((segment) => `[${segment}]`).join("");
}
