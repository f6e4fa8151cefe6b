// Which search queries are popular enough for the page cache: a query earns a cached page after
// it has been asked POPULAR_AFTER times in this process (counts halve every window, so interest
// fades). The table is bounded: once full, new queries are simply not counted (rendered fresh).

export type PopularityOptions = { popularAfter: number; maxEntries: number; windowMs: number };

export const SEARCH_POPULARITY: PopularityOptions = { popularAfter: 3, maxEntries: 10_000, windowMs: 10 * 60_000 };

export function createPopularity(options: PopularityOptions = SEARCH_POPULARITY) {
  const counts = new Map<string, number>();
  let windowStart: number | undefined;

  const decay = (now: number) => {
    windowStart ??= now;
    if (now - windowStart < options.windowMs) return;
    windowStart = now;
    for (const [key, count] of counts) {
      if (count <= 1) counts.delete(key);
      else counts.set(key, Math.floor(count / 2));
    }
  };

  return {
    /** Counts one request for `key`; true once it is popular. */
    hit(key: string, now: number = Date.now()): boolean {
      decay(now);
      const seen = counts.get(key);
      if (seen === undefined && counts.size >= options.maxEntries) return false;
      const count = (seen ?? 0) + 1;
      counts.set(key, count);
      return count >= options.popularAfter;
    },
    size: () => counts.size,
  };
}
