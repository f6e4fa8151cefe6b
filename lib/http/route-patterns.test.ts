import { describe, expect, it } from "vitest";
import { acceptedRequestId } from "../request-id.mjs";
import { routeMatchers, routeOf } from "./route-patterns.mjs";

// The shape of .next/routes-manifest.json (Next.js 16), trimmed to what the matchers read.
const manifest = {
  rewrites: {
    beforeFiles: [
      { source: "/p/:slug([a-z0-9]+(?:-[a-z0-9]+)*)", regex: "^/p(?:/([a-z0-9]+(?:-[a-z0-9]+)*))(?:/)?$" },
      { source: "/p/:slug([a-z0-9]+(?:-[a-z0-9]+)*)", regex: "^/p(?:/([a-z0-9]+(?:-[a-z0-9]+)*))(?:/)?$" },
      { source: "/checkout", regex: "^/checkout(?:/)?$" },
    ],
    afterFiles: [],
    fallback: [],
  },
  staticRoutes: [{ page: "/api/health", regex: "^/api/health(?:/)?$" }],
  dynamicRoutes: [{ page: "/api/v1/orders/[id]", regex: "^/api/v1/orders/([^/]+?)(?:/)?$" }],
};

describe("route labels", () => {
  const matchers = routeMatchers(manifest);

  it("names a request by its route pattern: rewrites' sources, then pages and routes", () => {
    expect(routeOf("/p/organic-apples?ref=home", matchers)).toBe("/p/:slug");
    expect(routeOf("/checkout", matchers)).toBe("/checkout");
    expect(routeOf("/api/health", matchers)).toBe("/api/health");
    expect(routeOf("/api/v1/orders/5b0f", matchers)).toBe("/api/v1/orders/[id]");
    expect(matchers.filter((m) => m.label === "/p/:slug")).toHaveLength(1);
  });

  it("keeps the label set bounded: assets by prefix, anything else as other", () => {
    expect(routeOf("/_next/static/chunks/app-1234.js", matchers)).toBe("/_next/static");
    expect(routeOf("/_next/image?url=x", matchers)).toBe("/_next/image");
    expect(routeOf("/wp-admin/setup.php", matchers)).toBe("other");
    expect(routeOf("/p/Not A Slug", matchers)).toBe("other");
    expect(routeOf("/anything", [])).toBe("other");
  });
});

describe("request ids from outside", () => {
  it("keeps a well-formed X-Request-Id and refuses anything that could forge a log line", () => {
    expect(acceptedRequestId("gateway-4f2a9c01")).toBe("gateway-4f2a9c01");
    expect(acceptedRequestId(["a1b2c3d4e5", "other"])).toBe("a1b2c3d4e5");
    expect(acceptedRequestId("short")).toBeNull();
    expect(acceptedRequestId('x"}\n{"level":60')).toBeNull();
    expect(acceptedRequestId("a".repeat(129))).toBeNull();
    expect(acceptedRequestId(undefined)).toBeNull();
  });
});
