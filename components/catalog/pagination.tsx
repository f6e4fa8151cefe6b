import { Link } from "@/components/layout/shop-link";

/** Page links; `hrefFor(n)` builds the URL of page n with the current filters. */
export function Pagination({ page, pageCount, hrefFor }: { page: number; pageCount: number; hrefFor: (page: number) => string }) {
  if (pageCount <= 1) return null;
  const current = Math.min(page, pageCount);
  const pages = [...new Set([1, current - 1, current, current + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const link = "rounded-lg border border-stone-300 bg-white px-3 py-1.5 hover:border-brand-600";
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-center gap-1 text-sm">
      {current > 1 && (
        <Link href={hrefFor(current - 1)} className={link} rel="prev">
          ‹ Previous
        </Link>
      )}
      {pages.map((n, i) => (
        <span key={n} className="flex items-center gap-1">
          {i > 0 && n - pages[i - 1] > 1 && <span aria-hidden>…</span>}
          {n === current ? (
            <span aria-current="page" className="rounded-lg bg-brand-700 px-3 py-1.5 font-semibold text-white">
              {n}
            </span>
          ) : (
            <Link href={hrefFor(n)} className={link} aria-label={`Page ${n}`}>
              {n}
            </Link>
          )}
        </span>
      ))}
      {current < pageCount && (
        <Link href={hrefFor(current + 1)} className={link} rel="next">
          Next ›
        </Link>
      )}
    </nav>
  );
}
