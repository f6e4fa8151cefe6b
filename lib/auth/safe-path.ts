// Return paths after sign-in: only a relative path on this site, never another origin.

const DEFAULT_RETURN_PATH = "/account";

/**
 * `next` as given in the URL or a form, if it is a path on this site ("/account",
 * "/c/fruit?sort=price-asc"); otherwise the fallback. Refuses absolute and protocol-relative URLs
 * ("https://evil.test", "//evil.test", "/\\evil.test"), control characters and the sign-in pages.
 */
export function safeNextPath(next: unknown, fallback: string = DEFAULT_RETURN_PATH): string {
  if (typeof next !== "string" || next.length === 0 || next.length > 512) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, "http://halles.invalid");
  } catch {
    return fallback;
  }
  if (url.origin !== "http://halles.invalid") return fallback;
  if (url.pathname === "/sign-in" || url.pathname === "/sign-up") return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
