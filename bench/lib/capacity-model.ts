// The capacity model (docs/operations.md "Capacity"): the CPU a peak of page views and orders needs
// per tier, from the costs bench/capacity.ts measured and the requests a browsing phone sent.
import type { CensusStep, RequestKind } from "./browser-census";

/** CPU ms per unit of work of each process group (`bench` is this process: the load generator, or
 * in the order phases the app code it runs in place of the web server). */
export type UnitCost = { key: string; name: string; via: string; units: number; seconds: number; ms: Record<string, number>; errors: number; rps: number };
export type Costs = { http: UnitCost[]; order: UnitCost[]; census: CensusStep[] };

/** The peak, and what the model assumes about it (stated in the report). */
export const PEAK = {
  viewsPerSecond: 5_000,
  ordersPerSecond: 20,
  /** Target CPU use per core. */
  utilisation: 0.6,
  /** Documents the gateway answers from its cache (1 s fresh, then stale while one request refreshes). */
  documentsFromGateway: 0.9,
  /** Views that need a real render: a search never asked, a page just invalidated by a catalog change. */
  uncachedViews: 0.02,
  /** Per order besides checkout: the basket page and the checkout page, each rendered for the shopper. */
  personalPagesPerOrder: 2,
};

export type Tier = "nginx" | "web" | "postgres" | "order-worker" | "notification-worker";
export const TIERS: Tier[] = ["nginx", "web", "postgres", "order-worker", "notification-worker"];
const VIEW_TIERS: Tier[] = ["nginx", "web", "postgres"];
const TIER_NAMES: Record<Tier, string> = {
  nginx: "gateway (nginx)",
  web: "web (Next.js)",
  postgres: "PostgreSQL (backends)",
  "order-worker": "order workers",
  "notification-worker": "notification workers",
};

/** One tier's CPU ms of a unit; in the order phases the bench process ran the web server's part. */
function tierMs(cost: UnitCost, tier: Tier, benchIsWeb: boolean): number {
  return (cost.ms[tier] ?? 0) + (tier === "web" && benchIsWeb ? (cost.ms.bench ?? 0) : 0);
}

type Walk = { views: number; counts: Record<RequestKind, number> };

/** The census as one walk: its views (every step but the basket action) and its requests by kind. */
export function walkOf(steps: CensusStep[]): Walk {
  const counts = {} as Record<RequestKind, number>;
  for (const step of steps) for (const [kind, n] of Object.entries(step.counts) as [RequestKind, number][]) counts[kind] = (counts[kind] ?? 0) + n;
  return { views: steps.filter((s) => s.counts.action === 0).length, counts };
}

export type TierNeed = { tier: Tier; viewsMs: number; ordersMs: number; cores: number };

/** What Next.js-served views cost: as built, or as measured without a User-Agent; and how many prefetches a walk makes. */
export type Scenario = { name: string; noUserAgent: boolean; prefetchOnIntent?: boolean };
export const SCENARIOS: Scenario[] = [
  { name: "as built", noUserAgent: false },
  { name: "Next.js rendering for browsers as it does without a User-Agent", noUserAgent: true },
  { name: "the same, and links prefetched on intent only (one per navigation)", noUserAgent: true, prefetchOnIntent: true },
];

/** CPU ms per second each tier spends at the peak, and the cores that keeps at PEAK.utilisation. */
export function tierNeeds(costs: Costs, scenario: Scenario = SCENARIOS[0], peak = PEAK): TierNeed[] {
  const cost = (key: string) => {
    const found = [...costs.http, ...costs.order].find((c) => c.key === key);
    if (!found) throw new Error(`no measured cost for ${key}`);
    return found;
  };
  const variant = (key: string) => (scenario.noUserAgent ? `${key}-no-ua` : key);
  const walk = walkOf(costs.census);
  const walksPerSecond = peak.viewsPerSecond / walk.views;
  const c = walk.counts;
  const prefetches = scenario.prefetchOnIntent ? c.navigation : c.prefetch;
  return TIERS.map((tier) => {
    // A page view's requests reach nginx, the web servers and PostgreSQL only: what the workers
    // did meanwhile was their own background work.
    const ms = (key: string) => (VIEW_TIERS.includes(tier) ? tierMs(cost(key), tier, false) : 0);
    const hit = peak.documentsFromGateway;
    // A hit is nginx's work alone: what the web servers did meanwhile was the gateway's refreshes
    // (one per page and second), which the misses below stand for.
    const fromGateway = tier === "nginx" ? ms("gateway-hit") : 0;
    // A document missed by the gateway is a Next.js cache hit, or (uncachedViews of all views) a render.
    const renders = peak.uncachedViews * walk.views;
    const perWalk =
      c.document * (hit * fromGateway + (1 - hit) * ms(variant("next-hit"))) +
      renders * Math.max(0, ms("render") - ms(variant("next-hit"))) +
      c.navigation * ms(variant("navigation")) +
      prefetches * ms(variant("prefetch")) +
      c["basket summary"] * ms("basket-summary") +
      c.action * ms("add-to-basket") +
      (c["build asset"] + c.picture) * (tier === "nginx" ? ms("static") : 0);
    const perOrder =
      peak.personalPagesPerOrder * ms("basket-page") + tierMs(cost("checkout"), tier, true) + tierMs(cost("payment"), tier, false) + tierMs(cost("capture"), tier, true);
    const viewsMs = walksPerSecond * perWalk;
    const ordersMs = peak.ordersPerSecond * perOrder;
    return { tier, viewsMs, ordersMs, cores: (viewsMs + ordersMs) / 1000 / peak.utilisation };
  });
}

/** Connections each process opens (docs/workers.md, deploy/k8s/base): pool + LISTEN/queue + heartbeat. */
export const CONNECTIONS = { web: 8 + 1, "order-worker": 4 + (4 + 2) + 1, "notification-worker": 2 + (2 + 2) + 1, scheduler: 2 + (1 + 2) + 1 };

/** Processes (web: one core each, as Node renders on one thread; workers: at least two), and their connections. */
export function replicasOf(needs: TierNeed[]) {
  const cores = (tier: Tier) => needs.find((n) => n.tier === tier)!.cores;
  const web = Math.ceil(cores("web"));
  const orderWorkers = Math.max(2, Math.ceil(cores("order-worker")));
  const notificationWorkers = Math.max(2, Math.ceil(cores("notification-worker")));
  const connections = web * CONNECTIONS.web + orderWorkers * CONNECTIONS["order-worker"] + notificationWorkers * CONNECTIONS["notification-worker"] + 2 * CONNECTIONS.scheduler;
  // Sessions PgBouncer cannot share: each web process's cache-tag LISTEN, each worker's LISTEN and heartbeat.
  const sessions = web + (orderWorkers + notificationWorkers + 2) * 2;
  return { web, orderWorkers, notificationWorkers, connections, sessions };
}

const f = (n: number, digits = 2) => n.toFixed(digits);
const KIND_ORDER: RequestKind[] = ["document", "navigation", "prefetch", "basket summary", "action", "build asset", "picture", "other API", "other"];

/** The report: the walk, the costs, and the model's answer, in Markdown. */
export function capacityModel(costs: Costs, header: string, peak = PEAK): string {
  const walk = walkOf(costs.census);
  const groups = ["nginx", "web", "postgres", "order-worker", "notification-worker", "scheduler", "stripe-test-server", "mail-capture", "bench"];
  const needs = tierNeeds(costs, SCENARIOS[0], peak);
  const built = replicasOf(needs);
  const processes: Record<Tier, string> = {
    nginx: "worker processes, one per core",
    web: `${built.web} processes of 1 core (${Math.ceil(built.web / 2)} pods of 2 vCPU running two each)`,
    postgres: "one primary",
    "order-worker": `${built.orderWorkers}`,
    "notification-worker": `${built.notificationWorkers}`,
  };
  return [
    header,
    "",
    "**A phone's walk** (Pixel 7, Chromium, a guest, through the gateway): requests that reached the site, by kind.",
    "",
    `| step | ${KIND_ORDER.join(" | ")} |`,
    `| --- | ${KIND_ORDER.map(() => "---:").join(" | ")} |`,
    ...costs.census.map((s) => `| ${s.name} | ${KIND_ORDER.map((k) => s.counts[k]).join(" | ")} |`),
    `| **${walk.views} views and 1 basket action** | ${KIND_ORDER.map((k) => `**${walk.counts[k]}**`).join(" | ")} |`,
    "",
    "**CPU ms per unit** (less each process's idle use over as long; `bench` is autocannon for requests, and the web server's own work in the checkout and picking rows).",
    "",
    `| unit | through | req/s | errors | ${groups.join(" | ")} |`,
    `| --- | --- | ---: | ---: | ${groups.map(() => "---:").join(" | ")} |`,
    ...[...costs.http, ...costs.order].map(
      (c) => `| ${c.name} | ${c.via} | ${Math.round(c.rps)} | ${c.errors} | ${groups.map((g) => (c.ms[g] === undefined ? "" : f(c.ms[g], c.ms[g] < 0.1 ? 3 : 2))).join(" | ")} |`,
    ),
    "",
    `**The peak: ${peak.viewsPerSecond.toLocaleString("en")} page views/s and ${peak.ordersPerSecond} orders/s**, at ≤ ${peak.utilisation * 100} % CPU per core. ` +
      `The walk scaled: ${f(peak.viewsPerSecond / walk.views, 0)} walks/s. ${peak.documentsFromGateway * 100} % of documents from the gateway's cache, ` +
      `${peak.uncachedViews * 100} % of views rendered uncached, ${peak.personalPagesPerOrder} personal pages per order; capture counted at the peak too.`,
    "",
    "As built:",
    "",
    "| tier | CPU ms/s for views | CPU ms/s for orders | cores at 60 % | processes |",
    "| --- | ---: | ---: | ---: | --- |",
    ...needs.map((n) => `| ${TIER_NAMES[n.tier]} | ${f(n.viewsMs, 0)} | ${f(n.ordersMs, 0)} | ${f(n.cores, 1)} | ${processes[n.tier]} |`),
    "",
    "The same measurements if Next.js-served views cost what they cost without a User-Agent, and with fewer prefetches (cores at 60 %; connections at the default pools; sessions PgBouncer cannot share):",
    "",
    `| scenario | ${TIERS.map((t) => TIER_NAMES[t]).join(" | ")} | web processes | connections | sessions |`,
    `| --- | ${TIERS.map(() => "---:").join(" | ")} | ---: | ---: | ---: |`,
    ...SCENARIOS.map((scenario) => {
      const scenarioNeeds = tierNeeds(costs, scenario, peak);
      const r = replicasOf(scenarioNeeds);
      return `| ${scenario.name} | ${scenarioNeeds.map((n) => f(n.cores, 1)).join(" | ")} | ${r.web} | ${r.connections} | ${r.sessions} |`;
    }),
  ].join("\n");
}
