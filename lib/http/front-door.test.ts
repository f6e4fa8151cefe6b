import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { freePort } from "@/tests/ports";
import { clientAddress } from "./client-address";
import { canonicalRedirect, frontDoorRefusal, hasMalformedPath, isCrossSiteActionPost, withPeerAddress } from "./front-door.mjs";

const page = (url: string, headers: Record<string, string> = {}, method = "GET") => ({ method, url, headers: { host: "127.0.0.1:3000", ...headers } });
const demo = { publicUrl: "http://localhost:3000", trustedHops: 0 };

describe("one canonical host (issue 6 item 12)", () => {
  it("sends pages asked for on another host to PUBLIC_URL's, with their path and query", () => {
    expect(canonicalRedirect(page("/p/bananas?x=1"), demo)).toBe("http://localhost:3000/p/bananas?x=1");
    expect(canonicalRedirect(page("/"), demo)).toBe("http://localhost:3000/");
    expect(canonicalRedirect(page("/checkout", {}, "HEAD"), demo)).toBe("http://localhost:3000/checkout");
    expect(canonicalRedirect(page("/", { host: "halles.example" }), { publicUrl: "https://www.halles.example", trustedHops: 0 })).toBe("https://www.halles.example/");
  });

  it("leaves the canonical host, the API, assets, RSC requests and form posts alone", () => {
    expect(canonicalRedirect(page("/p/bananas", { host: "localhost:3000" }), demo)).toBeNull();
    expect(canonicalRedirect(page("/p/bananas", { host: "LOCALHOST:3000" }), demo)).toBeNull();
    for (const path of ["/api/health/ready", "/api/webhooks/stripe", "/_next/static/a.js", "/images/products/a.webp"]) expect(canonicalRedirect(page(path), demo), path).toBeNull();
    expect(canonicalRedirect(page("/account", { rsc: "1" }), demo)).toBeNull();
    expect(canonicalRedirect(page("/sign-in", {}, "POST"), demo)).toBeNull();
    expect(canonicalRedirect(page("/"), { publicUrl: undefined, trustedHops: 0 })).toBeNull();
  });

  it("never lets a path turn into another host", () => {
    expect(canonicalRedirect(page("//evil.example/x"), demo)).toBe("http://localhost:3000//evil.example/x");
  });

  it("reads X-Forwarded-Host only behind a trusted proxy", () => {
    const behind = page("/", { host: "web-1:3000", "x-forwarded-host": "www.halles.example" });
    const shop = "https://www.halles.example";
    expect(canonicalRedirect(behind, { publicUrl: shop, trustedHops: 1 })).toBeNull();
    expect(canonicalRedirect(behind, { publicUrl: shop, trustedHops: 0 })).toBe(`${shop}/`);
  });
});

describe("paths that are not valid percent-encoded UTF-8 (issue 6 item 15, found by the fuzzer: 500 from a route's [param])", () => {
  it("tells them from good paths, whatever the query", () => {
    for (const path of ["/api/v1/products/%", "/api/v1/products/%zz", "/api/v1/orders/%E0%A4%A", "/images/products/%C0%AF", "/api/auth/%ED%A0%80", "/p/%FF", "http://h/api/%"]) {
      expect(hasMalformedPath(path), path).toBe(true);
    }
    for (const path of ["/", "/api/v1/products/banana%20bread", "/p/%C3%A9", "/search?q=%", "/api/v1/products?q=%E0%A4%A", "/%F0%9F%98%80", "*"]) expect(hasMalformedPath(path), path).toBe(false);
  });

  it("answers 400, with the API's error body on the API", () => {
    expect(frontDoorRefusal(page("/api/v1/products/%E0%A4%A"))).toEqual({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ error: { code: "bad_request", message: "The URL's path is not valid percent-encoded UTF-8." } }),
    });
    expect(frontDoorRefusal(page("/p/%zz"))).toMatchObject({ status: 400, contentType: "text/plain; charset=utf-8" });
    expect(frontDoorRefusal(page("/api/v1/products/bananas"))).toBeNull();
  });
});

describe("server actions posted from another site (issue 6 item 15, found by the fuzzer: Next.js answered them 500)", () => {
  const post = (url: string, headers: Record<string, string>) => page(url, { "content-type": "multipart/form-data; boundary=x", ...headers }, "POST");
  const action = (url: string, headers: Record<string, string>) => page(url, { "next-action": "7f00", "content-type": "text/plain;charset=UTF-8", ...headers }, "POST");

  it("refuses them as Next.js would, by the origin's host against X-Forwarded-Host's first value, else Host", () => {
    for (const origin of ["https://evil.example", "http://localhost:3000", "http://127.0.0.1:3000.evil.example", "null", "not a url", ""]) {
      expect(isCrossSiteActionPost(post("/sign-in", { origin })), origin).toBe(true);
      expect(isCrossSiteActionPost(action("/basket", { origin })), origin).toBe(true);
    }
    expect(isCrossSiteActionPost(post("/sign-in", { origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isCrossSiteActionPost(action("/basket", { origin: "http://127.0.0.1:3000" }))).toBe(false);
    const proxied = { host: "web-1:3000", "x-forwarded-host": "shop.example, web-1:3000", origin: "https://shop.example" };
    expect(isCrossSiteActionPost(post("/sign-in", proxied))).toBe(false);
    expect(isCrossSiteActionPost(post("/sign-in", { ...proxied, origin: "http://web-1:3000" }))).toBe(true);
  });

  it("lets through what Next.js lets through: no Origin, other methods and bodies, the API", () => {
    expect(isCrossSiteActionPost(post("/sign-in", {}))).toBe(false);
    expect(isCrossSiteActionPost(page("/sign-in", { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" }, "POST"))).toBe(false);
    expect(isCrossSiteActionPost(page("/sign-in", { origin: "https://evil.example" }, "GET"))).toBe(false);
    expect(isCrossSiteActionPost(post("/api/webhooks/stripe", { origin: "https://evil.example" }))).toBe(false);
  });

  it("answers 403", () => {
    expect(frontDoorRefusal(post("/sign-in", { origin: "https://evil.example" }))).toEqual({
      status: 403,
      contentType: "text/plain; charset=utf-8",
      body: "Forms are only accepted from this site's own pages.",
    });
  });
});

describe("client address behind trusted proxies (issue 6 item 4): the peer's address", () => {
  it("is appended to whatever the client sent", () => {
    expect(withPeerAddress("6.6.6.6", "127.0.0.1")).toBe("6.6.6.6, 127.0.0.1");
    expect(withPeerAddress(undefined, "127.0.0.1")).toBe("127.0.0.1");
  });

  it("the web server's preload records the peer, redirects other hosts and refuses broken paths, before the app runs", async () => {
    // A plain node HTTP server with the preload, as next start runs with it; it echoes the header.
    const port = await freePort();
    const server = `
      const http = require("node:http");
      const s = http.createServer((req, res) => res.end(req.headers["x-forwarded-for"] ?? ""));
      s.listen(${port}, "127.0.0.1", async () => {
        const base = "http://127.0.0.1:${port}";
        const spoofed = await fetch(base + "/p/x", { headers: { "x-forwarded-for": "6.6.6.6" } }).then((r) => r.text());
        const other = await fetch(base.replace("127.0.0.1", "localhost") + "/basket?a=1", { redirect: "manual" });
        const broken = await fetch(base + "/api/v1/orders/%E0%A4%A");
        console.log(JSON.stringify({ spoofed, status: other.status, location: other.headers.get("location"), cookie: other.headers.get("set-cookie"), broken: [broken.status, await broken.text()] }));
        s.close();
      });`;
    const output = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "./lib/http/web-server-preload.mjs", "-e", server], {
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, PUBLIC_URL: `http://127.0.0.1:${port}`, TRUSTED_PROXY_HOPS: "0" },
      });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`exit ${code}`))));
    });
    const seen = JSON.parse(output) as { spoofed: string; status: number; location: string; cookie: string | null; broken: [number, string] };
    expect(seen.status).toBe(307);
    expect(seen.location).toBe(`http://127.0.0.1:${port}/basket?a=1`);
    expect(seen.cookie).toBeNull();
    expect(seen.spoofed).toBe("6.6.6.6, 127.0.0.1");
    // Refused before the app (which would have echoed the header).
    expect(seen.broken[0]).toBe(400);
    expect(JSON.parse(seen.broken[1])).toMatchObject({ error: { code: "bad_request" } });
    expect(clientAddress(new Headers({ "x-forwarded-for": seen.spoofed }), 0)).toBe("127.0.0.1");
  });
});

