// Auth.js (next-auth v5): credentials sign-in, JWT cookies carrying the user
// id, role and the id of the server-side session row (lib/server/sessions/),
// which every request checks and sign-out deletes. The configuration is built
// lazily so the secret is read at run time, never at build time.
import NextAuth, { CredentialsSignin, type DefaultSession } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientAddress } from "@/lib/api/forwarded";
import type { Role } from "@/lib/db/generated/enums";
import { logger } from "../../log";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "../sessions/store";
import { authenticate } from "./authenticate";
import { authSecret } from "./secret";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role } & DefaultSession["user"];
    sessionId?: string;
  }
  interface User {
    role?: Role;
    sessionId?: string;
  }
}

/** Thrown while an account or address is locked out; the sign-in page shows its own message. */
export class SignInLocked extends CredentialsSignin {
  code = "locked";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: authSecret(),
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin" },
  logger: {
    // A wrong password (or a paused sign-in) is an expected outcome, not an error worth a stack trace.
    // By Auth.js's error type, not the class name: the production build minifies class names.
    error: (error) => ((error as { type?: string }).type === "CredentialsSignin" ? undefined : logger.error({ err: error }, "auth error")),
    warn: (code) => logger.warn({ code }, "auth warning"),
    debug: () => {},
  },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const ip = request ? clientAddress(request.headers) : null;
        const result = await authenticate(credentials, ip);
        if (result.ok) return { ...result.actor, sessionId: await startSession(result.actor.id, { ip, userAgent: request?.headers.get("user-agent") ?? null }) };
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
        token.sid = user.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      session.user.id = token.uid as string;
      session.user.role = token.role as Role;
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server too, so a copy of the cookie stops working.
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await endSession(sid);
    },
  },
}));
