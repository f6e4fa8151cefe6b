// Auth.js endpoints (session, CSRF, sign-in callback, sign-out) under /api/auth, behind the checks
// of lib/auth/auth-route.ts.
import { handlers } from "@/auth";
import { authRoute } from "@/lib/auth/auth-route";

export const GET = authRoute(handlers.GET);
export const POST = authRoute(handlers.POST);
