// Return paths after sign-in: only a relative path on this site, never another origin.

const DEFAULT_RETURN_PATH = "/account";
const BASE = "http://halles.invalid";
const SIGN_IN_PAGES = new Set(["/sign-in", "/sign-up"]);

/**
 * A path that every browser reads as a path on this site: one leading slash, never "//" or "/\"
 * (protocol-relative), no backslashes or control characters (browsers turn "\" into "/" and drop
 * tabs and newlines), and the same once percent-decoded, for anything that decodes it again.
 */
function isSameSitePath(value: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return false;
  }
  return [value, decoded].every((v) => v.startsWith("/") && !v.startsWith("//") && !/[\\\u0000-\u001f\u007f]/.test(v));
}

/**
 * `next` as given in the URL or a form, if it is a path on this site ("/account",
 * "/c/fruit?sort=price-asc"); otherwise the fallback. Dot segments are resolved first and the
 * result is checked again: "/.//evil.example" resolves to "//evil.example", another site. Refuses
 * absolute and protocol-relative URLs, backslashes and control characters (raw or encoded), and
 * the sign-in pages.
 */
export function safeNextPath(next: unknown, fallback: string = DEFAULT_RETURN_PATH): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 512) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(next) || !isSameSitePath(next.split(/[?#]/, 1)[0])) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || SIGN_IN_PAGES.has(url.pathname)) return fallback;
  // Checked again after resolving: the path a browser will follow is this one, not the input.
  return isSameSitePath(url.pathname) ? `${url.pathname}${url.search}${url.hash}` : fallback;
}
