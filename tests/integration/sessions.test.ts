// Server-side sessions (lib/server/sessions/): a session is live while its row
// exists, its user is active and it was seen in the last 7 days; "last seen"
// is written at most once a minute; every way of ending sessions deletes the
// right rows and no others. Over HTTP with copied cookies: tests/security/sessions.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/actor";
import { endOtherSessions, endOwnSession, listOwnSessions } from "@/lib/server/sessions/manage";
import { endSession, sessionActor, startSession } from "@/lib/server/sessions/store";
import { changeRole, resetPassword, setUserActive } from "@/lib/server/users/manage";
import { changeOwnPassword, updateOwnName } from "@/lib/server/users/profile";
import { changePasswordSchema } from "@/lib/validation/profile";
import { withDemoDatabase } from "../support/settings-actors";
import { availableKinds } from "../support/test-database";

const client = { ip: "192.0.2.10", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15" };

describe.each(availableKinds())("sessions on %s", (kind) => {
  const ctx = withDemoDatabase(kind);
  const p = () => ctx.prisma();
  let admin: Actor;
  let bob: Actor;
  beforeAll(() => {
    admin = ctx.actor("admin");
    bob = ctx.actor("bob");
  });

  /** `n` sessions of a user, as if signed in from `n` browsers. */
  const sessionsOf = (user: Actor, n: number) => Promise.all(Array.from({ length: n }, () => startSession(user.id, client)));
  const live = async (user: Actor, ids: string[]) => (await Promise.all(ids.map((id) => sessionActor(user.id, id)))).map((a) => a !== null);

  it("is live while its row exists, for its own user only, and ends with sign-out", async () => {
    const [id] = await sessionsOf(bob, 1);
    expect(await sessionActor(bob.id, id)).toEqual({ ...bob, sessionId: id });
    expect(await sessionActor(admin.id, id)).toBeNull();
    await endSession(id);
    expect(await sessionActor(bob.id, id)).toBeNull();
  });

  it("writes last seen at most once a minute, and lapses after 7 days unseen", async () => {
    const [id] = await sessionsOf(bob, 1);
    const twoMinutesAgo = new Date(Date.now() - 120_000);
    await p().userSession.update({ where: { id }, data: { lastSeenAt: twoMinutesAgo } });
    await sessionActor(bob.id, id);
    const seen = (await p().userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt;
    expect(seen.getTime()).toBeGreaterThan(twoMinutesAgo.getTime());
    await sessionActor(bob.id, id);
    expect((await p().userSession.findUniqueOrThrow({ where: { id } })).lastSeenAt).toEqual(seen);
    await p().userSession.update({ where: { id }, data: { lastSeenAt: new Date(Date.now() - 8 * 24 * 3600_000) } });
    expect(await sessionActor(bob.id, id)).toBeNull();
    expect((await listOwnSessions({ ...bob, sessionId: id })).map((s) => s.id)).not.toContain(id);
  });

  it("lists the user's own sessions, the current one first and marked, and ends one or all the others", async () => {
    const user = await p().user.create({ data: { email: `dana-${kind}@example.com`, name: "Dana", role: "SALES", passwordHash: "x" } });
    const dana: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const [a, b, c] = await sessionsOf(dana, 3);
    const [bobs] = await sessionsOf(bob, 1);
    const me = { ...dana, sessionId: b };
    const listed = await listOwnSessions(me);
    expect(listed.map((s) => [s.id, s.current])).toEqual([[b, true], ...[c, a].map((id) => [id, false])]);
    expect(listed[0]).toMatchObject({ ip: client.ip, userAgent: client.userAgent, createdAt: expect.any(String), lastSeenAt: expect.any(String) });
    // Another user's session is not hers to end, and reads as missing.
    await expect(endOwnSession(me, { id: bobs })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await live(bob, [bobs])).toEqual([true]);
    expect(await endOwnSession(me, { id: a })).toEqual({ id: a, current: false });
    expect(await live(dana, [a, b, c])).toEqual([false, true, true]);
    expect(await endOtherSessions(me)).toEqual({ ended: 1 });
    expect(await live(dana, [a, b, c])).toEqual([false, true, false]);
    expect(await live(bob, [bobs])).toEqual([true]);
  });

  it("ends every session of a user whose password an admin resets, whose role changes or who is deactivated", async () => {
    for (const change of [
      () => resetPassword(admin, { id: bob.id }),
      () => changeRole(admin, { id: bob.id, role: "MANAGER" }),
      () => changeRole(admin, { id: bob.id, role: "SALES" }),
      () => setUserActive(admin, { id: bob.id, active: false }),
    ]) {
      const ids = await sessionsOf(bob, 2);
      const [admins] = await sessionsOf(admin, 1);
      await change();
      expect(await p().userSession.count({ where: { id: { in: ids } } })).toBe(0);
      expect(await live(admin, [admins])).toEqual([true]);
    }
    await setUserActive(admin, { id: bob.id, active: true });
    // Saving the role a user already has changes nothing, sessions included.
    const [kept] = await sessionsOf(bob, 1);
    await changeRole(admin, { id: bob.id, role: "SALES" });
    expect(await live(bob, [kept])).toEqual([true]);
  });

  it("changes the password only with the current one, ending the user's other sessions and keeping this one", async () => {
    const { hashPassword } = await import("@/lib/auth/password");
    const user = await p().user.create({ data: { email: `erin-${kind}@example.com`, name: "Erin", role: "SALES", passwordHash: await hashPassword("old-password-1") } });
    const erin: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const [here, elsewhere] = await sessionsOf(erin, 2);
    const me = { ...erin, sessionId: here };
    const input = (currentPassword: string) => changePasswordSchema.parse({ currentPassword, newPassword: "new-password-2", confirmPassword: "new-password-2" });
    await expect(changeOwnPassword(me, input("not-it"), "192.0.2.50")).rejects.toMatchObject({ code: "VALIDATION", fields: { currentPassword: expect.any(String) } });
    expect(await live(erin, [here, elsewhere])).toEqual([true, true]);
    expect(await changeOwnPassword(me, input("old-password-1"), "192.0.2.50")).toEqual({ endedSessions: 1 });
    expect(await live(erin, [here, elsewhere])).toEqual([true, false]);
    const { authenticate } = await import("@/lib/server/auth/authenticate");
    expect((await authenticate({ email: erin.email, password: "new-password-2" })).ok).toBe(true);
    expect(changePasswordSchema.safeParse({ currentPassword: "a", newPassword: "new-password-2", confirmPassword: "other-password" }).error?.issues[0].path).toEqual(["confirmPassword"]);
  });

  it("throttles the current-password check like sign-in: a stolen session cannot become a way to guess", async () => {
    const user = await p().user.create({ data: { email: `finn-${kind}@example.com`, name: "Finn", role: "SALES", passwordHash: "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } });
    const finn: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
    const input = changePasswordSchema.parse({ currentPassword: "guess", newPassword: "new-password-2", confirmPassword: "new-password-2" });
    const results = await Promise.allSettled(Array.from({ length: 15 }, (_, i) => changeOwnPassword(finn, input, `192.0.2.${100 + i}`)));
    const codes = results.map((r) => (r.status === "rejected" ? (r.reason as { code: string }).code : "ok"));
    expect(codes.filter((c) => c === "VALIDATION")).toHaveLength(10);
    expect(codes.filter((c) => c === "RATE_LIMITED")).toHaveLength(5);
  });

  it("renames the user, with an audit entry", async () => {
    expect(await updateOwnName(bob, { name: "Bob Builder" })).toEqual({ name: "Bob Builder" });
    expect((await p().user.findUniqueOrThrow({ where: { id: bob.id } })).name).toBe("Bob Builder");
    expect(await p().auditLog.count({ where: { action: "user.rename", entityId: bob.id } })).toBe(1);
  });
});
