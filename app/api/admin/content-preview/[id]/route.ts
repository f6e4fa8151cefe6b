// GET /api/admin/content-preview/{id}: turns on Next.js draft mode for this browser and opens the
// page on the storefront, which then renders its saved draft (for staff who may edit content only).
import { draftMode } from "next/headers";
import { getDb } from "@/db/client";
import { getContentPage } from "@/db/queries/content";
import { ApiError } from "@/lib/api/errors";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { backOfficeRoute } from "@/lib/backoffice/route";
import { storefrontPath } from "@/lib/content/preview";
import { INT4_MAX } from "@/lib/ids";

export const GET = backOfficeRoute<{ id: string }>({ roles: MARKETING_ROLES, scope: "none" }, async (request, { params }) => {
  const id = /^\d{1,10}$/.test(params.id) ? Number(params.id) : 0;
  const page = id > 0 && id <= INT4_MAX ? await getContentPage(getDb(), id) : null;
  if (!page) throw new ApiError("not_found", "Not found.");
  (await draftMode()).enable();
  return new Response(null, { status: 303, headers: { location: storefrontPath(page) } });
});
