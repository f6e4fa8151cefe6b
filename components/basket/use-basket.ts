"use client";
// The header's view of the basket, and the hook that keeps it fresh after a change. A few lines of
// fetch and a module-level store rather than a query library: the storefront's cached pages need
// nothing more, and every kilobyte of script is parsed on the shopper's phone (docs/web.md).
import { useEffect, useSyncExternalStore } from "react";

export type BasketSummary = { lines: number; subtotal: { amount: number } };

/** Fetched again when the page comes back into view after this long (another tab may have changed the basket). */
const STALE_MS = 30_000;

let summary: BasketSummary | null = null;
let fetchedAt = 0;
let inFlight: Promise<void> | null = null;
const listeners = new Set<() => void>();

async function fetchSummary(attempts = 2): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch("/api/storefront/basket", { cache: "no-store" });
      if (!response.ok) throw new Error(`basket summary: ${response.status}`);
      summary = ((await response.json()) as { data: BasketSummary }).data;
      fetchedAt = Date.now();
      for (const listener of listeners) listener();
      return;
    } catch (error) {
      // The header keeps showing the plain link (or the last summary); the basket page is the truth.
      if (attempt >= attempts) {
        console.warn(error);
        return;
      }
    }
  }
}

/** Fetches the summary again; a fetch already under way is followed by a fresh one (it may have read the basket before the change). */
export function refreshBasketSummary(): Promise<void> {
  const next = (inFlight ?? Promise.resolve()).then(() => fetchSummary());
  inFlight = next.finally(() => {
    if (inFlight === next) inFlight = null;
  });
  return next;
}

function onVisible() {
  if (document.visibilityState === "visible" && Date.now() - fetchedAt > STALE_MS) void refreshBasketSummary();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (listeners.size === 1) {
    document.addEventListener("visibilitychange", onVisible);
    if (Date.now() - fetchedAt > STALE_MS && !inFlight) void refreshBasketSummary();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) document.removeEventListener("visibilitychange", onVisible);
  };
}

/** The shopper's basket count and subtotal; null until it has been fetched (and on the server). */
export function useBasketSummary(): BasketSummary | null {
  return useSyncExternalStore(
    subscribe,
    () => summary,
    () => null,
  );
}

/** Refetches the header's basket whenever `version` changes (an action's result). */
export function useRefreshBasketOn(version: unknown) {
  useEffect(() => {
    if (version) void refreshBasketSummary();
  }, [version]);
}

const noSubscription = () => () => {};

/** True once React runs in the browser: forms then tell actions they may answer in place. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
