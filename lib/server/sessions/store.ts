// Server-side sessions: the session cookie (Auth.js's JWT) names a
// "UserSession" row, and a request is signed in only while that row exists,
// its user is active and it was seen in the last 7 days. Ending a session is
// deleting its row, so sign-out, sign-out-everywhere, a password change or
// reset, a role change and deactivation take effect at the next request, in
// every app instance. The check runs on every request: one named statement on
// the pool (as API keys are checked), which also refreshes "last seen" at most
// once a minute.
import { database, prisma } from "@/lib/db";
import { statementName } from "@/lib/db/statement-names";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import type { Actor } from "../auth/actor";

/** As long as the session cookie itself (lib/server/auth/auth.ts). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

type SessionWriter = Pick<Prisma.TransactionClient, "userSession">;

const SESSION_ACTOR_SQL = `
  WITH s AS (
    SELECT u."id", u."email", u."name", u."role"::text AS "role", s."id" AS "sessionId"
    FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."id" = $1 AND s."userId" = $2 AND u."active" = TRUE
      AND s."lastSeenAt" > now() - make_interval(secs => ${SESSION_MAX_AGE_SECONDS})
  ), touched AS (
    UPDATE "UserSession" SET "lastSeenAt" = now()
    WHERE "id" IN (SELECT "sessionId" FROM s) AND "lastSeenAt" < now() - interval '1 minute'
  )
  SELECT "id", "email", "name", "role", "sessionId" FROM s`;

/** The active user of a live session, or null when the session was ended or the user deactivated. */
export async function sessionActor(userId: string, sessionId: string): Promise<Actor | null> {
  const [row] = await database().query<Actor & { sessionId: string }>(SESSION_ACTOR_SQL, [sessionId, userId], statementName(SESSION_ACTOR_SQL, "auth"));
  return row ? { id: row.id, email: row.email, name: row.name, role: row.role as Role, sessionId: row.sessionId } : null;
}

/** A new session for a user who just signed in; sessions idle past their lifetime are cleared on the way. */
export async function startSession(userId: string, client: { ip: string | null; userAgent: string | null }): Promise<string> {
  const db = prisma();
  await db.userSession.deleteMany({ where: { userId, lastSeenAt: { lt: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000) } } });
  const session = await db.userSession.create({
    data: { userId, ip: client.ip?.slice(0, 100) ?? null, userAgent: client.userAgent?.slice(0, 500) ?? null },
    select: { id: true },
  });
  return session.id;
}

/** Sign-out: ends the one session the cookie names. */
export async function endSession(sessionId: string): Promise<void> {
  await prisma().userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends every session of a user, or every one but `keep` (the caller's own). Runs inside the caller's transaction. */
export async function endSessionsOf(db: SessionWriter, userId: string, keep?: string): Promise<number> {
  const { count } = await db.userSession.deleteMany({ where: { userId, ...(keep ? { id: { not: keep } } : {}) } });
  return count;
}
