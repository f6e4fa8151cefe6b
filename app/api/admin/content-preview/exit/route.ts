// GET /api/admin/content-preview/exit?to=/l/summer: turns draft mode off and goes back to the page
// (a path on this site only), now as shoppers see it.
import { draftMode } from "next/headers";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { backOfficeRoute } from "@/lib/backoffice/route";
import { safeLinkHref } from "@/lib/content/rich-text";

export const GET = backOfficeRoute({ roles: MARKETING_ROLES, scope: "none" }, async (request) => {
  const to = safeLinkHref(new URL(request.url).searchParams.get("to"));
  (await draftMode()).disable();
  return new Response(null, { status: 303, headers: { location: to?.startsWith("/") ? to : "/" } });
});
