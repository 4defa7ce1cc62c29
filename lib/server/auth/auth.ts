// Auth.js (next-auth v5): credentials sign-in, JWT sessions carrying the user id
// and role. The configuration is built lazily so the secret is read at run
// time, never at build time.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Role } from "@/lib/db/generated/enums";
import { logger } from "../logger";
import { authenticate } from "./authenticate";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
  }
  interface User {
    role?: Role;
  }
}

/** Thrown while an account or address is locked out; the sign-in page shows its own message. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

/** The caller's address as the reverse proxy (or Next.js's own server) reports it. */
function clientAddress(request: Request | undefined): string | null {
  const forwarded = request?.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || request?.headers.get("x-real-ip") || null;
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password is an expected outcome, not an error worth a stack trace.
    error: (error) => (error.name === "CredentialsSignin" ? undefined : logger.error({ err: error }, "auth error")),
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const result = await authenticate(credentials, clientAddress(request));
        if (result.ok) return result.actor;
        if (result.reason === "locked") throw new SignInLocked();
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      return session;
    },
  },
}));
