// GET /api/admin/catalog/export.csv: the whole catalog and its store prices as CSV, one row per
// variant (columns in docs/marketing.md, "CSV"). Marketing and admins only.
import { getDb } from "@/db/client";
import { exportCatalogCsv } from "@/db/queries/catalog-csv";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { backOfficeRoute } from "@/lib/backoffice/route";

export const GET = backOfficeRoute({ roles: MARKETING_ROLES, scope: "none" }, async () => {
  const csv = await exportCatalogCsv(getDb());
  const day = new Date().toISOString().slice(0, 10);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="halles-catalog-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
