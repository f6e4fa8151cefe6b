// What a deploy asks a new web instance before the gateway sends it anyone (scripts/lib/release-switch.ts):
// the pages a shopper walks through, the API, a build asset, and which release answers. Asked
// directly on its port with PUBLIC_URL's host, as the gateway passes it on (another host is redirected).
import { request } from "node:http";

export type Answer = { status: number; type: string; body: string };

/** A GET with the given Host header, on a connection of its own (so that no pooled connection answers from an older process). */
export function getWithHost(url: string, host: string, timeoutMs = 15_000): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host, accept: "text/html,application/json,*/*" }, agent: false, timeout: timeoutMs }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"] ?? ""), body }));
      response.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer from ${url} within ${timeoutMs / 1000} s`)));
    req.on("error", reject);
    req.end();
  });
}

/** The release a web instance says it runs (GET /api/health → version). */
export async function answeringRelease(baseUrl: string, host: string): Promise<string | null> {
  const answer = await getWithHost(`${baseUrl}/api/health`, host);
  if (answer.status !== 200) return null;
  return (JSON.parse(answer.body) as { version?: string }).version ?? null;
}

/**
 * Home, the first category it links to, the first product that category lists, the product list
 * of REST v1, the home page's stylesheet and /api/health's release: each must answer 200 with what
 * it should hold. Returns what was checked; throws naming the first thing that failed.
 */
export async function smokeCheck(baseUrl: string, publicUrl: string, release: string): Promise<string[]> {
  const host = new URL(publicUrl).host;
  const checked: string[] = [];
  const expectAnswer = async (path: string, type: RegExp, content: RegExp, what: string) => {
    const answer = await getWithHost(baseUrl + path, host);
    if (answer.status !== 200 || !type.test(answer.type) || !content.test(answer.body)) {
      throw new Error(`smoke check failed: ${path} (${what}) answered ${answer.status} ${answer.type}: ${answer.body.slice(0, 200)}`);
    }
    checked.push(`${path} ${answer.status}`);
    return answer.body;
  };
  const linked = (html: string, prefix: string, what: string) => {
    const found = new RegExp(`href="(${prefix}[a-z0-9-]+)"`).exec(html)?.[1];
    if (!found) throw new Error(`smoke check failed: ${what} links to no ${prefix}… page`);
    return found;
  };
  const home = await expectAnswer("/", /text\/html/, /<html/, "home");
  const category = await expectAnswer(linked(home, "/c/", "the home page"), /text\/html/, /<h1/, "a category");
  await expectAnswer(linked(category, "/p/", "the category page"), /text\/html/, /<h1/, "a product");
  await expectAnswer("/api/v1/products?limit=1", /application\/json/, /"data"\s*:\s*\[/, "REST v1's product list");
  const stylesheet = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(home)?.[1];
  if (!stylesheet) throw new Error("smoke check failed: the home page links to no stylesheet of the build");
  await expectAnswer(stylesheet, /text\/css/, /\S/, "the build's stylesheet");
  const answering = await answeringRelease(baseUrl, host);
  if (answering !== release) throw new Error(`smoke check failed: /api/health says release ${answering}, not ${release}`);
  checked.push(`/api/health says ${release}`);
  return checked;
}
