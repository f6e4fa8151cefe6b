// Routes listing URLs with parameters (filters, sort, page, search, postcode) to their
// store-scoped cached pages (plain pages are rewritten by next.config.ts without code), and
// keeps the back office to staff before its pages render (lib/auth/admin-gate.ts).
import { NextResponse, type NextRequest } from "next/server";
import { oversizedPostTarget } from "@/lib/media/limits";
import { internalPath, STORE_COOKIE, storeSegment } from "@/lib/storefront/paths";
import { createPopularity } from "@/lib/storefront/search-popularity";

/** Searches of this process: a query gets a cached page once it is asked often enough. */
const searchPopularity = createPopularity();

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  // A form post larger than a server action may take (a picture over 10 MB): back to its page, which says so.
  const oversized = oversizedPostTarget(request.method, request.headers.get("content-length"), request.nextUrl);
  if (oversized && pathname.startsWith("/admin/")) return NextResponse.redirect(oversized, 303);
  // Loaded on demand: storefront requests never need Auth.js or the database here.
  if (pathname === "/admin" || pathname.startsWith("/admin/")) return import("@/lib/auth/admin-gate").then((gate) => gate.backOfficeGate(request));
  const target = internalPath(pathname, searchParams, storeSegment(request.cookies.get(STORE_COOKIE)?.value), (key) => searchPopularity.hit(key));
  if (!target) return NextResponse.next();
  return NextResponse.rewrite(new URL(target, request.url));
}

// Must be a literal for Next.js; proxy.test.ts checks it covers every listing parameter and the back office.
export const config = {
  matcher: [
    "/admin/:path*",
    "/search",
    { source: "/stores", has: [{ type: "query", key: "postcode" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "q" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "brand" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "diet" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "min" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "max" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "instock" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "sort" }] },
    { source: "/c/:path*", has: [{ type: "query", key: "page" }] },
  ],
};
