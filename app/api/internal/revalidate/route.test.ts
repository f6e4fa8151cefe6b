// The internal refresh endpoint: expires the tags it is given, at once, for Halles's own callers only.
import { beforeEach, describe, expect, it, vi } from "vitest";

const expired = vi.hoisted(() => [] as { tag: string; profile: unknown }[]);
vi.mock("next/cache", () => ({ revalidateTag: (tag: string, profile: unknown) => expired.push({ tag, profile }) }));

const SECRET = "refresh-test-secret-0123456789abcdefghijkl";
process.env.AUTH_SECRET = SECRET;
const { POST } = await import("./route");
const { refreshToken } = await import("@/lib/storefront/refresh-token");

const post = (body: string, authorization?: string) =>
  POST(new Request("http://localhost/api/internal/revalidate", { method: "POST", headers: authorization ? { authorization } : {}, body }), undefined);

beforeEach(() => void (expired.length = 0));

describe("POST /api/internal/revalidate", () => {
  it("expires the tags at once (not stale-while-revalidate)", async () => {
    const response = await post('{"tags":["stock:3"]}', `Bearer ${refreshToken(SECRET)}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ revalidated: ["stock:3"] });
    expect(expired).toEqual([{ tag: "stock:3", profile: { expire: 0 } }]);
  });

  it("is refused without the token derived from AUTH_SECRET", async () => {
    expect((await post('{"tags":["stock:3"]}', `Bearer ${refreshToken("another-secret-0123456789abcdefghijklmno")}`)).status).toBe(401);
    expect((await post('{"tags":["catalog"]}')).status).toBe(401);
    expect(expired).toEqual([]);
  });

  it("refuses tags that are not cache tags", async () => {
    for (const body of ['{"tags":["../etc"]}', '{"tags":[]}', "not json", '{"tags":"stock:1"}']) {
      expect((await post(body, `Bearer ${refreshToken(SECRET)}`)).status, body).toBe(400);
    }
    expect(expired).toEqual([]);
  });
});
