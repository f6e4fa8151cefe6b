// The client's address, for per-address limits. The web server appends the TCP peer's address to
// X-Forwarded-For (lib/http/web-server-preload.mjs), so the last entry is always true; each
// trusted proxy in front (TRUSTED_PROXY_HOPS) appended the address it saw, so the client is that
// many entries further left. Entries further left still were written by the client: never read.
import { isIPv4, isIPv6 } from "node:net";

/** IPv4 as is; IPv6 as its /64, since one subscriber holds a whole /64; mapped IPv4 as IPv4. */
export function normalizeAddress(raw: string): string | null {
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:51234" forms, as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) value = mapped[1];
  if (isIPv4(value)) return value;
  if (!isIPv6(value)) return null;
  return `${expandIPv6(value).slice(0, 4).join(":")}::/64`;
}

/** The eight groups of an IPv6 address, lower-case and without leading zeros. */
function expandIPv6(address: string): string[] {
  const withoutZone = address.split("%")[0].toLowerCase();
  const [head, tail] = withoutZone.includes("::") ? withoutZone.split("::") : [withoutZone, null];
  const left = head ? head.split(":") : [];
  const right = tail === null ? [] : tail ? tail.split(":") : [];
  // A trailing embedded IPv4 ("::ffff:1.2.3.4" forms other than the mapped one) counts as two groups.
  const last = (tail === null ? left : right).at(-1);
  if (last && isIPv4(last)) {
    const [a, b, c, d] = last.split(".").map(Number);
    (tail === null ? left : right).splice(-1, 1, ((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = tail === null ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => parseInt(group, 16).toString(16));
}

/**
 * The client's address from the request's X-Forwarded-For, trusting the last `trustedHops + 1`
 * entries (the peer's, appended by this server, and each trusted proxy's); null when missing.
 */
export function clientAddress(headers: Pick<Headers, "get">, trustedHops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  if (entries.length === 0) return null;
  const index = Math.max(0, entries.length - 1 - trustedHops);
  return normalizeAddress(entries[index]);
}
