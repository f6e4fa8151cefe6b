// Auth.js: e-mail and password sign-in (Credentials), and the one-time link that confirms a new
// account's e-mail address and signs it in. Sessions live in a signed, encrypted JWT cookie with
// the user's id, role and session version; guards re-read the user from the database
// (lib/auth/access.ts), so a raised session version (sign-out, password reset, deactivation) ends
// every session at its next request. Staff sessions end after 8 hours without a request.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { isIdleStaffSession } from "@/lib/auth/access";
import { isRequestError } from "@/lib/auth/auth-route";
import { authenticate } from "@/lib/auth/credentials";
import { authSecret } from "@/lib/auth/secret";
import { confirmEmailAddress } from "@/lib/auth/sign-up";
import { env, secureCookies } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { logger } from "@/lib/logger";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession["user"];
    sessionVersion: number;
    lastSeen?: number;
  }
  interface User {
    role?: UserRole;
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: UserRole;
    /** The user's session version when the session began (users.session_version). */
    sv?: number;
    /** Epoch seconds of the last request that read the session. */
    seen?: number;
  }
}

/** Refused by throttling; `code` reaches the URL of Auth.js's own redirects, the minutes do not. */
export class TooManyAttemptsError extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

/** The right password for an account whose e-mail address is not confirmed yet. */
export class UnverifiedEmailError extends CredentialsSignin {
  code = "unverified";
}

/** Too many password checks running at once. */
export class SignInBusyError extends CredentialsSignin {
  code = "busy";
}

const credentialsSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) });
const sessionUser = (user: { id: string; email: string; name: string; role: UserRole; sessionVersion: number }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  sessionVersion: user.sessionVersion,
});

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // Read lazily, per request: the build needs no secret, production refuses to run without one.
  secret: authSecret(),
  trustHost: true,
  // Not left to the scheme a proxy reports: a real deployment's session cookie is always Secure.
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    Credentials({
      credentials: { email: { label: "E-mail", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate(getDb(), parsed.data, { clientAddress: clientAddress(request.headers, env().TRUSTED_PROXY_HOPS) });
        if (result.ok) return sessionUser(result.user);
        if (result.reason === "throttled") throw new TooManyAttemptsError(result.retryAfterMinutes);
        if (result.reason === "unverified") throw new UnverifiedEmailError();
        if (result.reason === "busy") throw new SignInBusyError();
        return null;
      },
    }),
    Credentials({
      id: "email-link",
      credentials: { token: {} },
      async authorize(raw) {
        const parsed = z.object({ token: z.string().max(200) }).safeParse(raw);
        if (!parsed.success) return null;
        const user = await confirmEmailAddress(getDb(), parsed.data.token);
        return user ? sessionUser(user) : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      const now = Math.floor(Date.now() / 1000);
      if (user) return { ...token, role: user.role, sv: user.sessionVersion ?? 0, seen: now };
      // Returning null ends the session and clears its cookie.
      if (isIdleStaffSession(token.role, token.seen)) return null;
      return { ...token, seen: now };
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role ?? "customer";
      session.sessionVersion = token.sv ?? 0;
      session.lastSeen = token.seen;
      return session;
    },
  },
  logger: {
    error(error) {
      // A wrong password is not even worth a warning; a request Auth.js refused is not a server error.
      if (error instanceof CredentialsSignin) return;
      if (isRequestError(error)) logger.warn({ type: (error as { type?: string }).type, message: error.message }, "auth request refused");
      else logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
}));
