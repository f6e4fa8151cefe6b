// Routes storefront URLs to their store-scoped cached pages (see lib/storefront/paths.ts).
import { NextResponse, type NextRequest } from "next/server";
import { internalPath, STORE_COOKIE, storeSegment } from "@/lib/storefront/paths";

export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  const target = internalPath(pathname, searchParams, storeSegment(request.cookies.get(STORE_COOKIE)?.value));
  if (!target) return NextResponse.next();
  return NextResponse.rewrite(new URL(target, request.url));
}

export const config = {
  matcher: ["/", "/c/:path*", "/p/:path*", "/search", "/stores"],
};
