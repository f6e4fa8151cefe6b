import { describe, expect, it } from "vitest";
import type { CensusStep, RequestKind } from "./browser-census";
import { type Costs, PEAK, replicasOf, tierNeeds, type UnitCost, walkOf } from "./capacity-model";

const step = (name: string, counts: Partial<Record<RequestKind, number>>): CensusStep => ({
  name,
  counts: { document: 0, navigation: 0, prefetch: 0, action: 0, "basket summary": 0, "other API": 0, "build asset": 0, picture: 0, other: 0, ...counts },
});
const unit = (key: string, ms: Record<string, number>): UnitCost => ({ key, name: key, via: "nginx", units: 100, seconds: 1, ms, errors: 0, rps: 100 });

// One document and one navigation per two views, one prefetch each, one basket action.
const costs: Costs = {
  census: [
    step("land", { document: 1, prefetch: 1, "basket summary": 1, "build asset": 2 }),
    step("navigate", { navigation: 1, prefetch: 1 }),
    step("add", { action: 1, "basket summary": 1 }),
  ],
  http: [
    unit("gateway-hit", { nginx: 0.1, web: 5, postgres: 1 }),
    unit("static", { nginx: 1, web: 3 }),
    unit("next-hit", { nginx: 0.5, web: 50 }),
    unit("next-hit-no-ua", { nginx: 0.5, web: 10 }),
    unit("render", { nginx: 1, web: 60, postgres: 5 }),
    unit("navigation", { nginx: 1, web: 40 }),
    unit("navigation-no-ua", { nginx: 1, web: 30 }),
    unit("prefetch", { nginx: 2, web: 40, "order-worker": 9 }),
    unit("prefetch-no-ua", { nginx: 0.5, web: 8 }),
    unit("basket-summary", { nginx: 0.5, web: 10, postgres: 1.5 }),
    unit("add-to-basket", { nginx: 1, web: 30, postgres: 3 }),
    unit("basket-page", { nginx: 0.5, web: 45, postgres: 1 }),
  ],
  order: [
    unit("checkout", { bench: 11, postgres: 6 }),
    unit("payment", { web: 35, postgres: 45, "order-worker": 30, "notification-worker": 17, bench: 6 }),
    unit("capture", { web: 29, postgres: 35, "order-worker": 14, "notification-worker": 13, bench: 16 }),
  ],
};

describe("capacity model", () => {
  it("counts the walk's views without the basket action's step", () => {
    const walk = walkOf(costs.census);
    expect(walk.views).toBe(2);
    expect(walk.counts).toMatchObject({ document: 1, navigation: 1, prefetch: 2, "basket summary": 2, action: 1, "build asset": 2 });
  });

  it("adds up each tier's CPU per second from the walk's requests and the orders", () => {
    const peak = { ...PEAK, viewsPerSecond: 2_000, ordersPerSecond: 10, documentsFromGateway: 0.9, uncachedViews: 0 };
    const need = (tier: string) => tierNeeds(costs, undefined, peak).find((n) => n.tier === tier)!;
    // 1,000 walks/s. A gateway hit is nginx's work only; the 10 % passed on cost a Next.js hit.
    expect(need("web").viewsMs).toBeCloseTo(1_000 * (0.1 * 50 + 40 + 2 * 40 + 2 * 10 + 30));
    expect(need("nginx").viewsMs).toBeCloseTo(1_000 * (0.9 * 0.1 + 0.1 * 0.5 + 1 + 2 * 2 + 2 * 0.5 + 1 + 2 * 1));
    // The workers do nothing for page views; orders count the bench process as the web server's part.
    expect(need("order-worker").viewsMs).toBe(0);
    expect(need("web").ordersMs).toBeCloseTo(10 * (2 * 45 + 11 + 35 + 29 + 16));
    expect(need("postgres").ordersMs).toBeCloseTo(10 * (2 * 1 + 6 + 45 + 35));
    expect(need("web").cores).toBeCloseTo((need("web").viewsMs + need("web").ordersMs) / 1000 / 0.6);
  });

  it("prices scenarios with the costs measured without a User-Agent and one prefetch per navigation", () => {
    const peak = { ...PEAK, viewsPerSecond: 2_000, documentsFromGateway: 1, uncachedViews: 0 };
    const web = tierNeeds(costs, { name: "fixed", noUserAgent: true, prefetchOnIntent: true }, peak).find((n) => n.tier === "web")!;
    expect(web.viewsMs).toBeCloseTo(1_000 * (30 + 1 * 8 + 2 * 10 + 30));
  });

  it("runs a web process per core and at least two of each worker", () => {
    const replicas = replicasOf(tierNeeds(costs, undefined, { ...PEAK, viewsPerSecond: 2_000, ordersPerSecond: 10 }));
    expect(replicas.orderWorkers).toBe(2);
    expect(replicas.notificationWorkers).toBe(2);
    expect(replicas.connections).toBe(replicas.web * 9 + 2 * 11 + 2 * 7 + 2 * 6);
  });
});
