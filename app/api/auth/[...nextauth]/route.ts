// Auth.js endpoints (session, CSRF, sign-in callback, sign-out) under /api/auth.
import { handlers } from "@/auth";

export const { GET, POST } = handlers;
