// Stale stock on cached pages (issue 6 item 10): the worker's refresh reaches the web app's internal
// endpoint, which expires the tags for it and for no one else.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const expired = vi.hoisted(() => [] as { tag: string; profile: unknown }[]);
vi.mock("next/cache", () => ({ revalidateTag: (tag: string, profile: unknown) => expired.push({ tag, profile }) }));

const SECRET = "refresh-test-secret-0123456789abcdefghijkl";
process.env.AUTH_SECRET = SECRET;
const { POST } = await import("@/app/api/internal/revalidate/route");
const { refreshStorefront } = await import("./refresh-storefront");

let server: Server;
let webUrl: string;

beforeAll(async () => {
  // The route handler behind a real HTTP server, as next start serves it.
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const request = new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
    const response = await POST(request, undefined);
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void (expired.length = 0));

describe("refresh-storefront", () => {
  it("expires the store's stock tag at once (not stale-while-revalidate)", async () => {
    expect(await refreshStorefront({ webUrl, secret: SECRET }, { tags: ["stock:3"] })).toEqual({ revalidated: ["stock:3"] });
    expect(expired).toEqual([{ tag: "stock:3", profile: { expire: 0 } }]);
  });

  it("is refused without the workers' token, so the job is retried rather than lost", async () => {
    await expect(refreshStorefront({ webUrl, secret: "another-secret-0123456789abcdefghijklmno" }, { tags: ["stock:3"] })).rejects.toThrow(/answered 401/);
    const anonymous = await fetch(`${webUrl}/api/internal/revalidate`, { method: "POST", body: JSON.stringify({ tags: ["catalog"] }) });
    expect(anonymous.status).toBe(401);
    expect(expired).toEqual([]);
  });

  it("refuses tags that are not cache tags", async () => {
    const token = (await import("@/lib/storefront/refresh-token")).refreshToken(SECRET);
    for (const body of ['{"tags":["../etc"]}', '{"tags":[]}', "not json", '{"tags":"stock:1"}']) {
      const response = await fetch(`${webUrl}/api/internal/revalidate`, { method: "POST", headers: { authorization: `Bearer ${token}` }, body });
      expect(response.status, body).toBe(400);
    }
    expect(expired).toEqual([]);
  });
});
