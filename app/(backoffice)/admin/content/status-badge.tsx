// A content page's status in the back office: draft, published or scheduled.
import { pageStatus, STATUS_LABELS } from "@/lib/content/schedule";
import type { ContentPage } from "@/db/schema";

const STYLES = { draft: "bg-stone-200 text-stone-800", published: "bg-brand-100 text-brand-800", scheduled: "bg-amber-100 text-amber-900" } as const;

export function PageStatusBadge({ page }: { page: Pick<ContentPage, "publishedRevisionId" | "publishAt"> }) {
  const status = pageStatus(page);
  return (
    <span className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${STYLES[status]}`} data-testid="page-status">
      {STATUS_LABELS[status]}
    </span>
  );
}
