import type { Counter, Histogram, Registry } from "prom-client";

export const HTTP_BUCKETS: number[];

export type SharedMetrics = {
  registry: Registry;
  ordersPlaced: Counter;
  ordersConfirmed: Counter;
  ordersCancelled: Counter<"actor" | "reason">;
  ordersCaptured: Counter;
  httpDuration: Histogram<"route" | "method" | "status">;
};

export function sharedMetrics(): SharedMetrics;
