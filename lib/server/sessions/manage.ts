// A user's own sessions, for /profile: the list (with the caller's current
// one marked), ending one of them, and ending every other one.
import { prisma } from "@/lib/db";
import type { Actor } from "../auth/actor";
import { notFound } from "../errors";
import { isoTimestamp } from "../serialize";
import { writeAudit } from "../audit/write";
import { endSessionsOf, SESSION_MAX_AGE_SECONDS } from "./store";

export interface SessionDto {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  userAgent: string | null;
  ip: string | null;
  /** The session this request comes from. */
  current: boolean;
}

export async function listOwnSessions(actor: Actor): Promise<SessionDto[]> {
  const rows = await prisma().userSession.findMany({
    where: { userId: actor.id, lastSeenAt: { gt: new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000) } },
    orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
  });
  const sessions = rows.map((s) => ({
    id: s.id, createdAt: isoTimestamp(s.createdAt)!, lastSeenAt: isoTimestamp(s.lastSeenAt)!, userAgent: s.userAgent, ip: s.ip, current: s.id === actor.sessionId,
  }));
  // The current session first: it is the one the user recognises.
  return [...sessions.filter((s) => s.current), ...sessions.filter((s) => !s.current)];
}

/** Ends one of the caller's sessions; another user's session is NOT_FOUND, as if it did not exist. */
export async function endOwnSession(actor: Actor, input: { id: string }): Promise<{ id: string; current: boolean }> {
  return prisma().$transaction(async (tx) => {
    const { count } = await tx.userSession.deleteMany({ where: { id: input.id, userId: actor.id } });
    if (count === 0) throw notFound("Session");
    await writeAudit(tx, actor, { action: "session.end", entity: "UserSession", entityId: input.id });
    return { id: input.id, current: input.id === actor.sessionId };
  });
}

/** "Sign out of all other sessions": every session of the caller but the one making the request. */
export async function endOtherSessions(actor: Actor): Promise<{ ended: number }> {
  return prisma().$transaction(async (tx) => {
    const ended = await endSessionsOf(tx, actor.id, actor.sessionId);
    await writeAudit(tx, actor, { action: "session.endOthers", entity: "User", entityId: actor.id, after: { ended } });
    return { ended };
  });
}
