// Previews of content pages: Next.js draft mode, turned on by the back office's preview route, and
// honoured only for staff who may edit content. Anyone else in draft mode (a copied cookie, a
// session that ended) sees what shoppers see.
import "server-only";
import { draftMode } from "next/headers";
import { getSessionUser } from "@/lib/auth/guards";
import { MARKETING_ROLES } from "@/lib/backoffice/access";
import { getDraftPage, type RenderedPage } from "./data";

/** Where a page is on the storefront: "/" for the home page, /l/<slug> for a landing page. */
export function storefrontPath(page: { kind: string; slug: string }): string {
  return page.kind === "home" ? "/" : `/l/${page.slug}`;
}

/** The draft to preview, when draft mode is on and the viewer may edit content; null otherwise. */
export async function previewPage(storeId: number, slug: string): Promise<RenderedPage | null> {
  const { isEnabled } = await draftMode();
  if (!isEnabled) return null;
  const user = await getSessionUser();
  if (!user || !(MARKETING_ROLES as readonly string[]).includes(user.role)) return null;
  return getDraftPage(storeId, slug);
}
