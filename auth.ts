// Auth.js: e-mail and password sign-in (Credentials), sessions in a signed, encrypted JWT cookie
// carrying the user's id and role. Guards re-read the user from the database (lib/auth/guards.ts).
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { UserRole } from "@/db/schema";
import { authenticate } from "@/lib/auth/credentials";
import { authSecret } from "@/lib/auth/secret";
import { secureCookies } from "@/lib/env";
import { logger } from "@/lib/logger";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: UserRole } & DefaultSession["user"];
  }
  interface User {
    role?: UserRole;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    role?: UserRole;
  }
}

/** Refused by throttling; `code` reaches the URL of Auth.js's own redirects, the minutes do not. */
export class TooManyAttemptsError extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterMinutes: number) {
    super();
  }
}

const credentialsSchema = z.object({ email: z.string().trim().email().max(254), password: z.string().min(1).max(200) });

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
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const result = await authenticate(getDb(), parsed.data);
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role };
        if (result.reason === "throttled") throw new TooManyAttemptsError(result.retryAfterMinutes);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.role = user.role;
      return token;
    },
    session({ session, token }) {
      session.user.id = token.sub ?? "";
      session.user.role = token.role ?? "customer";
      return session;
    },
  },
  logger: {
    // A wrong password is not a server error.
    error(error) {
      if (error instanceof CredentialsSignin) return;
      logger.error({ err: error }, "auth error");
    },
    warn(code) {
      logger.warn({ code }, "auth warning");
    },
    debug() {},
  },
}));
