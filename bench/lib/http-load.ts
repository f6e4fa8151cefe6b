// Timed HTTP requests against the production server: a signed-in session's cookie, and a load of
// GET requests from a few concurrent connections (each request timed to its body's last byte).
import { percentiles } from "./shoppers";

/** Signs in through Auth.js's credentials route, as the sign-in form does; returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair.indexOf("=");
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
  };
  const header = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: header(), origin: base },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: "/admin" }),
    redirect: "manual",
  });
  keep(response);
  if (!jar.has("authjs.session-token")) throw new Error(`sign-in of ${email} failed (${response.status} ${response.headers.get("location")})`);
  return header();
}

export type LoadResult = { requests: number; perSecond: number; p50: number; p95: number; p99: number; errors: number; kilobytes: number };

/** GETs `paths` in turn from `connections` concurrent connections for `seconds`. */
export async function load(base: string, paths: string[], options: { connections: number; seconds: number; cookie: string }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.connections }, async () => {
      while (performance.now() < deadline) {
        const path = paths[next++ % paths.length];
        const t0 = performance.now();
        const response = await fetch(base + path, { headers: { cookie: options.cookie }, redirect: "manual" });
        const body = await response.text();
        latencies.push(performance.now() - t0);
        bytes += body.length;
        if (response.status !== 200) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { requests: latencies.length, perSecond: latencies.length / seconds, ...percentiles(latencies), errors, kilobytes: bytes / latencies.length / 1024 };
}

/** Fetches a page once and checks it is the page expected (not a sign-in redirect or an error). */
export async function fetchPage(base: string, path: string, cookie: string, mustContain: string): Promise<string> {
  const response = await fetch(base + path, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(mustContain)) throw new Error(`GET ${path} answered ${response.status} without ${mustContain}`);
  return body;
}
